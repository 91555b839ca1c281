"""Stage 4, extract: the structure of a dispatch read from its repaired text.

Input is text already through :func:`generator.reading.normalize.repair_text`; output
is a plain dict with the keys and shapes of the gold files (front matter of a
document, ISO date strings, ``None`` where the document leaves a field blank).
Used by ``ctxh import``; an editor reviews the result before publishing.

The rules follow the state's document format (Nghị định 30/2020/NĐ-CP): a
header with the issuing body, "Số: N/SYMBOL", "Place, ngày D tháng M năm Y",
"V/v …" or a title under "KẾ HOẠCH", "Kính gửi:", a preamble of "Căn cứ /
Thực hiện / Theo đề nghị", numbered items, "Nơi nhận:" and a signature block.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.reading.normalize import plain
from generator.reading.outline import Block, item_blocks, outline
from generator.vietnamese import issuer_level

# --- vocabulary -----------------------------------------------------------------

DOC_TYPE_TITLES = {
    "KẾ HOẠCH": "ke_hoach", "QUYẾT ĐỊNH": "quyet_dinh", "THÔNG BÁO": "thong_bao",
    "HƯỚNG DẪN": "huong_dan", "TỜ TRÌNH": "to_trinh", "BÁO CÁO": "bao_cao", "CÔNG VĂN": "cong_van",
}
REFERENCE_KINDS = ("Quyết định", "Công văn", "Văn bản", "Tờ trình", "Kế hoạch", "Thông tư",
                   "Nghị định", "Chỉ thị", "Hướng dẫn", "Thông báo", "Nghị quyết", "Luật")
ADMIN_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")

# Words that open the name of a unit. A comma or "và" followed by one of these
# starts a new name; otherwise it is inside a name ("UBND các huyện, thành phố").
UNIT_HEADS = (
    r"Sở|Phòng|Hội|Đoàn|Đài|Báo|Cổng|Ủy ban|Uỷ ban|UBND|Trung tâm|Tỉnh đoàn|Huyện đoàn|Thành đoàn"
    r"|Trường|Cơ sở|Bộ|Cục|Chi cục|Ban|Bệnh viện|Công an|Liên đoàn|Mặt trận|Thủ trưởng|Chủ tịch"
    r"|[Cc]ác (?:tổ chức|phòng|cơ quan|đơn vị|xã|sở|hội|trường|huyện|Sở|Hội|cơ sở|đoàn thể)"
)
_UNIT_START = re.compile(rf"^(?:{UNIT_HEADS})\b")
_NAME_SPLIT = re.compile(rf",\s*(?=(?:{UNIT_HEADS})\b)|\s+và\s+(?=(?:{UNIT_HEADS})\b)")
# Verbs that end the subject of an assignment ("Sở Y tế triển khai …").
_VERB = re.compile(
    r"(?<!các )(?<!Các )\b(?:triển khai|tổ chức|chỉ đạo|chủ trì|phối hợp|đẩy mạnh|tăng cường|xây dựng"
    r"|thực hiện|hướng dẫn|nghiên cứu|duy trì|tuyên truyền|báo cáo|có văn bản|có kế hoạch|giới thiệu"
    r"|quan tâm|căn cứ|bố trí|tham mưu|theo dõi|kiểm tra)\b"
)
_LEAD_WORDS = re.compile(r"^(?:Đề nghị|Giao|Yêu cầu|Căn cứ vào [^,]+,)\s*", re.IGNORECASE)

_DATE_NUMERIC = r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
_DATE_WORDS = r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_DATE_ANY = re.compile(rf"{_DATE_NUMERIC}|{_DATE_WORDS}")
_DATE_LINE = re.compile(r"^(?P<place>[^,\d]{2,60}),\s*ngày\s*(?P<day>\d{0,2})\s*tháng\s*(?P<month>\d{0,2})"
                        r"\s*năm\s*(?P<year>\d{4})")
_NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<number>\d*)\s*/\s*(?P<symbol>\S+)")
_SUBJECT_STOP = re.compile(r"^(?:Kính gửi|Số\s*:|CỘNG HÒA|Độc lập|[^,\d]{2,60},\s*ngày)")
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


class ImpossibleDate(ValueError):
    """The date line of the header names a day that does not exist ("ngày 31 tháng 02")."""

    def __init__(self, line: str):
        super().__init__(f"dòng ngày tháng “{line}” ghi một ngày không có thật")
        self.line = line


def _date(match: re.Match[str]) -> str | None:
    day, month, year = (g for g in match.groups() if g is not None)
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """First date in ``text`` ('24/02/2023', '15 tháng 9 năm 2016') as ISO, or None."""
    match = _DATE_ANY.search(text)
    return _date(match) if match else None


def _strip_end(text: str, chars: str = ";.,:") -> str:
    return text.strip().rstrip(chars).strip()


def split_names(phrase: str) -> list[str]:
    """'Sở Y tế, Sở Giáo dục và Đào tạo và UBND các xã' → three unit names."""
    phrase = re.sub(r",?\s*(?:\.\.\.|…)\s*$", "", phrase.strip())
    return [_strip_end(part) for part in _NAME_SPLIT.split(_strip_end(phrase)) if _strip_end(part)]


def actor_phrase(text: str) -> str | None:
    """The unit(s) an item is addressed to, read from its opening, or None."""
    text = plain(text)
    text = re.sub(r"^(?:[IVXLC]+\.|\d+\.|[a-zđ]\))\s*", "", text)
    candidates = [_LEAD_WORDS.sub("", text)]
    if ", " in text[:60]:
        candidates.append(_LEAD_WORDS.sub("", text.split(", ", 1)[1]))
    for candidate in candidates:
        if not _UNIT_START.match(candidate):
            continue
        ends = [m.start() for m in (_VERB.search(candidate), re.search(r":", candidate)) if m]
        if ends:
            return _strip_end(candidate[: min(ends)])
        if len(candidate) < 120:  # a title line naming the unit, its task in the next paragraph
            return _strip_end(candidate)
    return None


# --- header -----------------------------------------------------------------------

def _header_lines(paragraphs: list[list[str]]) -> list[str]:
    """Upper-case lines naming the issuing body, before the national motto."""
    lines: list[str] = []
    for paragraph in paragraphs[:4]:
        for line in paragraph:
            text = plain(line)
            if text.startswith("CỘNG HÒA") or text.startswith("CỘNG HOÀ"):
                return lines
            if text.upper() == text and re.search(r"[A-ZĐ]", text) and not text.startswith("Số"):
                if text in DOC_TYPE_TITLES:
                    return lines
                lines.append(text)
            else:
                return lines
    return lines


def _cased_like_body(upper: str, body: str) -> str:
    """'SỞ Y TẾ' → 'Sở Y tế' as the body writes it; sentence case as a fallback."""
    for match in re.finditer(re.escape(upper), body, re.IGNORECASE):
        if match.group(0) != match.group(0).upper():
            return match.group(0)
    return upper[:1] + upper[1:].lower()


def _place_title(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())


def _split_admin(text: str) -> tuple[str, str, str] | None:
    """'ỦY BAN NHÂN DÂN HUYỆN SƠN TÂY' → ('ỦY BAN NHÂN DÂN', 'huyện', 'Sơn Tây')."""
    for word in sorted(ADMIN_WORDS, key=len, reverse=True):
        match = re.search(rf"\b{word}\s+(.+)$", text, re.IGNORECASE)
        if match:
            return text[: match.start()].strip(), word, _place_title(match.group(1))
    return None


_INFERRED_ISSUER = re.compile(
    r"(?P<org>Sở [A-ZĐ][^,;:.]{0,60}?|(?:Ủy ban nhân dân|UBND) (?P<admin>tỉnh|thành phố|huyện|quận|thị xã|xã))"
    r"\s+(?:kính đề nghị|đề nghị|yêu cầu|ban hành|có ý kiến|hướng dẫn)"
)


def extract_issuer(paragraphs: list[list[str]], body: str, place: str | None,
                   references: list[dict[str, Any]]) -> dict[str, Any]:
    header = _header_lines(paragraphs)
    inferred = not header
    name = level = None
    if header:
        parts = [_cased_like_body(line, body) if not _split_admin(line) else line for line in header]
        joined = " ".join(parts)
        split = _split_admin(joined)
        if split:
            org, admin, where = split
            org_cased = _cased_like_body(org, body)
            name, place_name = f"{org_cased} {admin} {where}", where
        else:
            name, place_name = _cased_like_body(joined, body), None
        level = issuer_level(name)
    else:
        match = _INFERRED_ISSUER.search(body)
        place_name = place
        if match:
            org = match.group("org").strip()
            admin = match.group("admin") or "tỉnh"
            if org.startswith("UBND"):
                org = "Ủy ban nhân dân" + org[4:]
            base = org if match.group("admin") else f"{org} {admin}"
            name = f"{base} {place}" if place else base
            level = issuer_level(f"{base} {place or ''}")
    province = None
    if level == "province":
        province = place_name
    else:
        for text in [ref.get("issuer") or "" for ref in references] + [body]:
            found = re.search(r"\btỉnh\s+([A-ZĐÂÊÔƠƯ][\wÀ-ỹ]*(?:\s+[A-ZĐÂÊÔƠƯ][\wÀ-ỹ]*)*)", text)
            if found:
                province = found.group(1)
                break
    return {"name": name, "level": level, "province": province, "inferred": inferred}


# --- body parts -------------------------------------------------------------------

_REFERENCE = re.compile(
    rf"(?P<kind>{'|'.join(REFERENCE_KINDS)})\s+số\s+(?P<number>\d+\s*/\s*[\wĐđ&\-]+(?:-[\wĐđ&]+)*)"
    rf"\s+ngày\s+(?P<date>{_DATE_NUMERIC}|{_DATE_WORDS})"
    r"(?:\s+của\s+(?P<issuer>.+?))?(?=\s+(?:có\s+)?về\b|\s*[,;.]|\s*$)"
)
_PROPOSER = re.compile(r"đề nghị của\s+(?P<issuer>.+?)\s+tại\s*$")


def extract_references(preamble: list[str]) -> list[dict[str, Any]]:
    references = []
    for paragraph in preamble:
        text = plain(paragraph)
        if not re.match(r"^(?:Căn cứ|Thực hiện|Theo|Xét|Triển khai)", text):
            continue
        for match in _REFERENCE.finditer(text):
            issuer = match.group("issuer")
            if not issuer:
                proposer = _PROPOSER.search(text[: match.start()])
                issuer = proposer.group("issuer") if proposer else None
            references.append({
                "kind": match.group("kind"),
                "number": re.sub(r"\s+", "", match.group("number")),
                "date": parse_date(match.group("date")),
                "issuer": issuer.strip() if issuer else None,
            })
    return references


def _list_after(paragraphs: list[list[str]], label: re.Pattern[str]) -> tuple[list[str], str | None]:
    """Bullet lines following a line such as 'Kính gửi:' (and text on that line)."""
    for index, paragraph in enumerate(paragraphs):
        for line_index, line in enumerate(paragraph):
            match = label.match(plain(line))
            if not match:
                continue
            rest = plain(line)[match.end():].strip()
            lines = paragraph[line_index + 1:]
            if not lines and index + 1 < len(paragraphs):
                lines = paragraphs[index + 1]
            items = [plain(item)[2:] for item in lines if item.startswith("- ")]
            return items, rest or None
    return [], None


def extract_signer(paragraphs: list[list[str]]) -> dict[str, Any]:
    lines = [plain(line) for paragraph in paragraphs for line in paragraph]
    if not lines:
        return {"name": None, "title_lines": []}
    name = lines[-1]
    titles = []
    for line in reversed(lines[:-1]):
        if line.startswith("- ") or line != line.upper():
            break
        titles.insert(0, line)
    if not titles:
        return {"name": None, "title_lines": []}
    return {"name": name, "title_lines": titles}


_DEADLINE_DATED = re.compile(
    r"(?P<what>báo cáo(?:\s+[^,.;]*?)?)\s+về\s+(?P<to>.+?)\s+trước ngày\s+(?P<date>"
    + _DATE_NUMERIC + "|" + _DATE_WORDS + ")"
)
_DEADLINE_UNDATED = re.compile(r"(?P<what>báo cáo(?:\s+[^,.;]*?)?)\s+về\s+(?P<to>.+?)\s+(?:tổng hợp|để)\b")


def extract_deadlines(blocks: list[Block], closing: list[Block]) -> list[dict[str, Any]]:
    deadlines = []
    for block in blocks:
        for match in _DEADLINE_DATED.finditer(plain(" ".join(block.lines))):
            deadlines.append({"what": match.group("what"), "due": parse_date(match.group("date")),
                              "to": match.group("to"), "applies_to": "all"})
    if not deadlines:
        for block in closing:
            match = _DEADLINE_UNDATED.search(plain(" ".join(block.lines)))
            if match:
                deadlines.append({"what": match.group("what"), "due": None, "to": match.group("to"),
                                  "applies_to": "all"})
    return deadlines


_WINDOW = re.compile(r"(?:thời gian treo|treo)[^.]*?từ ngày\s+(\d{1,2})/(\d{1,2})\s*[-–]\s*(?:đến ngày\s+)?"
                     + _DATE_NUMERIC)


def _window(match: re.Match[str], applies_to: list[str]) -> dict[str, Any] | None:
    day, month, end_day, end_month, year = (int(g) for g in match.groups())
    try:
        start, end = dt.date(year, month, day), dt.date(year, end_month, end_day)
    except ValueError:
        return None
    return {"start": start.isoformat(), "end": end.isoformat(), "applies_to": applies_to}


def extract_slogans(blocks: list[Block]) -> list[str]:
    slogans: list[str] = []
    for block in blocks:
        text = plain(" ".join(block.lines))
        for match in re.finditer(r"(?:băng rôn|khẩu hiệu)[^“\"]*?nội dung\s*:?\s*((?:[“\"][^”\"]+[”\"]\s*(?:hoặc|,|và)?\s*)+)",
                                 text):
            for slogan in _QUOTED.findall(match.group(1)):
                if slogan not in slogans:
                    slogans.append(slogan)
    return slogans


def extract_theme(blocks: list[Block]) -> str | None:
    for index, block in enumerate(blocks):
        text = plain(" ".join(block.lines))
        match = re.search(r"chủ đề\s*:?\s*[“\"]([^”\"]+)[”\"]", text, re.IGNORECASE)
        if match:
            return match.group(1).strip()
        if "CHỦ ĐỀ" in text and index + 1 < len(blocks):
            following = plain(" ".join(blocks[index + 1].lines))
            quoted = re.fullmatch(r"[“\"]([^”\"]+)[”\"]\.?", following)
            if quoted:
                return quoted.group(1).strip()
    return None


# --- tasks ------------------------------------------------------------------------

def _lead_in_assignees(preamble: list[str]) -> list[str]:
    for paragraph in reversed(preamble):
        text = plain(paragraph)
        match = re.search(r"(?:kính đề nghị|đề nghị|yêu cầu)\s+(?!của\b)(.+)", text)
        if not match:
            continue
        rest = match.group(1)
        verb = _VERB.search(rest)
        if verb and _UNIT_START.match(rest):
            return split_names(rest[: verb.start()])
    return []


def _depth(label: str) -> int:
    return label.count(".")


def extract_tasks(blocks: list[Block], preamble: list[str]) -> tuple[list[dict[str, Any]], dict[int, list[str]]]:
    """Tasks, and for each block index inside a task the task's assignees (for windows)."""
    lead_in = _lead_in_assignees(preamble)
    labelled = [(i, b) for i, b in enumerate(blocks) if b.label]
    tasks: list[dict[str, Any]] = []
    owner: dict[int, list[str]] = {}
    task_depths: list[tuple[int, str]] = []  # (depth, label) of open tasks
    for position, (index, block) in enumerate(labelled):
        depth = _depth(block.label)
        task_depths = [(d, label) for d, label in task_depths if d < depth]
        following = index + len(item_blocks(blocks, block.anchor))
        has_children = position + 1 < len(labelled) and _depth(labelled[position + 1][1].label) > depth
        text = plain(" ".join(block.lines))
        assignees: list[str] = []
        next_item = labelled[position + 1][0] if position + 1 < len(labelled) else following
        bullets = [b for b in blocks[index + 1:min(following, next_item)] if b.kind == "list"]
        if text.endswith(":") and bullets:
            for bullet in bullets:
                for line in bullet.lines:
                    phrase = actor_phrase(line)
                    if phrase:
                        assignees += split_names(phrase)
        if not assignees:
            phrase = actor_phrase(text)
            assignees = split_names(phrase) if phrase else []
        is_heading = has_children and len(text) < 80
        if not assignees and lead_in and not task_depths and not is_heading:
            assignees = list(lead_in)
        if not assignees:
            continue
        task_depths.append((depth, block.label))
        tasks.append({"label": block.label, "assignees": assignees, "summary": None, "anchor": block.anchor})
        for covered in range(index, following):
            owner[covered] = assignees
    return tasks, owner


