"""Load: read campaign YAML and dispatch front matter, keeping line numbers.

Everything downstream reports problems as ``file:line: field: message``; this
module is where the lines come from. YAML timestamps are *not* resolved here:
dates stay strings so that an impossible date ("2024-02-30") becomes a field
error from validation, with its line, instead of a crash of the YAML parser.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.files import content_files, display_name, read_text, theme_files
from generator.problems import WHOLE_FILE, ContentError, Problem

MAX_NESTING = 30  # levels of lists and mappings; content files need about 6
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$)")
FRONT_MATTER_FENCE = "---"
KeyPath = tuple[str | int, ...]


def field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for key in loc:
        name += f"[{key}]" if isinstance(key, int) else (f".{key}" if name else str(key))
    return name


@dataclass
class SourceFile:
    """A data file as read: its mapping, the line of every key, and a body if any."""

    name: str
    data: dict[str, Any]
    lines: dict[KeyPath, int] = field(default_factory=dict)
    body: str = ""
    text: str = ""  # the whole file as read

    def line_of(self, path: KeyPath) -> int:
        """Line of the deepest known key on ``path`` (a missing key points at its parent)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return self.lines.get((), 1)


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ~10× faster


class ContentLoader(_SafeLoader):
    """Safe YAML without implicit timestamps (dates are validated as strings)."""


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlProblem(yaml.YAMLError):
    """A value a loader's own constructor refuses, with the reason in plain words and where it is."""

    def __init__(self, message: str, mark: yaml.Mark) -> None:
        super().__init__(message)
        self.problem, self.problem_mark = message, mark


CONFIG_FILE = "mkdocs.yml"
ENVIRONMENT = ("SITE_URL",)  # the build machine's variables mkdocs.yml may read (!ENV): the published address


def _environment_value(loader: ContentLoader, node: yaml.Node) -> str | None:
    """``!ENV NAME`` or ``!ENV [NAME, default]``, for the variables of :data:`ENVIRONMENT` only: any
    other would print the build machine's secrets on every page."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = [loader.construct_object(item) for item in node.value]
        names, default = values[:1], (values[1] if len(values) > 1 else None)
    for name in names:
        if name not in ENVIRONMENT:
            raise YamlProblem(f"!ENV chỉ được đọc biến {', '.join(ENVIRONMENT)}; không đọc biến {name!r} của máy "
                              "dựng trang", node.start_mark)
    value = os.environ.get(names[0]) if names else None
    return value or default


class ConfigLoader(ContentLoader):
    """The content loader, knowing ``!ENV`` for the project's own variables (mkdocs.yml)."""


ConfigLoader.add_constructor("!ENV", _environment_value)


