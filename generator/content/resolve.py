"""Resolve: names of units as dispatches write them → unit catalog ids.

"Huyện đoàn Sơn Dương", "UBND các huyện, thành phố" and "Các Sở: Y tế, Giáo
dục và Đào tạo" name kinds of unit with place names, level words and
groupings around them. Matching ignores those generically: trailing place
names, trailing level words (which pick the level when a name exists at
several levels), case, NFC and old/new tone placement ("hoá" = "hóa").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from generator.content.models import Unit

ISSUER_LEVELS = {"national": "trung ương", "province": "tỉnh", "district": "huyện", "commune": "xã"}
_LEVEL_ORDER = ("trung ương", "tỉnh", "huyện", "xã", "cơ sở")
_OLD_TONE_PLACEMENT = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_LEVEL_WORDS = ("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "phường", "xã")
_TRAILING_LEVELS = re.compile(  # (?<!\s): from the first space of a run only, so the scan stays linear
    r"(?<!\s)\s+(?P<group>(?:(?:các|cấp)\s+)?(?:{words})(?:\s*,\s*(?:{words}))*)\s*$".format(words="|".join(_LEVEL_WORDS)))
_GROUP = re.compile(r"^[Cc]ác\s+(?P<head>Sở|Phòng|Ban)\s*:\s*(?P<rest>.+)$")
_CAPITALIZED_WORD = re.compile(r"(?<!\s)\s+[A-ZĐÂÊÔƠƯÀ-Ỹ][^\s]*$")
def match_key(text: str) -> str:
    """Comparable form of a name: NFC, lower case, new tone placement, no punctuation."""
    text = unicodedata.normalize("NFC", text).lower()
    for old, new in _OLD_TONE_PLACEMENT.items():
        text = text.replace(old, new)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def expand_group(name: str) -> list[str]:
    """'Các Sở: Y tế, Giáo dục và Đào tạo' → ['Sở Y tế', 'Sở Giáo dục và Đào tạo']."""
    match = _GROUP.match(name.strip())
    if not match:
        return [name]
    parts = [part.strip() for part in re.split(r"[,;]", match.group("rest")) if part.strip()]
    return [f"{match.group('head')} {part}" for part in parts]


_WORD_LEVELS = {"tỉnh": "tỉnh", "huyện": "huyện", "quận": "huyện", "thị xã": "huyện",
                "xã": "xã", "phường": "xã", "thị trấn": "xã"}


def _level_hint(group: str, context: str | None) -> str | None:
    """The most local level a trailing level group names ('các huyện, thành phố' → huyện).

    "thành phố" alone, in a province-level dispatch, is the city itself (Hải Phòng);
    in a list ("các huyện, thành phố") it is a city under the province.
    """
    plural = group.startswith("các")
    words = [part.strip() for part in re.sub(r"^(?:các|cấp)\s+", "", group).split(",")]
    levels = set()
    for word in words:
        if word == "thành phố":
            levels.add("tỉnh" if context == "tỉnh" and not plural else "huyện")
        elif word in _WORD_LEVELS:
            levels.add(_WORD_LEVELS[word])
    return max(levels, key=_LEVEL_ORDER.index) if levels else None


@dataclass
class Resolver:
    """Looks names up in the unit catalog; remembers what it could not resolve."""

    units: list[Unit]
    by_key: dict[str, list[Unit]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for unit in self.units:
            for alias in unit.aliases:
                self.by_key.setdefault(match_key(alias), []).append(unit)

    def _candidates(self, text: str, prefix: bool) -> list[Unit]:
        key = match_key(text)
        if not prefix:
            return self.by_key.get(key, [])
        prefixes = [alias for alias in self.by_key if key.startswith(alias + " ")]
        return self.by_key[max(prefixes, key=len)] if prefixes else []

    def _one(self, name: str, context: str | None) -> Unit | None:
        text = name.strip().rstrip(".;,")
        while text:
            hint = None
            stripped = text
            trailing = _TRAILING_LEVELS.search(" " + text)
            if trailing and trailing.start() > 0:
                stripped = (" " + text)[: trailing.start()].strip()
                hint = _level_hint(trailing.group("group"), context)
            for prefix in (False, True):  # exact names first, then the longest alias it starts with
                for candidate_text in (text, stripped):
                    candidates = self._candidates(candidate_text, prefix)
                    if candidates:
                        return self._pick(candidates, hint, context)
            shorter = _CAPITALIZED_WORD.sub("", text)  # drop a trailing place-name word
            if shorter == text:
                return None
            text = shorter
        return None

    @staticmethod
    def _pick(candidates: list[Unit], hint: str | None, context: str | None) -> Unit:
        if len(candidates) == 1:
            return candidates[0]
        for level in (hint, context):
            chosen = [unit for unit in candidates if unit.level == level]
            if chosen:
                return chosen[0]
        return candidates[0]

    def resolve(self, name: str, issuer_level: str | None = None) -> list[str]:
        """Unit ids named by ``name`` ([] when unknown); ``issuer_level`` as in Document."""
        context = ISSUER_LEVELS.get(issuer_level or "", None)
        found = []
        for part in expand_group(name):
            unit = self._one(part, context)
            if unit is None:
                return []
            if unit.id not in found:
                found.append(unit.id)
        return found
