"""The bundled content: campaigns state only sourced facts, documents match the gold structure."""

from __future__ import annotations

import datetime as dt

from generator.content.models import Document
from generator.reading.normalize import repair_text
from generator.reading.outline import anchor_for
from generator.stages import check

from .conftest import FIXTURES, gold_documents, shared_project

CORPUS = check(shared_project())


def _as_plain(value):
    """Model values as the gold YAML writes them (ISO date strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_as_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_plain(v) for k, v in value.items()}
    return value


def test_every_year_from_2017_to_2026_has_a_campaign():
    assert [c.year for c in CORPUS.campaigns] == list(range(2017, 2027))
    for campaign in CORPUS.campaigns:
        assert campaign.edition == campaign.year - 2016
        assert campaign.date == dt.date(campaign.year, 3, 25)


def test_known_themes_and_unknowns():
    themes = {c.year: c.theme for c in CORPUS.campaigns}
    assert themes[2018].claims[0].text == "Công tác xã hội - Vì hạnh phúc nhân dân"
    assert themes[2019].claims[0].text == "Công tác xã hội Việt Nam – Đổi mới, hội nhập và phát triển"
    assert themes[2023].claims[0].text == "Công tác xã hội Việt Nam - Chuyên nghiệp, sáng tạo và phát triển"
    assert themes[2024].claims[0].text == "Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối"
    assert themes[2025].status == "disputed" and len(themes[2025].claims) == 2
    for year in (2017, 2020, 2021, 2022, 2026):
        assert themes[year] is None, year


def test_national_dispatches_only_where_sourced():
    dispatches = {c.year: c.national_dispatch for c in CORPUS.campaigns}
    assert (dispatches[2023].number, dispatches[2023].date) == ("593/BLĐTBXH-BTXH", dt.date(2023, 2, 24))
    assert (dispatches[2024].number, dispatches[2024].date) == ("978/BLĐTBXH-CBTXH", dt.date(2024, 3, 12))
    assert all(dispatches[y] is None for y in dispatches if y not in (2023, 2024))


def test_slogans_and_windows_of_a_province_plan_stay_on_the_plan():
    """No sourced national slogan or window yet: Bình Phước's are its own (seed 004), not the year's."""
    assert all(c.slogans == [] and c.display == [] for c in CORPUS.campaigns)
    plan = next(e.doc for e in CORPUS.documents if e.doc.slug == "binh-phuoc-kh-ubnd")
    assert plan.slogans == ["Chào mừng Ngày Công tác xã hội Việt Nam, 25/3/2024",
                            "Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối"]
    assert [(w.start, w.end) for w in plan.display_windows] == [
        (dt.date(2024, 3, 22), dt.date(2024, 3, 28)), (dt.date(2024, 3, 24), dt.date(2024, 3, 28))]


def test_documents_match_gold_structure():
    by_source = {entry.doc.source: entry for entry in CORPUS.documents}
    for gold in gold_documents():
        doc = by_source[gold["source"]].doc
        data = _as_plain(doc.model_dump())
        # the gold as the model reads it ('all' and ['all'] are the model's [])
        gold = {**gold, **_as_plain(Document.model_validate({**gold, "slug": doc.slug}).model_dump())}
        for key, expected in gold.items():
            if key == "notes":
                continue  # editors' notes: the gold's are the reviewer's (English), the content's Vietnamese
            if key == "tasks":
                assert [(t["label"], t["assignees"]) for t in data["tasks"]] == \
                       [(t["label"], t["assignees"]) for t in expected], gold["source"]
            else:
                assert data[key] == expected, (gold["source"], key)
        assert all(t["anchor"] == anchor_for(t["label"]) for t in data["tasks"])


def test_document_bodies_are_the_repaired_seed_text():
    by_source = {entry.doc.source: entry for entry in CORPUS.documents}
    for seed in sorted((FIXTURES / "seeds").glob("*.txt")):
        assert by_source[seed.name].body == repair_text(seed.read_text(encoding="utf-8"))


def test_many_dispatches_are_read_in_parallel_with_the_same_result_and_the_same_problems(tmp_path):
    from generator.problems import ContentError
    from generator.stages import PARALLEL_READING_FROM

    from .bench.synthetic import generate

    project = generate(PARALLEL_READING_FROM, tmp_path / "project")
    alone, shared = check(project), check(project, workers=2)
    assert [(e.key, e.body, e.blocks) for e in alone.documents] == [(e.key, e.body, e.blocks) for e in shared.documents]
    broken = sorted((project / "content" / "dispatches").rglob("*.md"))[7]
    broken.write_text(broken.read_text(encoding="utf-8").replace("tasks:", "tasks: [", 1), encoding="utf-8")
    problems = []
    for workers in (1, 2):
        try:
            check(project, workers)
        except ContentError as error:
            problems.append(error.problems)
    assert len(problems) == 2 and problems[0] == problems[1]
    assert problems[0][0].file.endswith(broken.name) and "YAML" in problems[0][0].message
