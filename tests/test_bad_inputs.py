"""The bad-input corpus (tests/bad_inputs/cases.yml): every case stops the build with
file, line and field, exits non-zero, and leaves site/ byte-identical."""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from generator.cli import app

from .conftest import copy_project, published_site
from .test_errors import edit, tree_hash

CASES = yaml.safe_load((Path(__file__).parent / "bad_inputs" / "cases.yml").read_text(encoding="utf-8"))
LEGACY_BYTES = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n".encode("cp1252")


def apply(case: dict, project: Path) -> None:
    if "edit" in case:
        change = case["edit"]
        edit(project / change["file"], change["old"], change["new"])
    elif "write" in case:
        (project / case["write"]["file"]).write_text(case["write"]["text"], encoding="utf-8")
    else:
        special = case["special"]
        path = project / special["file"]
        kind = special["kind"]
        if kind == "binary":
            path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        elif kind == "huge":
            with path.open("wb") as handle:
                handle.truncate(50 * 1024 * 1024)
        elif kind == "symlink":
            os.symlink(special["to"], path)
        elif kind == "legacy":
            path.write_bytes(LEGACY_BYTES)
        elif kind == "nfd":
            edit(path, special["old"], unicodedata.normalize("NFD", special["old"]))
        elif kind in ("copy", "move"):
            (shutil.copy2 if kind == "copy" else shutil.move)(path, project / special["to"])
        else:
            raise AssertionError(f"unknown special case {kind}")


def test_corpus_is_large_enough():
    assert len(CASES) >= 40
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_input_stops_the_build_with_file_line_and_field(case, tmp_path):
    project = copy_project(tmp_path / "project")
    site = published_site(project / "site", {"index.html": "<!doctype html><title>trang cũ</title>",
                                             "nam/2024/index.html": "năm 2024 (bản đã xuất bản)"})
    before = tree_hash(site)
    apply(case, project)
    result = CliRunner().invoke(app, ["build", "--root", str(project)], env={"COLUMNS": "250"})
    assert result.exit_code != 0, result.output
    assert case["expect"] in result.output, result.output
    assert tree_hash(site) == before
    assert not [p for p in project.iterdir() if p.name.startswith(".ctxh-build-")]
