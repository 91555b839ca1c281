"""The cascade: who implements whom, cited documents, reverse links."""

from __future__ import annotations

from urllib.parse import urljoin

from generator.site import urls
from generator.site.cascade import build_cascade, reference_key
from generator.stages import check, warnings

from .conftest import read_page, shared_project
from .test_errors import edit

CORPUS = check(shared_project())


def tree_of(site, address: str) -> list:
    """A page's cascade (nested list) as [(label, [children…]), …]."""
    def walk(ul):
        return [(li.find("a").get_text(), walk(li.find("ul")) if li.find("ul") else [])
                for li in ul.find_all("li", recursive=False)]
    return walk(read_page(site, address).select_one(".ctxh-cascade > ul"))


def find(tree, fragment):
    return next(node for node in tree if fragment in node[0])


def test_2023_tree(site):
    tree = tree_of(site, "nam/2023")
    national = find(tree, "593/BLĐTBXH-BTXH")
    assert national[0].startswith("Trung ương")
    assert sorted(child[0].split(" · ")[-1] for child in national[1]) == [
        "Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum", "Ủy ban nhân dân thành phố Hải Phòng"]
    assert not [label for label, _ in tree if "Sơn Dương" in label]  # districts are on their province's page
    assert [child[0] for child in find(tree_of(site, "tinh/tuyen-quang"), "249/SLĐTBXH-XH")[1]] == [
        "Cấp huyện · Công văn · Ủy ban nhân dân huyện Sơn Dương"]


def test_2024_tree(site):
    tree = tree_of(site, "nam/2024")
    assert [c[0] for c in find(tree, "978/BLĐTBXH-CBTXH")[1]] == [
        "Cấp tỉnh · Kế hoạch (để trống số), ký hiệu KH-UBND · Ủy ban nhân dân tỉnh Bình Phước"]
    quang_ngai = find(tree_of(site, "tinh/quang-ngai"), "817/SLĐTBXH-BTXH&GN")
    assert "Quảng Ngãi" in quang_ngai[0]
    assert [c[0] for c in quang_ngai[1]] == ["Cấp huyện · Công văn số 640/UBND · Ủy ban nhân dân huyện Sơn Tây"]


def test_every_cited_page_names_its_national_and_province_citers_and_counts_the_others(site):
    cascade = build_cascade(CORPUS)
    assert {c.number for c in cascade.cited.values()} >= {"593/BLĐTBXH-BTXH", "978/BLĐTBXH-CBTXH",
                                                          "817/SLĐTBXH-BTXH&GN", "249/SLĐTBXH-XH"}
    for cited in cascade.cited.values():
        citing = [e for e in CORPUS.documents for r in e.doc.references if reference_key(r.number) == cited.reference]
        named = sorted({f"../../{e.doc.year}/{e.doc.slug}/" for e in citing if e.doc.issuer.level in ("national", "province")})
        counted = len([e for e in citing if e.doc.issuer.level in ("district", "commune")])
        page = read_page(site, f"van-ban/trich-dan/{cited.slug}")
        assert sorted({a["href"] for a in page.select(".ctxh-citing a")}) == named, cited.number
        section = page.find(id="trich-dan").find_all_next()
        section = section[:next((i for i, tag in enumerate(section) if tag.name == "h2"), len(section))]
        counts = [int(span.get_text().strip("()").split()[0]) for tag in section if "ctxh-provinces" in tag.get("class", [])
                  for span in tag.select(".ctxh-meta")]
        assert sum(counts) == counted, cited.number
    son_duong = read_page(site, "van-ban/trich-dan/249-sldtbxh-xh").select_one(".ctxh-provinces")
    assert [a.get_text() for a in son_duong.select("a")] == ["Tuyên Quang"]


def test_every_implements_link_has_its_reverse(site):
    checked = 0
    for page in site.glob("van-ban/*/*/index.html"):
        url = "/" + page.parent.relative_to(site).as_posix() + "/"
        soup = read_page(site, page.parent.relative_to(site).as_posix())
        for link in soup.select("a.ctxh-implements"):
            target = urljoin(url, link["href"])
            reverse = read_page(site, target.strip("/"))
            section = reverse.find(id="van-ban-thuc-hien").find_all_next("a")
            back = {urljoin(target, a["href"]) for a in section}
            province = next(e.doc.issuer.province for e in CORPUS.documents if url == f"/van-ban/{e.key}/")
            assert url in back or f"/{urls.province(province)}" in back, (url, target)  # named, or counted
            checked += 1
    assert checked == 5


def test_province_pages(site):
    names = [a.get_text() for a in read_page(site, "tinh").select(".ctxh-provinces a")]
    assert names == ["Bình Phước", "Hải Phòng", "Kon Tum", "Quảng Ngãi", "Tuyên Quang"]
    quang_ngai = read_page(site, "tinh/quang-ngai")
    assert [a["href"] for a in quang_ngai.select(".ctxh-doclist a")] == ["../../van-ban/2024/son-tay-640-ubnd/"]
    assert "hợp nhất" in quang_ngai.get_text()
    units = {a.get_text(): a["href"] for a in quang_ngai.select(".ctxh-units a")}
    assert units["Phòng Y tế cấp huyện"] == "../../don-vi/phong-y-te/quang-ngai/"


def test_check_warns_about_a_cited_date_that_disagrees_and_about_cycles(project):
    son_tay = project / "content" / "dispatches" / "2024" / "son-tay-640-ubnd.md"
    binh_phuoc = project / "content" / "dispatches" / "2024" / "binh-phuoc-kh-ubnd.md"
    edit(binh_phuoc, "number: null", "number: '12'")
    edit(binh_phuoc, "number: 978/BLĐTBXH-CBTXH\n  date: '2024-03-12'", "number: 640 /ubnd\n  date: '2024-03-20'")
    edit(son_tay, "number: 817/SLĐTBXH-BTXH&GN", "number: 12/KH-UBND")
    found = [str(w) for w in warnings(check(project))]
    assert any("binh-phuoc-kh-ubnd.md" in w and "trích dẫn 640 /ubnd ngày 20/03/2024, nhưng văn bản đó "
               "(content/dispatches/2024/son-tay-640-ubnd.md) ghi ngày 21/03/2024" in w for w in found), found
    assert any("trích dẫn lẫn nhau thành vòng" in w for w in found), found
