"""generator.outputs.cache: a cached download is the one the current code would make."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.outputs import cache

from ..conftest import ROOT, copy_project

DOCUMENT_PDF = Path("site", "van-ban", "2024", "son-tay-640-ubnd", "son-tay-640-ubnd.pdf")


def test_an_entry_is_made_once_and_read_back(tmp_path):
    made = []
    make = lambda: made.append(1) or b"%PDF-1.7 ban sao"  # noqa: E731
    assert cache.cached(tmp_path, "pdf", {"a": 1}, make) == cache.cached(tmp_path, "pdf", {"a": 1}, make)
    assert made == [1]
    assert cache.cached(None, "pdf", {"a": 1}, make) == b"%PDF-1.7 ban sao" and made == [1, 1]


def test_an_interrupted_write_leaves_no_entry(tmp_path, monkeypatch):
    def cut(source, target):
        raise KeyboardInterrupt  # the process stopped between writing the bytes and naming the entry

    monkeypatch.setattr(cache.os, "replace", cut)
    with pytest.raises(KeyboardInterrupt):
        cache.cached(tmp_path, "pdf", {"a": 1}, lambda: b"x" * 100_000)
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


def test_the_fingerprint_covers_code_templates_fonts_and_libraries():
    names = {path.relative_to(cache.PACKAGE).as_posix() for path in cache.PACKAGE.rglob("*")
             if path.suffix in (".py", ".typ", ".ttf", ".j2")}
    assert {"templates/document.typ", "templates/banner.typ", "outputs/pdf_typst.py", "outputs/docx_writer.py",
            "fonts/LiberationSerif-Regular.ttf"} <= names
    assert set(cache.WRITERS) >= {"typst", "python-docx", "pillow"}


def _ctxh(project: Path, package_parent: Path | None = None) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1772323200"}
    if package_parent is not None:
        env["PYTHONPATH"] = str(package_parent)  # this copy of the package, before the installed one
    subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)], check=True,
                   cwd=package_parent or ROOT, env=env, capture_output=True, timeout=600)


@pytest.mark.build
def test_editing_a_template_changes_the_cached_copy(tmp_path):
    """The same content, the same cache folder, the document template edited: the PDF is made anew."""
    project = copy_project(tmp_path / "project")
    _ctxh(project)
    first = (project / DOCUMENT_PDF).read_bytes()
    assert any((project / ".cache" / "ctxh" / "pdf").glob("*.bin"))
    edited = tmp_path / "edited"
    shutil.copytree(ROOT / "generator", edited / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    template = edited / "generator" / "templates" / "document.typ"
    text = template.read_text(encoding="utf-8")
    template.write_text(text + '\n#place(top + left)[#text(size: 8pt)[MẪU ĐÃ SỬA]]\n', encoding="utf-8")
    _ctxh(project, edited)
    second = (project / DOCUMENT_PDF).read_bytes()
    assert second != first
    assert "MẪU ĐÃ SỬA" in "".join(page.extract_text() for page in PdfReader(project / DOCUMENT_PDF).pages)
