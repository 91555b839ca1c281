"""Names of units in assignments: where a unit's name starts, how names are split.

"Sở Y tế, Sở Giáo dục và Đào tạo và UBND các xã" is three units; "UBND các huyện,
thành phố" is one (a comma or "và" starts a new name only before a word that opens
one).
"""

from __future__ import annotations

import re

from generator.reading.normalize import plain

# Words that open the name of a unit. A comma or "và" followed by one of these
# starts a new name; otherwise it is inside a name ("UBND các huyện, thành phố").
UNIT_HEADS = (
    r"Sở|Phòng|Hội|Đoàn|Đài|Báo(?! cáo)|Cổng|Ủy ban|Uỷ ban|UBND|Trung tâm|Tỉnh đoàn|Huyện đoàn|Thành đoàn"
    r"|Trường|Cơ sở|Bộ|Cục|Chi cục|Ban|Bệnh viện|Công an|Liên đoàn|Mặt trận|Thủ trưởng|Chủ tịch"
    r"|Tổ(?! chức)|Khoa(?! học)|Giáo viên|Trưởng|Trạm|Văn phòng|Công chức"
    r"|[Cc]ác (?:tổ chức|phòng|cơ quan|đơn vị|xã|sở|hội|trường|huyện|Sở|Hội|cơ sở|đoàn thể|bệnh viện|khoa|đoàn"
    r"|trung tâm|Bộ)"
)
UNIT_START = re.compile(rf"^(?:{UNIT_HEADS})\b")
# "Văn phòng HĐND và UBND xã" is one office (of both councils), not two units.
_NAME_SPLIT = re.compile(rf",\s*(?=(?:{UNIT_HEADS})\b)"
                         rf"|(?<!HĐND)(?<!Hội đồng nhân dân)(?<!\s)\s+và\s+(?=(?:{UNIT_HEADS})\b)")
# Verbs that end the subject of an assignment ("Sở Y tế triển khai …").
VERB = re.compile(
    r"(?<!các )(?<!Các )\b(?:triển khai|tổ chức|chỉ đạo|chủ trì|phối hợp|đẩy mạnh|tăng cường|xây dựng"
    r"|thực hiện|hướng dẫn|nghiên cứu|duy trì|tuyên truyền|báo cáo|có văn bản|có kế hoạch|giới thiệu"
    r"|quan tâm|căn cứ|bố trí|tham mưu|theo dõi|kiểm tra|đăng tải|tăng|mở cửa|là|treo|lập danh sách|rà soát|gửi|đăng ký"
    r"|vận động|phát động|nộp|chịu trách nhiệm|sắp xếp|có nhiệm vụ|lồng ghép)\b"
)
_LEAD_WORDS = re.compile(r"^(?:Đề nghị|Giao|Yêu cầu|Đối với|Căn cứ vào [^,]+,)\s*", re.IGNORECASE)


# Assignees that are everybody the document is addressed to ("các cơ quan, địa phương, đơn vị").
_EVERYBODY = re.compile(r"^(?:Thủ trưởng )?[Cc]ác (?:cơ quan|đơn vị|địa phương)(?:,? (?:cơ quan|đơn vị|địa phương))*$")


def addressed_to_everybody(names: list[str]) -> bool:
    return bool(names) and all(_EVERYBODY.match(name) for name in names)


def strip_end(text: str, chars: str = ";.,:") -> str:
    return text.strip().rstrip(chars).strip()


def split_names(phrase: str) -> list[str]:
    """'Sở Y tế, Sở Giáo dục và Đào tạo và UBND các xã' → three unit names."""
    phrase = re.sub(r",?\s*(?:\.\.\.|…)\s*$", "", phrase.strip())
    return [strip_end(part) for part in _NAME_SPLIT.split(strip_end(phrase)) if strip_end(part)]


def clause_subject(clause: str) -> list[str]:
    """The units a clause opens with, before its verb ("Trưởng các khối rà soát …"), or []."""
    verb = VERB.search(clause)
    return split_names(clause[: verb.start()]) if verb and UNIT_START.match(clause) else []


def actor_phrase(text: str) -> str | None:
    """The unit(s) an item is addressed to, read from its opening, or None."""
    text = plain(text)
    text = re.sub(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)?\.|[a-zđ]\)|Điều \d+\.)\s*", "", text)
    candidates = [_LEAD_WORDS.sub("", text)]
    opens_with_verb = VERB.match(text[:1].lower() + text[1:])  # "Tuyên truyền trên Báo …, Đài …": no subject
    if ", " in text[:60] and not opens_with_verb:
        candidates.append(_LEAD_WORDS.sub("", text.split(", ", 1)[1]))
    for candidate in candidates:
        if not UNIT_START.match(candidate):
            continue
        ends = [m.start() for m in (VERB.search(candidate), re.search(r":", candidate)) if m]
        if ends:
            return strip_end(candidate[: min(ends)])
        if len(candidate) < 120:  # a title line naming the unit, its task in the next paragraph
            return strip_end(candidate)
    return None
