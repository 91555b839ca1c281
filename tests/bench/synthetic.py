"""A generator of realistic synthetic content for benchmarks: years × provinces × levels.

Every document is one of the bundled dispatches re-issued by another province
or district, in another year, with its own number, date and place: the same
structure, tasks and text shape as real ones. Seeded and deterministic.
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
PROVINCES = ["An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Đồng Tháp",
             "Gia Lai", "Hà Tĩnh", "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai",
             "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ninh", "Quảng Trị", "Sơn La", "Tây Ninh", "Thái Nguyên",
             "Thanh Hóa", "Tuyên Quang", "Vĩnh Long", "Hà Nội", "Huế", "Đà Nẵng"]
DISTRICTS = ["Yên Sơn", "Hàm Yên", "Chiêm Hóa", "Na Hang", "Lâm Bình", "Bảo Lâm", "Mường Tè", "Tam Đường",
             "Phong Thổ", "Sìn Hồ", "Than Uyên", "Tân Uyên", "Mù Cang Chải", "Trạm Tấu", "Văn Chấn"]
YEARS = (2023, 2024, 2025, 2026)
PARTS = ("campaigns", "theme", "schemas", "mkdocs.yml", "content/units.yml", "content/pages")


def templates() -> list[tuple[dict, str, str]]:
    """(front matter, body, place) of each bundled document."""
    found = []
    for path in sorted((ROOT / "content" / "dispatches").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        data = yaml.safe_load(front)
        found.append((data, body, data["place"]))
    return found


def generate(count: int, target: Path, seed: int = 2025) -> Path:
    """Write a project with ``count`` documents to ``target`` (replaced)."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    for part in PARTS:
        source = ROOT / part
        (target / part).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    models = templates()
    for index in range(count):
        data, body, place = models[index % len(models)]
        data = yaml.safe_load(yaml.safe_dump(data, allow_unicode=True))  # a deep copy
        year = YEARS[index % len(YEARS)]
        province = PROVINCES[rng.randrange(len(PROVINCES))]
        district = data["issuer"]["level"] == "district"
        new_place = DISTRICTS[rng.randrange(len(DISTRICTS))] if district else province
        day = dt.date(year, 3, 1) + dt.timedelta(days=rng.randrange(20))
        number = str(100 + index)
        slug = f"{re.sub(r'[^a-z0-9]+', '-', f'tai-lieu-{index:05d}')}"
        data.update(slug=slug, number=number, place=new_place, date=day.isoformat(), year=year,
                    source=f"synthetic-{index:05d}.txt")
        data["campaign"] = {"year": year, "edition": year - 2016 if data["campaign"]["edition"] else None}
        data["issuer"]["name"] = data["issuer"]["name"].replace(place, new_place)
        data["issuer"]["province"] = province
        data["issuer"]["inferred"] = False
        for deadline in data["deadlines"]:
            if deadline["due"]:
                deadline["due"] = (day + dt.timedelta(days=20 + rng.randrange(10))).isoformat()
        for window in data["display_windows"]:
            window["start"], window["end"] = f"{year}-03-22", f"{year}-03-28"
        for reference in data["references"]:
            if reference["date"] and reference["kind"] != "Quyết định":
                reference["date"] = (day - dt.timedelta(days=5)).isoformat()
        text = body.replace(place, new_place)
        text = re.sub(r"\b(2023|2024)\b", str(year), text)
        folder = target / "content" / "dispatches" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        (folder / f"{slug}.md").write_text(f"---\n{front}---\n{text}", encoding="utf-8")
    return target


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {sys.argv[1]} documents to {sys.argv[2]}")
