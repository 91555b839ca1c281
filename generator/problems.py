"""Problems found in content, reported with file, line and field, in Vietnamese.

``campaigns/2024.yml:3: lỗi: edition: …``: an editor opens the file at the
line and corrects the field; field names stay as they are written in the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SEVERITY_WORDS = {"error": "lỗi", "warning": "cảnh báo"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a look) in one place of one file."""

    file: str
    line: int | None
    field: str | None
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f"{self.field}: " if self.field else ""
        return f"{where}: {SEVERITY_WORDS[self.severity]}: {what}{self.message}"


WHOLE_FILE = "file"  # the field named by problems that concern a file as a whole


@dataclass(frozen=True)
class Origin:
    """Where something of the site comes from: a field on a line of a content file."""

    file: str
    line: int | None
    field: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} ({self.field})" if self.line else f"{self.file} ({self.field})"

    def problem(self, message: str) -> Problem:
        return Problem(self.file, self.line, self.field, message)


class ContentError(Exception):
    """Raised when content cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple:
        """Pickled with its problems (a build stage runs in a child process and sends it back)."""
        return type(self), (self.problems,), self.__dict__

    @classmethod
    def about(cls, file: str, message: str, line: int = 1, field: str = WHOLE_FILE) -> ContentError:
        """One problem with one file (or with a command's argument, named as the field)."""
        return cls([Problem(file, line, field, message)])


class BuildError(Exception):
    """A build stage failed for a reason that is not in the content (a tool, a bug)."""