def _key_lines(node: yaml.Node, path: KeyPath, offset: int, out: dict[KeyPath, int]) -> None:
    out[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = path + (str(key_node.value),)
            _key_lines(value_node, key, offset, out)
            out[key] = key_node.start_mark.line + 1 + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _key_lines(item, path + (index,), offset, out)


_YAML_PROBLEMS = (  # PyYAML's words for the mistakes editors make, in plain Vietnamese
    ("that cannot start any token", "có ký tự không được phép ở đầu giá trị (dấu Tab? YAML chỉ thụt lề bằng dấu cách)"),
    ("mapping values are not allowed here",
     "dấu hai chấm ở chỗ không được phép (giá trị có dấu ':' cần đặt trong dấu nháy \"…\")"),
    ("could not find expected ':'", "thiếu dấu hai chấm ':' sau tên trường"),
    ("expected ',' or ']'", "thiếu dấu ']' đóng danh sách"),
    ("expected ',' or '}'", "thiếu dấu '}' đóng nhóm"),
    ("found unexpected end of stream", "tệp kết thúc khi dấu nháy chưa được đóng"),
    ("expected <block end>", "thụt lề không khớp với các dòng phía trên"),
    ("did not find expected key", "thụt lề không khớp với các dòng phía trên"),
    ("did not find expected '-' indicator", "thụt lề không khớp với các mục danh sách phía trên"),
    ("found undefined alias", "dùng bí danh (*tên) chưa được định nghĩa"),
    ("found unexpected ':'", "dấu hai chấm ở chỗ không được phép"),
    ("found unhashable key", "tên trường phải là một chữ, không phải danh sách hay nhóm"),
    ("while scanning a quoted scalar", "dấu nháy chưa được đóng"),
    ("found invalid Unicode character escape code", "mã thoát \\u… không phải một ký tự Unicode hợp lệ"),
    ("found unknown escape character", "mã thoát sau dấu \\ không có (trong dấu nháy kép, \\ phải viết \\\\)"),
)


_OPEN_CONSTRUCTS = ("while parsing a block mapping", "while parsing a block collection")


def _yaml_problem_in_words(detail: str) -> str:
    for english, vietnamese in _YAML_PROBLEMS:
        if english in detail:
            return vietnamese
    return detail


def _key_near(text: str, line: int) -> str | None:
    """The key written on ``line`` (1-based) or on the closest line above it."""
    lines = text.split("\n")
    for index in range(min(line, len(lines)) - 1, -1, -1):
        match = _KEY_LINE.match(lines[index])
        if match:
            return match.group(1)
    return None


def _check_shape(text: str, name: str, line_offset: int) -> None:
    """Refuse anchors and aliases (&name, *name) and very deep nesting before anything is built.

    Content never needs them, and they are how a small file turns into an
    exponential amount of work (an "alias bomb") or a recursion without end.
    One pass over the parser's events: linear in the size of the file.
    """
    depth = 0
    for event in yaml.parse(text, Loader=ContentLoader):
        line = event.start_mark.line + 1 + line_offset
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ContentError([Problem(name, line, _key_near(text, line - line_offset) or WHOLE_FILE,
                                        "không dùng neo và bí danh YAML (&tên, *tên) trong tệp nội dung; "
                                        "hãy viết đầy đủ giá trị")])
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_NESTING:
                raise ContentError([Problem(name, line, _key_near(text, line - line_offset) or WHOLE_FILE,
                                            f"lồng nhau quá {MAX_NESTING} cấp")])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _syntax_problem(err: yaml.YAMLError, text: str, name: str, line_offset: int) -> Problem:
    """Where the editor's mistake is (the construct left open, else where the parser stopped) and what it is."""
    context = getattr(err, "context_mark", None)
    problem = getattr(err, "problem_mark", None)
    if problem is not None and getattr(err, "context", None) in _OPEN_CONSTRUCTS:
        context = None  # "while parsing a block mapping": the mapping is the whole file, the problem is here
    mark = context or problem
    line = mark.line + 1 + line_offset if mark else 1 + line_offset
    detail = _yaml_problem_in_words((getattr(err, "problem", None) or str(err)).strip())
    if context and problem and problem.line != context.line:
        detail += f" (phát hiện ở dòng {problem.line + 1 + line_offset})"
    return Problem(name, line, _key_near(text, line - line_offset) or WHOLE_FILE, f"sai cú pháp YAML: {detail}")


def parse_yaml(text: str, name: str, line_offset: int = 0,
               loader_class: type[ContentLoader] = ContentLoader) -> SourceFile:
    """Parse one YAML mapping; ``line_offset`` is the file line before the YAML starts; ``loader_class``
    may know tags of its own (a subclass of the safe loader)."""
    try:
        _check_shape(text, name, line_offset)
        node = yaml.compose(text, Loader=ContentLoader)
    except yaml.YAMLError as err:
        raise ContentError([_syntax_problem(err, text, name, line_offset)]) from None
    if node is None:
        raise ContentError([Problem(name, 1 + line_offset, WHOLE_FILE, "tệp không có dữ liệu")])
    if not isinstance(node, yaml.MappingNode):
        raise ContentError(
            [Problem(name, node.start_mark.line + 1 + line_offset, WHOLE_FILE,
                     "cần các trường dạng 'tên: giá trị' ở cấp ngoài cùng của tệp")]
        )
    loader = loader_class(text)
    try:
        data = loader.construct_document(node)
    except yaml.YAMLError as err:  # a tag the safe loader refuses (!!python/object…), a list as a key
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark else 1 + line_offset
        message = (err.problem if isinstance(err, YamlProblem) else
                   "thẻ kiểu YAML không được phép (chỉ dùng văn bản, số, ngày, danh sách)"
                   if "tag" in str(getattr(err, "problem", "")) else
                   f"giá trị YAML không dùng được ở đây ({_yaml_problem_in_words(str(err.problem))})")
        raise ContentError([Problem(name, line, _key_near(text, line - line_offset) or WHOLE_FILE, message)]) from None
    except (ValueError, OverflowError, TypeError, AttributeError):  # !!timestamp 2024-02-30, 5,000 digits
        line = _value_line(node) + line_offset
        raise ContentError([Problem(name, line, _key_near(text, line - line_offset) or WHOLE_FILE,
                                    "giá trị không đọc được: số quá dài, ngày không có thật hoặc thẻ kiểu "
                                    "(!!int, !!timestamp…) không khớp với giá trị")]) from None
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    _key_lines(node, (), line_offset, lines)
    duplicate = _first_duplicate_key(node)
    if duplicate is not None:
        key, line = duplicate
        raise ContentError([Problem(name, line + line_offset, key, "trường này được viết hai lần")])
    return SourceFile(name=name, data=data, lines=lines)


def _value_line(node: yaml.Node) -> int:
    """Line (1-based, in the YAML text) of the first scalar that the constructor cannot turn into a value."""
    constructor = yaml.constructor.SafeConstructor()
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            construct = constructor.yaml_constructors.get(current.tag)
            try:
                if construct is not None:
                    construct(constructor, current)
            except Exception:  # noqa: BLE001 - whatever it raises, this is the value that cannot be read
                return current.start_mark.line + 1
        elif isinstance(current, yaml.MappingNode):
            stack += reversed([part for pair in current.value for part in pair])
        elif isinstance(current, yaml.SequenceNode):
            stack += reversed(current.value)
    return node.start_mark.line + 1


def _first_duplicate_key(node: yaml.Node) -> tuple[str, int] | None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.value in seen:
                return str(key_node.value), key_node.start_mark.line + 1
            seen.add(key_node.value)
            found = _first_duplicate_key(value_node)
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _first_duplicate_key(item)
            if found:
                return found
    return None


def load_yaml_file(path: Path, root: Path) -> SourceFile:
    return parse_yaml(read_text(path, root), display_name(path, root))


def load_site_config(path: Path, root: Path) -> SourceFile:
    """mkdocs.yml, read safely: its tags run no code and read no variable but :data:`ENVIRONMENT`."""
    if path.is_symlink() or not path.is_file():
        raise ContentError.about(CONFIG_FILE, "thiếu tệp cấu hình mkdocs.yml (hoặc đó là liên kết, thư mục)")
    return parse_yaml(read_text(path, root), display_name(path, root), loader_class=ConfigLoader)


def load_front_matter_file(path: Path, root: Path) -> SourceFile:
    """A Markdown file that starts with ``---`` YAML front matter ``---``."""
    name = display_name(path, root)
    text = read_text(path, root)
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        raise ContentError([Problem(name, 1, "front matter",
                                    "thiếu phần thông tin đầu tệp: tệp phải bắt đầu bằng dòng '---'")])
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        raise ContentError(
            [Problem(name, 1, "front matter", "phần thông tin đầu tệp chưa đóng: thêm dòng '---' sau phần này")]
        ) from None
    source = parse_yaml("\n".join(lines[1:end]), name, line_offset=1)
    source.body = "\n".join(lines[end + 1:])
    source.text = text
    return source


@dataclass
class RawContent:
    """Every content file as read, before validation; the dispatches only listed (thousands of
    them: validation reads and checks each on its own, in parallel when there are many)."""

    root: Path
    campaigns: list[SourceFile]
    document_files: list[Path]
    pages: list[SourceFile]
    units: SourceFile | None
    site_config: SourceFile | None


def load_content(root: Path) -> RawContent:
    """Read all campaigns, pages and the unit catalog under ``root`` and list the dispatches;
    collect every problem."""
    files = content_files(root)
    problems = list(files.problems) + theme_files(root)[1]  # the theme is published too: no link, no device

    def gather(paths: list[Path], reader) -> list[SourceFile]:
        found = []
        for path in paths:
            try:
                found.append(reader(path, root))
            except ContentError as err:
                problems.extend(err.problems)
        return found

    campaigns = gather(files.campaigns, load_yaml_file)
    pages = gather(files.pages, load_front_matter_file)
    units = gather([files.units] if files.units else [], load_yaml_file)
    config = gather([root / CONFIG_FILE], load_site_config)
    if problems:
        raise ContentError(problems)
    return RawContent(root=root, campaigns=campaigns, document_files=files.documents, pages=pages,
                      units=units[0] if units else None, site_config=config[0] if config else None)
