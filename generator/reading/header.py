"""The frame of a dispatch: letterhead, number, place and date, subject, recipients,
signature and distribution (Nghị định 30/2020/NĐ-CP).

Works on repaired text, where two-column blocks (letterhead | national motto,
Nơi nhận | signature) come one column after the other or interleaved line by line:
motto lines are skipped, and in the closing block bullets are the distribution,
upper-case lines the signer's titles and the last other line the signer's name.
"""

from __future__ import annotations

import re
from typing import Any

from generator.vietnamese import CENTRAL_CITIES, issuer_level

DOC_TYPE_TITLES = {
    "KẾ HOẠCH": "ke_hoach", "QUYẾT ĐỊNH": "quyet_dinh", "THÔNG BÁO": "thong_bao",
    "HƯỚNG DẪN": "huong_dan", "TỜ TRÌNH": "to_trinh", "BÁO CÁO": "bao_cao", "CÔNG VĂN": "cong_van",
}
ADMIN_WORDS = ("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "phường", "xã")
_MOTTO = re.compile(r"^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐOÀN TNCS|[-*_=\s]+$)")
_HEADER_END = re.compile(r"^(?:[“\"]?V/v|Về việc|Kính gửi|Căn cứ|Thực hiện|Số\s*:|[^,\d]{2,60},\s*ngày)")
# A line of the letterhead that starts a new body (the managing body is above the issuer).
_BODY_START = re.compile(r"^(?:ỦY BAN|UỶ BAN|UBND|SỞ|BỘ|BỆNH VIỆN|TRƯỜNG|HỘI|BCH|BAN|TỈNH ĐOÀN|TRUNG TÂM"
                         r"|PHÒNG|CỤC)\b")
_EXPANSIONS = (("UBND", "ỦY BAN NHÂN DÂN"), ("LHPN", "LIÊN HIỆP PHỤ NỮ"), ("GD&ĐT", "GIÁO DỤC VÀ ĐÀO TẠO"),
               ("LĐTBXH", "LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"))
_COMMITTEE = re.compile(r"^(?:BCH|BAN CHẤP HÀNH)\s+")
NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<number>\d*)\s*[-/]\s*(?P<symbol>\S+)")
DATE_LINE = re.compile(r"^(?P<place>[^,\d]{2,60}),\s*ngày\s*(?P<day>\d{0,2})\s*tháng\s*(?P<month>\d{0,2})"
                       r"\s*năm\s*(?P<year>\d{4})")
_INFERRED_ISSUER = re.compile(
    r"(?P<org>Sở [A-ZĐ][^,;:.]{0,60}?|(?:Ủy ban nhân dân|UBND) (?P<admin>tỉnh|thành phố|huyện|quận|thị xã|xã))"
    r"\s+(?:kính trình|kính đề nghị|đề nghị|yêu cầu|ban hành|có ý kiến|hướng dẫn)"
)
# "tỉnh Lào Cai", "thành phố Hải Phòng": the name is cut to its capitalised words in Python
# (one bounded run here, no nested quantifiers).
_PROVINCE_IN_TEXT = re.compile(r"\b(tỉnh|thành phố)\s+([A-ZĐÂÊÔƠƯ][\w\s]{0,40})")
_CAPITALISED = re.compile(r"[A-ZĐÂÊÔƠƯ]")


def letterhead(lines: list[str]) -> list[str]:
    """Upper-case lines naming the issuing body and the body above it, motto lines left out."""
    found: list[str] = []
    for text in lines[:14]:
        if text in DOC_TYPE_TITLES or _HEADER_END.match(text):
            if found:
                break
            continue
        if _MOTTO.match(text):
            continue
        if text.upper() != text or not re.search(r"[A-ZĐ]", text):
            break
        found.append(text)
    return found


def _bodies(header: list[str]) -> list[str]:
    bodies: list[str] = []
    for line in header:
        if bodies and not _BODY_START.match(line):
            bodies[-1] += " " + line
        else:
            bodies.append(line)
    return bodies


def _expanded(body: str) -> str:
    body = _COMMITTEE.sub("", body)
    for short, full in _EXPANSIONS:
        body = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, body)
    return body


def _cased_like_body(upper: str, text: str) -> str:
    """'SỞ Y TẾ' → 'Sở Y tế' as the text writes it; sentence case as a fallback."""
    for match in re.finditer(re.escape(upper), text, re.IGNORECASE):
        if match.group(0) != match.group(0).upper() and match.group(0)[:1].isupper():
            return match.group(0)
    return upper[:1] + upper[1:].lower()


def _place_title(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())


