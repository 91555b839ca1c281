"""The corpus of new documents (tests/fixtures/corpus): every issuer level and layout,
read as text, as a Word file (tables as real tables) and as a text PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.editing.evaluate import accuracy, compare, evaluate_folder
from generator.reading.extract import extract
from generator.reading.normalize import repair_text
from generator.reading.readers import read_source

from .conftest import FIXTURES
from .test_extract import DEJAVU, make_pdf

CORPUS = FIXTURES / "corpus"
GOLD = {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((CORPUS / "gold").glob("*.yml"))}


def _is_table_row(line: str) -> bool:
    return line.count(" | ") >= 2


def corpus_docx(text: str, path: Path) -> Path:
    """A Word file of the document: a paragraph per paragraph, '|' tables as real tables,
    the letterhead as a two-column table when the text has it side by side."""
    from docx import Document

    document = Document()
    for paragraph in repair_text(text).split("\n\n"):
        lines = paragraph.split("\n")
        rows = [line.split(" | ") for line in lines if _is_table_row(line)]
        if rows and len(rows) == len(lines):
            table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
            for cells, row in zip(table.rows, rows, strict=True):
                for cell, value in zip(cells.cells, row, strict=False):
                    cell.text = value
        else:
            document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def test_corpus_scores_at_least_95_percent_and_the_bundled_five_100():
    corpus = [r for score in evaluate_folder(CORPUS / "gold", CORPUS / "texts") for r in score.results]
    bundled = [r for score in evaluate_folder(FIXTURES / "gold", FIXTURES / "seeds") for r in score.results]
    assert len(corpus) >= 20 * 23
    assert accuracy(corpus) >= 0.95, [(r.field, r.expected, r.found) for r in corpus if not r.ok]
    assert accuracy(bundled) == 1.0, [(r.field, r.expected, r.found) for r in bundled if not r.ok]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_each_document_scores_the_same_as_docx_and_as_pdf(tmp_path, name):
    if not DEJAVU.exists():
        pytest.fail("fonts-dejavu-core is missing: run `make system`")
    gold = GOLD[name]
    text = (CORPUS / "texts" / gold["source"]).read_text(encoding="utf-8")
    expected = accuracy(compare(gold, extract(repair_text(text), gold["source"])))
    for made in (corpus_docx(text, tmp_path / "doc.docx"), make_pdf(repair_text(text), tmp_path / "doc.pdf")):
        found = compare(gold, extract(repair_text(read_source(made)), gold["source"]))
        wrong = [(r.field, r.expected, r.found) for r in found if not r.ok]
        assert accuracy(found) >= expected, (made.suffix, wrong)
