"""Extraction and import: gold accuracy, formats, robustness."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.editing.evaluate import accuracy, compare
from generator.editing.importer import ImportRefused, import_file
from generator.outputs.fonts import FONT_DIR, SANS
from generator.reading.dates import parse_date
from generator.reading.extract import extract
from generator.reading.normalize import repair_text
from generator.reading.readers import ReadError, read_source
from generator.reading.units import actor_phrase, split_names

from .conftest import FIXTURES, PROJECT, copy_project, gold_documents

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
SEED_TEXTS = {path.name: path.read_text(encoding="utf-8") for path in SEEDS}
EXTRACTED = {name: extract(repair_text(text), name) for name, text in SEED_TEXTS.items()}
DEJAVU = FONT_DIR / SANS  # the font the package ships


def test_extraction_matches_gold_on_at_least_98_percent_of_fields():
    results = []
    for gold in gold_documents():
        results += compare(gold, EXTRACTED[gold["source"]])
    mismatches = [(r.field, r.expected, r.found) for r in results if not r.ok]
    assert len(results) >= 110
    assert accuracy(results) >= 0.98, mismatches


def test_bundled_documents_are_what_import_produces(tmp_path):
    project = copy_project(tmp_path / "p")
    for seed in SEEDS:
        result = import_file(seed, project, force=True)
        relative = result.target.relative_to(project)
        assert result.replaced, relative
        assert result.target.read_text(encoding="utf-8") == (PROJECT / relative).read_text(encoding="utf-8"), relative


def test_import_refuses_to_overwrite_without_force(tmp_path):
    project = copy_project(tmp_path / "p")
    with pytest.raises(ImportRefused, match="tệp đã có; dùng --force"):
        import_file(SEEDS[2], project)
    result = subprocess.run([sys.executable, "-m", "generator", "import", str(SEEDS[2]), "--root", str(project)],
                            capture_output=True, text=True, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1 and "--force" in result.stderr


def test_import_prints_a_review_table_and_writes_the_file(tmp_path):
    project = tmp_path / "p"
    result = subprocess.run([sys.executable, "-m", "generator", "import", str(SEEDS[3]), "--root", str(project)],
                            capture_output=True, text=True, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "subject" in result.stdout and "không tìm thấy" in result.stdout  # 003 has no subject
    assert (project / "content" / "dispatches" / "2023" / "son-duong-cong-van.md").is_file()


def make_docx(text: str, path: Path) -> Path:
    from docx import Document

    document = Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def make_pdf(text: str, path: Path) -> Path:
    """A text PDF the way a word processor prints one: A4, wrapped lines, page numbers."""
    from fpdf import FPDF

    class NumberedPDF(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = NumberedPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    for paragraph in text.split("\n\n"):
        for line in paragraph.split("\n"):
            pdf.multi_cell(0, 7, line.replace("*", ""), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("seed", [s.name for s in SEEDS])
def test_same_seed_as_txt_docx_and_pdf_imports_to_the_same_structure(tmp_path, seed):
    if not DEJAVU.exists():
        pytest.fail("fonts-dejavu-core is missing: run `make system`")
    text = SEED_TEXTS[seed]
    docx = extract(repair_text(read_source(make_docx(text, tmp_path / "doc.docx"))), seed)
    # A PDF typesets the document itself (the letter-spacing of seed 003 is damage from
    # an earlier extraction, not part of the document); its text comes back wrapped to the
    # page width, without blank lines, with page numbers.
    pdf = extract(repair_text(read_source(make_pdf(repair_text(text), tmp_path / "doc.pdf"))), seed)
    expected = EXTRACTED[seed]
    for key in expected:
        assert docx[key] == expected[key], ("docx", key)
        assert pdf[key] == expected[key], ("pdf", key)


def test_legacy_encodings_are_refused_by_name(tmp_path):
    tcvn3 = tmp_path / "tcvn3.txt"
    tcvn3.write_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. Ngµy C«ng t¸c x· héi".encode("cp1252"))
    with pytest.raises(ReadError, match="TCVN3"):
        read_source(tcvn3)
    vni = tmp_path / "vni.txt"
    vni.write_bytes("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc".encode("cp1252"))
    with pytest.raises(ReadError, match="VNI"):
        read_source(vni)


def test_unsupported_and_scanned_files_are_refused(tmp_path):
    with pytest.raises(ReadError, match="chỉ nhận .txt, .md, .docx, .pdf"):
        read_source(tmp_path / "scan.jpg")


@pytest.mark.parametrize("text, expected", [
    ("Giao Sở Thông tin và Truyền thông, Sở Văn hóa và Thể thao, Báo Hải Phòng tổ chức phối hợp",
     ["Sở Thông tin và Truyền thông", "Sở Văn hóa và Thể thao", "Báo Hải Phòng"]),
    ("Đề nghị các phòng, ban huyện và các xã chỉ đạo", ["các phòng, ban huyện", "các xã"]),
    ("UBND các huyện, thành phố chỉ đạo Phòng Lao động", ["UBND các huyện, thành phố"]),
    ("Ủy ban nhân dân các xã, thị trấn.", ["Ủy ban nhân dân các xã, thị trấn"]),
    ("Tổ chức tọa đàm, nói chuyện về Ngày Công tác xã hội", []),
])
def test_assignees_are_read_from_the_item_opening(text, expected):
    phrase = actor_phrase(text)
    assert (split_names(phrase) if phrase else []) == expected


def test_dates_in_both_forms():
    assert parse_date("ngày 15 tháng 9 năm 2016 của") == "2016-09-15"
    assert parse_date("trước ngày 05/4/2024") == "2024-04-05"
    assert parse_date("ngày 31/2/2024") is None


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_extraction_never_raises(text):
    extract(repair_text(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(list(SEED_TEXTS["004_b17fcb5d34dd448d.txt"].splitlines()) +
                                list(SEED_TEXTS["000_f4fafefdea8c4def.txt"].splitlines())), max_size=60))
def test_extraction_never_raises_on_shuffled_document_lines(lines):
    extract(repair_text("\n".join(lines)))


def letter_space(line: str) -> str:
    return "  ".join(" ".join(word) for word in line.split(" "))


@settings(max_examples=100, deadline=None)
@given(seed=st.sampled_from(sorted(SEED_TEXTS)), rng_seed=st.integers(0, 10_000), width=st.integers(60, 110))
def test_letter_spacing_and_rewrapping_do_not_change_extraction(seed, rng_seed, width):
    """The document's paragraphs re-flowed at another page width, some lines spaced out."""
    rng = random.Random(rng_seed)
    damaged = []
    for paragraph in repair_text(SEED_TEXTS[seed]).split("\n\n"):
        lines = []
        for line in paragraph.split("\n"):
            if len(line) > width:
                wrapped = textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
                lines += [letter_space(w) if rng.random() < 0.2 and not w.lstrip().startswith("-") and "*" not in w else w
                          for w in wrapped]
            else:
                lines.append(line)
        damaged.append("\n".join(lines))
    assert extract(repair_text("\n\n".join(damaged)), seed) == EXTRACTED[seed]


@pytest.mark.parametrize("slug", ["../../x", "/tmp/x", "a/b", "Son-Tay", "x.md", "-x", "x--y", ""])
def test_import_slug_is_a_slug_never_a_path(tmp_path, slug):
    from generator.editing.importer import ImportRefused, import_file

    with pytest.raises(ImportRefused, match="không phải đường dẫn"):
        import_file(FIXTURES / "seeds" / "002_b88f4200da120217.txt", tmp_path, slug=slug)
    assert not any(tmp_path.rglob("*"))
