"""Vietnamese language helpers: dates written the Vietnamese way, ASCII slugs, labels."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

UNKNOWN = "chưa có thông tin"

DOC_TYPE_NAMES = {
    "cong_van": "Công văn",
    "ke_hoach": "Kế hoạch",
    "quyet_dinh": "Quyết định",
    "thong_bao": "Thông báo",
    "huong_dan": "Hướng dẫn",
    "to_trinh": "Tờ trình",
    "bao_cao": "Báo cáo",
    "khac": "Văn bản",
}

LEVEL_NAMES = {
    "national": "Trung ương",
    "province": "Cấp tỉnh",
    "district": "Cấp huyện",
    "commune": "Cấp xã",
}


def long_date(day: dt.date) -> str:
    """'Thứ Hai, ngày 25 tháng 3 năm 2024'."""
    return f"{WEEKDAYS[day.weekday()]}, {date_words(day)}"


def date_words(day: dt.date) -> str:
    """'ngày 25 tháng 3 năm 2024' (months are never zero-padded in Vietnamese prose)."""
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


def short_date(day: dt.date) -> str:
    """'25/3/2024', the form used inside sentences and tables."""
    return f"{day.day}/{day.month}/{day.year}"


def date_range(start: dt.date, end: dt.date) -> str:
    """'22/3 – 28/3/2024' (year once when both ends share it)."""
    if start.year == end.year:
        return f"{start.day}/{start.month} – {short_date(end)}"
    return f"{short_date(start)} – {short_date(end)}"


def thousands(number: int) -> str:
    """'42.343': a dot between thousands, as Vietnamese writes numbers."""
    return f"{number:,}".replace(",", ".")


def ascii_fold(text: str) -> str:
    """Strip Vietnamese diacritics, including đ/Đ, which Unicode does not decompose."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_marks(word: str) -> str:
    """Lower case without tone and vowel marks, keeping đ: 'Đoàn' → 'đoan', 'dịch' → 'dich'."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """'Sở Lao động - TB&XH' → 'so-lao-dong-tb-xh'."""
    folded = ascii_fold(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
# An administrative word followed by a place name ("huyện Sơn Tây"; not "Xã hội").
_ADMIN_PLACE = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+(?=[A-ZĐÂÊÔƠƯÀ-Ỹ0-9])"
                          r"(?P<place>[^,;()]*)")
_NATIONAL_HEADS = ("bộ ", "thủ tướng", "chính phủ", "cục ", "tổng cục", "văn phòng chính phủ", "trung ương",
                   "ban chấp hành trung ương", "quốc hội")
_ADMIN_LEVELS = {"tỉnh": "province", "huyện": "district", "quận": "district", "thị xã": "district",
                 "xã": "commune", "phường": "commune", "thị trấn": "commune", "đặc khu": "commune"}


def issuer_level(name: str | None) -> str:
    """Level of a body from its name: 'Bộ Y tế' national, 'Ủy ban nhân dân huyện Sơn Tây'
    district, 'Sở Y tế tỉnh Lào Cai' province. The first administrative word followed by
    a place name decides ('thành phố Hải Phòng' is a province, 'thành phố Quảng Ngãi' a
    district); without one, 'Phòng …' and 'Huyện đoàn' are district, anything else province
    (a Sở, a Tỉnh đoàn, a provincial hospital or school)."""
    text = unicodedata.normalize("NFC", (name or "").strip())
    lower = text.lower()
    if lower.startswith(_NATIONAL_HEADS) or lower.endswith(" việt nam") and lower.startswith(("hội ", "trung ương")):
        return "national"
    found = _ADMIN_PLACE.search(text)
    if found:
        word = found.group(1)
        if word == "thành phố":
            return "province" if found.group("place").strip() in CENTRAL_CITIES else "district"
        return _ADMIN_LEVELS[word]
    if lower.startswith(("phòng ", "huyện đoàn", "huyện ủy", "quận đoàn")):
        return "district"
    return "province"
