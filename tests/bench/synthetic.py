"""A generator of realistic synthetic content for benchmarks, on the real map.

Before 1 July 2025 the country had 63 provinces and about 700 districts; from then
34 provincial units and 3,321 communes and wards, with no district level
(tests/fixtures/admin-2025.md, restated from public reports). Each year has a
national dispatch, a plan of each province's UBND and a few of its Sở, and the rest
issued by districts (before the reorganisation) or communes (after it): several
documents per province per year. Every document is one of the bundled dispatches
re-issued by another body, with its own number, date and place: the same structure,
tasks and text shape as real ones. Seeded and deterministic; the district and
commune names are invented ("Xã 0412"), only the provinces are real.
Run: .venv/bin/python tests/bench/synthetic.py 1000 /tmp/corpus-1000
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
# The 34 provincial units from 1/7/2025 (tests/fixtures/admin-2025.md).
PROVINCES_2025 = ["Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Cần Thơ", "Thành phố Hồ Chí Minh", "Lai Châu",
                  "Điện Biên", "Sơn La", "Lạng Sơn", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
                  "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị",
                  "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long",
                  "Đồng Tháp", "Cà Mau", "An Giang"]
# The other 29 of the 63 provinces before the reorganisation.
MERGED_PROVINCES = ["Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước",
                    "Bình Thuận", "Đắk Nông", "Hà Giang", "Hà Nam", "Hải Dương", "Hậu Giang", "Hòa Bình",
                    "Kiên Giang", "Kon Tum", "Long An", "Nam Định", "Ninh Thuận", "Phú Yên", "Quảng Bình",
                    "Quảng Nam", "Sóc Trăng", "Thái Bình", "Tiền Giang", "Trà Vinh", "Vĩnh Phúc", "Yên Bái",
                    "Bà Rịa - Vũng Tàu"]
PROVINCES_BEFORE = PROVINCES_2025 + MERGED_PROVINCES
COMMUNES_2025, DISTRICTS_BEFORE = 3321, 705
REORGANISED = dt.date(2025, 7, 1)
YEARS = (2023, 2024, 2025, 2026)
PROVINCE_DOCUMENTS = 3  # a year: the UBND tỉnh plan and two Sở dispatches per province
PROJECT = ROOT / "tests" / "fixtures" / "project"  # the test project: campaigns, catalog, pages, model documents
PARTS = ((PROJECT, ("campaigns", "mkdocs.yml", "content/units.yml", "content/pages")), (ROOT, ("theme", "schemas")))


def templates() -> list[tuple[dict, str]]:
    """(front matter, body) of each document of the test project."""
    found = []
    for path in sorted((PROJECT / "content" / "dispatches").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        data = yaml.safe_load(front)
        found.append((data, body))
    return found


def _issuers(year: int, count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(level, province, place) of ``count`` documents of one year on that year's map."""
    after = dt.date(year, 3, 25) >= REORGANISED
    provinces = PROVINCES_2025 if after else PROVINCES_BEFORE
    localities = COMMUNES_2025 if after else DISTRICTS_BEFORE
    issuers = [("national", "", "Hà Nội")]
    issuers += [("province", p, p) for p in provinces for _ in range(PROVINCE_DOCUMENTS)]
    while len(issuers) < count:
        number = rng.randrange(localities)
        province = provinces[number % len(provinces)]  # each locality belongs to one province
        issuers.append(("commune", province, f"Xã {number:04d}") if after
                       else ("district", province, f"Huyện {number:03d}"))
    return issuers[:count]


def _reissued(data: dict, body: str, level: str, province: str, place: str) -> tuple[dict, str]:
    """A bundled document as issued by another body of ``level`` in ``place``."""
    old_place, old_name = data["place"], data["issuer"]["name"]
    names = {"national": "Bộ Lao động - Thương binh và Xã hội", "province": f"Ủy ban nhân dân tỉnh {place}",
             "district": f"Ủy ban nhân dân {place[0].lower()}{place[1:]}",
             "commune": f"Ủy ban nhân dân {place[0].lower()}{place[1:]}"}
    data["issuer"].update(name=names[level], level=level, province=province or None, inferred=False)
    data["place"] = place
    return data, body.replace(old_name, names[level]).replace(old_place, place)


def generate(count: int, target: Path, seed: int = 2025) -> Path:
    """Write a project with ``count`` documents to ``target`` (replaced), spread evenly over YEARS."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    for base, parts in PARTS:
        for part in parts:
            source = base / part
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    models = templates()
    per_year = {year: count // len(YEARS) + (i < count % len(YEARS)) for i, year in enumerate(YEARS)}
    index = 0
    for year, year_count in per_year.items():
        for level, province, place in _issuers(year, year_count, rng):
            data, body = models[index % len(models)]
            data = yaml.safe_load(yaml.safe_dump(data, allow_unicode=True))  # a deep copy
            data, text = _reissued(data, body, level, province, place)
            day = dt.date(year, 3, 1) + dt.timedelta(days=rng.randrange(20))
            slug = f"tai-lieu-{index:05d}"
            data.update(slug=slug, number=str(100 + index), date=day.isoformat(), year=year,
                        source=f"synthetic-{index:05d}.txt")
            data["campaign"] = {"year": year, "edition": year - 2016 if data["campaign"]["edition"] else None}
            for deadline in data["deadlines"]:
                if deadline["due"]:
                    deadline["due"] = (day + dt.timedelta(days=20 + rng.randrange(10))).isoformat()
            for window in data["display_windows"]:
                window["start"], window["end"] = f"{year}-03-22", f"{year}-03-28"
            for reference in data["references"]:
                if reference["date"] and reference["kind"] != "Quyết định":
                    reference["date"] = (day - dt.timedelta(days=5)).isoformat()
            text = re.sub(r"\b(2023|2024)\b", str(year), text)
            folder = target / "content" / "dispatches" / str(year)
            folder.mkdir(parents=True, exist_ok=True)
            front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
            (folder / f"{slug}.md").write_text(f"---\n{front}---\n{text}", encoding="utf-8")
            index += 1
    return target


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {sys.argv[1]} documents to {sys.argv[2]}")