# --- the whole document -------------------------------------------------------------

def extract(text: str, source: str | None = None) -> dict[str, Any]:
    """Structure of one repaired dispatch text, in the shape of the gold files."""
    paragraphs = [p.split("\n") for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    lines = [plain(line) for paragraph in paragraphs for line in paragraph]
    blocks = outline(text)

    number = symbol = place = date = None
    year = None
    for line in lines:
        found = _NUMBER_LINE.match(line)
        if found and symbol is None:
            number, symbol = found.group("number") or None, found.group("symbol")
        found = _DATE_LINE.match(line)
        if found and year is None:
            place, year = found.group("place").strip(), int(found.group("year"))
            if found.group("day") and found.group("month"):
                try:
                    date = dt.date(year, int(found.group("month")), int(found.group("day"))).isoformat()
                except ValueError:
                    raise ImpossibleDate(line) from None

    doc_type = next((DOC_TYPE_TITLES[line] for line in lines if line in DOC_TYPE_TITLES), None)
    subject = None
    for line in lines:
        if line.startswith("V/v"):
            subject_lines = [line[3:].strip()]
            paragraph = next(p for p in paragraphs if any(plain(x) == line for x in p))
            position = [plain(x) for x in paragraph].index(line)
            for following in (plain(x) for x in paragraph[position + 1:]):
                if _SUBJECT_STOP.match(following) or subject_lines[-1].endswith("."):
                    break
                subject_lines.append(following)
            subject = " ".join(subject_lines).strip()
            break
    if doc_type is None:
        doc_type = "cong_van" if subject or any(line.startswith("Kính gửi") for line in lines) else "khac"
    elif doc_type != "cong_van":
        title = next(i for i, line in enumerate(lines) if line in DOC_TYPE_TITLES)
        if title + 1 < len(lines):
            subject = lines[title + 1]

    first_item = next((i for i, b in enumerate(blocks) if b.label), len(blocks))
    preamble = [" ".join(b.lines) for b in blocks[:first_item]]
    references = extract_references(preamble)
    recipients, inline_recipient = _list_after(paragraphs, re.compile(r"^Kính gửi\s*:?"))
    if inline_recipient:
        recipients = [inline_recipient] + recipients
    distribution, _ = _list_after(paragraphs, re.compile(r"^(?:#+\s*)?Nơi nhận\s*:?"))

    closing_start = next((i for i, b in enumerate(blocks) if re.match(r"^(?:#+\s*)?Nơi nhận", plain(b.lines[0]))),
                         len(blocks))
    tasks, owner = extract_tasks(blocks[:closing_start], preamble)
    last_task_end = max(owner, default=first_item)
    body_blocks = blocks[:closing_start]
    closing = [b for i, b in enumerate(body_blocks) if i > last_task_end and not b.label]

    windows = []
    for index, block in enumerate(body_blocks):
        for match in _WINDOW.finditer(plain(" ".join(block.lines))):
            window = _window(match, owner.get(index, ["all"]))
            if window:
                windows.append(window)

    edition = re.search(r"lần thứ\s+(\d+)", " ".join(lines))
    campaign_year = year
    if year is None:
        mention = re.search(r"Ngày Công tác xã hội Việt Nam[^0-9]{0,40}25/3/(\d{4})", " ".join(lines))
        campaign_year = year = int(mention.group(1)) if mention else None

    return {
        "source": source,
        "doc_type": doc_type,
        "issuer": extract_issuer(paragraphs, text, place, references),
        "number": number,
        "symbol": symbol,
        "place": place,
        "date": date,
        "year": year,
        "subject": subject,
        "campaign": {"year": campaign_year, "edition": int(edition.group(1)) if edition else None},
        "theme": extract_theme(blocks),
        "recipients": [_strip_end(r, ";.") for r in recipients],
        "references": references,
        "tasks": tasks,
        "deadlines": extract_deadlines(body_blocks, closing),
        "slogans": extract_slogans(body_blocks),
        "display_windows": windows,
        "signer": extract_signer(paragraphs),
        "distribution": [_strip_end(d, ";") for d in distribution],
        "notes": [],
    }
