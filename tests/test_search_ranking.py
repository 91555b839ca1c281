"""Known-item search: what a person types to find one page, and where that page ranks.

Each query names the page (or pages) a reader typing it wants; success@3 is the share
of queries whose page is among the first three results, MRR the mean reciprocal rank.
"""

from __future__ import annotations

import json
import shutil

import pytest

from generator.engine.pagefind import build_index

from .conftest import SUB_PATH, same_host_context, serving
from .test_search import search

SON_TAY = "van-ban/2024/son-tay-640-ubnd/"
KON_TUM = "van-ban/2023/kon-tum-sldtbxh-tgxhgn/"
BINH_PHUOC = "van-ban/2024/binh-phuoc-kh-ubnd/"
HAI_PHONG = "van-ban/2023/hai-phong-ubnd-vx/"
SON_DUONG = "van-ban/2023/son-duong-cong-van/"

KNOWN_ITEMS: list[tuple[str, tuple[str, ...]]] = [
    ("640/UBND", (SON_TAY,)),
    ("640", (SON_TAY,)),
    ("công văn 640", (SON_TAY,)),
    ("sơn tây", (SON_TAY,)),
    ("son tay", (SON_TAY,)),
    ("huyện Sơn Tây 2024", (SON_TAY,)),
    ("Bạch Ngọc Thêm", (SON_TAY,)),
    ("kon tum", (KON_TUM,)),
    ("Kon Tum 2023", (KON_TUM,)),
    ("SLĐTBXH-TGXHGN", (KON_TUM,)),
    ("Bạch Thị Mân", (KON_TUM,)),
    ("vinh sơn", (KON_TUM,)),
    ("trường cao đẳng cộng đồng", (KON_TUM,)),
    ("bình phước", (BINH_PHUOC,)),
    ("binh phuoc", (BINH_PHUOC,)),
    ("kế hoạch bình phước", (BINH_PHUOC,)),
    ("KH-UBND", (BINH_PHUOC,)),
    ("Trần Tuyết Minh", (BINH_PHUOC,)),
    ("treo băng rôn", (BINH_PHUOC, "nam/2024/")),  # the plan, or the year page naming its windows
    ("cai nghiện ma túy", (BINH_PHUOC,)),
    ("hải phòng", (HAI_PHONG,)),
    ("hai phong", (HAI_PHONG,)),
    ("UBND-VX", (HAI_PHONG,)),
    ("Lê Khắc Nam", (HAI_PHONG,)),
    ("đài phát thanh và truyền hình hải phòng", (HAI_PHONG,)),
    ("cổng thông tin điện tử thành phố hải phòng", (HAI_PHONG,)),
    ("sơn dương", (SON_DUONG,)),
    ("son duong", (SON_DUONG,)),
    ("huyện đoàn sơn dương", (SON_DUONG,)),
    ("Phạm Thị Nhị Bình", (SON_DUONG,)),
    ("công tác xã hội trường học", (SON_DUONG,)),
    ("trung tâm văn hoá truyền thông và thể thao", (SON_DUONG,)),
    ("năm 2024 lần thứ 8", ("nam/2024/",)),
    ("ngày công tác xã hội 2019", ("nam/2019/",)),
    ("chủ đề năm 2025", ("nam/2025/",)),
    ("lần thứ 10", ("nam/2026/",)),
    ("1791/QĐ-TTg", ("van-ban/trich-dan/1791-qd-ttg/", "gioi-thieu/")),
    ("593/BLĐTBXH-BTXH", ("van-ban/trich-dan/593-bldtbxh-btxh/",)),
    ("978/BLĐTBXH-CBTXH", ("van-ban/trich-dan/978-bldtbxh-cbtxh/", "nam/2024/")),
    ("817/SLĐTBXH-BTXH&GN", ("van-ban/trich-dan/817-sldtbxh-btxh-gn/",)),
    ("sở y tế bình phước", ("don-vi/so-y-te/binh-phuoc/",)),
    ("phòng y tế quảng ngãi", ("don-vi/phong-y-te/quang-ngai/",)),
    ("ủy ban nhân dân cấp xã", ("don-vi/ubnd-xa/",)),
    ("về ngày công tác xã hội việt nam", ("gioi-thieu/",)),
    ("Cục Bảo trợ xã hội", (HAI_PHONG,)),
]


def known_item_ranks(page, server) -> tuple[float, float, list]:
    """success@3, MRR, and each query with the rank of its page and the first three results."""
    ranks = []
    for query, wanted in KNOWN_ITEMS:
        results = [link.removeprefix(SUB_PATH).split("#")[0] for link in search(page, server, query)]
        rank = next((i + 1 for i, link in enumerate(results) if link in wanted), None)
        ranks.append((query, rank, results[:3]))
    found = [r for r in ranks if r[1] and r[1] <= 3]
    success, mrr = len(found) / len(ranks), sum(1 / r[1] for r in ranks if r[1]) / len(ranks)
    return success, mrr, [r for r in ranks if r not in found]


def test_known_items_are_found_in_the_first_three_results(page, server):
    success, mrr, missed = known_item_ranks(page, server)
    print(f"known-item search: {len(KNOWN_ITEMS)} queries, success@3 {success:.0%}, MRR {mrr:.2f}")
    assert len(KNOWN_ITEMS) >= 40
    assert success >= 0.95, "\n".join(map(str, missed))


@pytest.fixture(scope="module")
def server_of_parts(site, tmp_path_factory):
    """The bundled site with its search index in parts of 12 pages, as a national site has it."""
    copy = tmp_path_factory.mktemp("parts") / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    build_index(copy, copy.parent / "scratch", part_pages=12)
    with serving(copy, tmp_path_factory.mktemp("served-parts")) as origin:
        yield origin, copy


def test_an_index_in_parts_finds_the_same_known_items(browser, server_of_parts):
    origin, copy = server_of_parts
    context, foreign = same_host_context(browser, origin, viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    parts = json.loads((copy / "pagefind" / "cac-phan.json").read_text(encoding="utf-8"))
    entries = [json.loads((copy / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
               for folder in ("pagefind/", *parts)]
    counts = [entry["languages"]["vi"]["page_count"] for entry in entries]
    marked = [p for p in copy.rglob("*.html") if b"data-pagefind-body" in p.read_bytes()]
    assert len(parts) >= 4 and sum(counts) == len(marked) and max(counts) <= 12  # every marked page, once
    assert not (copy.parent / "scratch").exists() or not any((copy.parent / "scratch").iterdir())
    success, mrr, missed = known_item_ranks(page, origin)
    context.close()
    print(f"known-item search, index in {len(parts) + 1} parts: success@3 {success:.0%}, MRR {mrr:.2f}")
    assert not foreign
    assert success >= 0.95, "\n".join(map(str, missed))
