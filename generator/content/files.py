"""Which files are content, and reading one safely.

Every entry under ``campaigns/``, ``content/dispatches/`` and ``content/pages/``
is either read or rejected with a reason: a campaign is ``campaigns/<year>.yml``,
a dispatch ``content/dispatches/<year>/<slug>.md``, a page
``content/pages/<slug>.md``. Notes for editors (``*.md`` in ``campaigns/``,
such as SOURCES.md) and hidden files (``.gitkeep``, ``.DS_Store``) are not
content and are left alone; anything else (``2027.yaml``, ``x.MD``, a
sub-folder, a FIFO, a symbolic link) is an error, so that nothing an editor
adds is silently skipped and nothing outside the project is read: no link is
followed, not even one that points inside the project (it could be changed to
point elsewhere between a check and a build). The same holds for ``theme/``,
whose files the engine publishes.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator.problems import WHOLE_FILE, ContentError, Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
_YEAR = re.compile(r"^\d{4}$")
# C0 controls other than tab and line ends, and DEL: never typed by an editor, and YAML rejects them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Line ends other than \n that YAML counts as lines (NEL, LS, PS): the lines an editor sees would disagree.
_ODD_LINE_END = re.compile("[\x85\u2028\u2029]")


def display_name(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class ContentFiles:
    """The content files of a project, by kind, and the entries that are refused."""

    campaigns: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    units: Path | None = None
    problems: list[Problem] = field(default_factory=list)


def _refuse(files: ContentFiles, path: Path, root: Path, message: str) -> None:
    files.problems.append(Problem(display_name(path, root), 1, WHOLE_FILE, message))


def _entries(folder: Path) -> list[Path]:
    return sorted(entry for entry in folder.iterdir() if not entry.name.startswith("."))


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:  # a dangling link
        return False


LINK_REFUSED = "là liên kết (symlink); ctxh không đọc qua liên kết, hãy đặt tệp hay thư mục thật vào đây"


def _check_entry(files: ContentFiles, path: Path, root: Path, suffix: str, what: str) -> bool:
    """True when ``path`` may be read as a content file ending in ``suffix``; else a problem is recorded."""
    if path.is_symlink():
        _refuse(files, path, root, LINK_REFUSED)
    elif path.is_dir():
        _refuse(files, path, root, f"là một thư mục; ở đây chỉ đặt {what}")
    elif not _is_regular_file(path):
        _refuse(files, path, root, "không phải tệp thông thường (FIFO, thiết bị hoặc liên kết hỏng)")
    elif path.suffix != suffix:
        _refuse(files, path, root, f"phần mở rộng '{path.suffix or '(không có)'}': ở đây chỉ đặt {what}")
    else:
        return True
    return False


def _dispatch_files(files: ContentFiles, folder: Path, root: Path) -> None:
    what = "thư mục năm (ví dụ 2024/) chứa các tệp văn bản .md"
    for year_folder in _entries(folder):
        if year_folder.is_symlink():
            _refuse(files, year_folder, root, LINK_REFUSED)
        elif not year_folder.is_dir() or not _YEAR.match(year_folder.name):
            _refuse(files, year_folder, root, f"ở đây chỉ đặt {what}")
        else:
            files.documents += [path for path in _entries(year_folder)
                                if _check_entry(files, path, root, ".md", "tệp văn bản .md (chữ thường)")]


def _folder(files: ContentFiles, folder: Path, root: Path) -> bool:
    """True when ``folder`` is a real folder to read; a link or a file in its place is a problem."""
    if folder.is_symlink():
        _refuse(files, folder, root, LINK_REFUSED)
        return False
    if folder.exists() and not folder.is_dir():
        _refuse(files, folder, root, "cần là một thư mục, không phải tệp")
        return False
    return folder.is_dir()


def content_files(root: Path) -> ContentFiles:
    """Every content file of the project at ``root``; refused entries as problems."""
    files = ContentFiles()
    campaigns = root / "campaigns"
    for path in _entries(campaigns) if _folder(files, campaigns, root) else []:
        if path.suffix == ".md" and _is_regular_file(path) and not path.is_symlink():
            continue  # notes for editors (SOURCES.md)
        if _check_entry(files, path, root, ".yml", "tệp năm dạng <năm>.yml (và ghi chú .md)"):
            files.campaigns.append(path)
    if not files.campaigns:
        files.problems.append(Problem("campaigns", 1, WHOLE_FILE,
                                      "chưa có tệp năm nào; tạo bằng `ctxh new-year <năm>`"))
    content = root / "content"
    if not _folder(files, content, root):
        if not content.exists() and not content.is_symlink():
            files.problems.append(Problem("content", 1, WHOLE_FILE, "thiếu thư mục content/ (văn bản, trang, "
                                                                    "danh mục đơn vị)"))
        return files
    dispatches = content / "dispatches"
    if _folder(files, dispatches, root):
        _dispatch_files(files, dispatches, root)
    pages = content / "pages"
    for path in _entries(pages) if _folder(files, pages, root) else []:
        if _check_entry(files, path, root, ".md", "trang .md"):
            files.pages.append(path)
    units = content / "units.yml"
    if not units.exists() and not units.is_symlink():
        files.problems.append(Problem("content/units.yml", 1, WHOLE_FILE,
                                      "thiếu danh mục đơn vị (content/units.yml)"))
    elif _check_entry(files, units, root, ".yml", "danh mục đơn vị units.yml"):
        files.units = units
    return files


MAX_THEME_FILES, MAX_THEME_BYTES = 500, 20 * 1024 * 1024


def theme_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """The files of ``theme/`` (the engine publishes them), each a regular file inside the project;
    links, devices and an oversized theme are problems."""
    folder, found, problems, total = root / "theme", [], [], 0
    refused = ContentFiles()
    if not _folder(refused, folder, root):
        return [], refused.problems
    for current, folders, names in os.walk(folder, followlinks=False):
        here = Path(current)
        for name in sorted(folders):
            if (here / name).is_symlink():
                _refuse(refused, here / name, root, LINK_REFUSED)
        for name in sorted(names):
            path = here / name
            if path.is_symlink():
                _refuse(refused, path, root, LINK_REFUSED)
            elif not _is_regular_file(path):
                _refuse(refused, path, root, "không phải tệp thông thường (FIFO, thiết bị)")
            else:
                found.append(path)
                total += path.stat().st_size
    problems = refused.problems
    if len(found) > MAX_THEME_FILES or total > MAX_THEME_BYTES:
        problems.append(Problem("theme", 1, WHOLE_FILE, f"thư mục theme/ có {len(found)} tệp, {total // 1024} KB; "
                                f"tối đa {MAX_THEME_FILES} tệp, {MAX_THEME_BYTES // 1024 // 1024} MB"))
    return sorted(found), problems


def read_text(path: Path, root: Path) -> str:
    """Read a UTF-8 content file, refusing what cannot be content (with a reason and a line)."""
    name = display_name(path, root)

    def refuse(message: str, line: int | None = 1) -> ContentError:
        return ContentError([Problem(name, line, WHOLE_FILE, message)])

    if path.is_symlink():
        raise refuse(LINK_REFUSED)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise refuse(f"tệp nặng {size // 1024} KB; tệp nội dung tối đa {MAX_FILE_BYTES // 1024} KB")
        raw = path.read_bytes()
    except OSError as error:  # removed or renamed meanwhile (during a build), unreadable
        raise refuse(f"không đọc được tệp ({error.strerror or error}); tệp bị xóa, đổi tên hay khóa trong lúc "
                     "đọc? chạy lại lệnh") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse("tệp được lưu bằng bảng mã UTF-16 (\"Unicode\" của Notepad); hãy lưu lại với bảng mã UTF-8")
    if b"\x00" in raw:
        raise refuse("là tệp nhị phân, cần tệp văn bản UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise refuse("không phải văn bản UTF-8 (bảng mã cũ như TCVN3, VNI?); hãy lưu lại tệp với bảng mã "
                     "Unicode UTF-8", raw[: err.start].count(b"\n") + 1) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        raise refuse(f"có ký tự điều khiển U+{ord(control.group()):04X} không nhìn thấy được; xóa ký tự này",
                     text.count("\n", 0, control.start()) + 1)
    odd = _ODD_LINE_END.search(text)
    if odd:
        raise refuse(f"có ký tự xuống dòng đặc biệt U+{ord(odd.group()):04X} (thường do dán từ Word hay trang web); "
                     "thay bằng dấu cách hoặc một lần Enter", text.count("\n", 0, odd.start()) + 1)
    return text