def split_admin(body: str) -> tuple[str, str | None, str | None]:
    """'ỦY BAN NHÂN DÂN HUYỆN SƠN TÂY' → ('ỦY BAN NHÂN DÂN', 'huyện', 'Sơn Tây');
    'BỆNH VIỆN ĐA KHOA TỈNH' → ('BỆNH VIỆN ĐA KHOA TỈNH', None, None)."""
    if body.startswith("TỈNH ĐOÀN "):
        return "TỈNH ĐOÀN", None, _place_title(body[len("TỈNH ĐOÀN "):])
    for word in ADMIN_WORDS:
        match = re.search(rf"\s{word.upper()}\s+(?!HỘI\b)(.+)$", body)
        if match:
            return body[: match.start()].strip(), word, _place_title(match.group(1))
    return body, None, None


def _issuer_name(bodies: list[str], text: str) -> tuple[str, str | None]:
    """Name of the last body of the letterhead, and the province the letterhead names."""
    own_org, own_admin, own_place = split_admin(_expanded(bodies[-1]))
    parent = split_admin(_expanded(bodies[-2])) if len(bodies) > 1 else (None, None, None)
    org = _cased_like_body(own_org, text) if own_org != "TỈNH ĐOÀN" else "Tỉnh đoàn"
    if own_place and own_admin:
        name = f"{org} {own_admin} {own_place}"
    elif own_place:
        name = f"{org} {own_place}"
    elif parent[2] and not own_org.startswith("TRƯỜNG"):
        name = f"{org} {parent[2]}" if own_org.endswith(("TỈNH", "THÀNH PHỐ")) else f"{org} {parent[1]} {parent[2]}"
    else:
        name = org
    for admin, place in ((own_admin, own_place), (parent[1], parent[2])):
        if place and (admin == "tỉnh" or admin == "thành phố" and place in CENTRAL_CITIES
                      or admin is None and own_org == "TỈNH ĐOÀN"):
            return name, place
    return name, None


def _province_in(texts: list[str]) -> str | None:
    for text in texts:
        for match in _PROVINCE_IN_TEXT.finditer(text):
            words = match.group(2).split()
            count = next((i for i, word in enumerate(words) if not _CAPITALISED.match(word)), len(words))
            name = " ".join(words[:count])
            if match.group(1) == "tỉnh" or name in CENTRAL_CITIES:
                return name
    return None


def extract_issuer(lines: list[str], text: str, place: str | None,
                   references: list[dict[str, Any]]) -> dict[str, Any]:
    header = letterhead(lines)
    name = province = None
    if header:
        name, province = _issuer_name(_bodies(header), text)
    else:
        match = _INFERRED_ISSUER.search(text)
        if match:
            org = re.sub(r"^UBND", "Ủy ban nhân dân", match.group("org").strip())
            base = org if match.group("admin") else f"{org} tỉnh"
            name = f"{base} {place}" if place else base
    level = issuer_level(name) if name else None
    if level == "province" and province is None:
        province = place
    if level != "province" and level is not None and province is None:
        province = _province_in([ref.get("issuer") or "" for ref in references] + [text])
    return {"name": name, "level": level, "province": province, "inferred": not header}


def list_after(lines: list[str], label: re.Pattern[str]) -> tuple[list[str], str | None, int]:
    """Bullet lines following a line such as 'Kính gửi:', text on that line, and where the list ends."""
    for index, line in enumerate(lines):
        match = label.match(line)
        if not match:
            continue
        rest = line[match.end():].strip()
        items: list[str] = []
        end = index + 1
        if rest.startswith("- "):
            items, rest = [rest[2:]], ""
        while end < len(lines) and lines[end].startswith("- "):
            items.append(lines[end][2:])
            end += 1
        return items, rest or None, end
    return [], None, len(lines)


_CLOSING_STOP = re.compile(r"^(?:PHỤ LỤC|Phụ lục)\b")


def signature(lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Signer (name, title lines) and distribution list, read from 'Nơi nhận:' to the end."""
    start = next((i for i, line in enumerate(lines) if re.match(r"^(?:#+\s*)?Nơi nhận\s*:?", line)), None)
    if start is None:
        return _signer_from_end(lines), []
    titles: list[str] = []
    distribution: list[str] = []
    name = None
    for line in lines[start + 1:]:
        if _CLOSING_STOP.match(line):
            break
        if line.startswith("- "):
            distribution.append(line[2:])
        elif line.upper() == line and re.search(r"[A-ZĐ]", line):
            titles.append(line)
        elif distribution and not distribution[-1].rstrip().endswith((";", ".")) and name is None:
            distribution[-1] += " " + line
        else:
            name = line
    if not titles or name is None:
        return {"name": None, "title_lines": []}, distribution
    return {"name": name, "title_lines": titles}, distribution


def _signer_from_end(lines: list[str]) -> dict[str, Any]:
    if len(lines) < 2:
        return {"name": None, "title_lines": []}
    titles = []
    for line in reversed(lines[:-1]):
        if line.startswith("- ") or line != line.upper():
            break
        titles.insert(0, line)
    return {"name": lines[-1], "title_lines": titles} if titles else {"name": None, "title_lines": []}
