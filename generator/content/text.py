"""What text in content may hold, and where: one line or several, no markup, no invisible characters.

Every field of every content file holds plain NFC text: markup, control
characters, direction overrides, invisible and non-characters are refused with
the field's line, and so are line breaks in single-line fields (names, numbers:
they end up in titles, calendar names and file names). A dispatch's full text
may hold line breaks, but not such characters, nor lines longer than any
paragraph of a real document.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from generator.content.load import KeyPath, SourceFile, field_name
from generator.problems import Problem
from generator.vietnamese import thousands

_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|javascript\s*:", re.IGNORECASE)
# Characters that change how text around them is shown without being seen themselves:
# direction overrides (a slogan could read backwards on a printed banner) and zero-width ones.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Control characters a YAML escape can put into a value ("\0", "\e"): a banner or a PDF cannot draw them.
_CONTROL_IN_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Code points that are no characters (U+FFFE, U+FDD0…), lone surrogates a YAML escape can make ("\ud800"),
# and private-use ones: no font draws them, and XML (DOCX, Atom, calendars) refuses the first two kinds.
_NOT_TEXT = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\ue000-\uf8ff"
                       "\U0001fffe\U0001ffff\U000efffe\U000effff\U000f0000-\U0010ffff]")
_LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")
MULTILINE_KEYS = ("summary", "notes", "note")  # fields that may span lines; every other is a single line


MARKDOWN_FIELDS = {("summary",)}  # rendered as Markdown, then sanitised (generator.site.sanitize)


def _last_key(path: KeyPath) -> str | None:
    return next((key for key in reversed(path) if isinstance(key, str)), None)


def text_problems(source: SourceFile, value: Any, path: KeyPath = ()) -> list[Problem]:
    """Fields hold plain NFC text: markup and decomposed characters are refused
    (Markdown fields may hold markup: it is sanitised when rendered)."""
    problems = []
    if isinstance(value, dict):
        for key, item in value.items():
            problems += text_problems(source, item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            problems += text_problems(source, item, path + (index,))
    elif isinstance(value, str):
        where = (source.name, source.line_of(path), field_name(path) or None)
        if _MARKUP.search(value) and path not in MARKDOWN_FIELDS:
            problems.append(Problem(*where, "trông như mã HTML hoặc script; trường này chỉ chứa văn bản thuần"))
        if _LINE_BREAK.search(value.strip()) and _last_key(path) not in MULTILINE_KEYS:
            problems.append(Problem(*where, "xuống dòng trong trường một dòng (tên, số, ngày…); viết trên một "
                                            "dòng"))
        if not_text := _NOT_TEXT.search(value):
            problems.append(Problem(*where, f"có mã U+{ord(not_text.group()):04X} không phải chữ (ký tự dành riêng "
                                            "hoặc không hợp lệ); xóa ký tự này"))
        if control := _CONTROL_IN_VALUE.search(value):
            problems.append(Problem(*where, f"có ký tự điều khiển U+{ord(control.group()):04X} (viết bằng mã thoát "
                                            "như \\0, \\e trong dấu nháy kép); xóa ký tự này"))
        if hidden := _INVISIBLE.search(value):
            problems.append(Problem(*where, f"có ký tự ẩn U+{ord(hidden.group()):04X} (đổi hướng chữ hoặc khoảng "
                                            "trắng không độ rộng); xóa ký tự này"))
        if not unicodedata.is_normalized("NFC", value):
            problems.append(Problem(*where, "chữ chưa ở dạng Unicode dựng sẵn (NFC): dấu bị tách khỏi chữ; "
                                            "gõ lại đoạn này hoặc lưu tệp ở dạng NFC"))
    return problems


MAX_LINE = 20_000  # characters in one line of a body: a paragraph of a real dispatch is a few hundred


def body_problems(source: SourceFile) -> list[Problem]:
    """What a dispatch's full text may not hold: characters that change the direction of text or are
    no text at all, and lines longer than any paragraph of a real document (they are refused before
    the text is repaired, which then stays quick whatever the file holds)."""
    problems = []
    offset = source.text.count("\n", 0, len(source.text) - len(source.body))
    for number, line in enumerate(source.body.split("\n"), start=offset + 1):
        if len(line) > MAX_LINE:
            problems.append(Problem(source.name, number, "body", f"dòng dài {thousands(len(line))} ký tự; một đoạn "
                                    f"văn bản tối đa {thousands(MAX_LINE)} ký tự — hãy tách đoạn"))
        elif found := _BIDI_CONTROL.search(line) or _NOT_TEXT.search(line):
            problems.append(Problem(source.name, number, "body", f"có ký tự U+{ord(found.group()):04X} (đổi hướng "
                                    "chữ hoặc không phải chữ) trong toàn văn; xóa ký tự này"))
        if len(problems) >= 10:
            break
    return problems
