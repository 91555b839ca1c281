"""generator.build: site/ is replaced in one step, never lost, and a stopped build leaves nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import build

from .conftest import ROOT, copy_project, published_site
from .test_errors import tree_hash


def _site(folder: Path, text: str) -> Path:
    return published_site(folder, {"index.html": text})


def test_swap_exchanges_the_folders(tmp_path):
    site, built = _site(tmp_path / "site", "cũ"), _site(tmp_path / "stage" / "site", "mới")
    build._swap_into_place(built, site, tmp_path / "stage")
    assert (site / "index.html").read_text(encoding="utf-8") == "mới"


def test_without_exchange_an_interrupted_swap_puts_the_old_site_back(tmp_path, monkeypatch):
    site, built = _site(tmp_path / "site", "cũ"), _site(tmp_path / "stage" / "site", "mới")
    monkeypatch.setattr(build, "_exchange", lambda first, second: False)
    real_replace, calls = os.replace, []

    def interrupted(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt  # between the two renames
        real_replace(source, target)

    monkeypatch.setattr(build.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build._swap_into_place(built, site, tmp_path / "stage")
    monkeypatch.setattr(build.os, "replace", real_replace)
    assert (site / "index.html").read_text(encoding="utf-8") == "cũ"


def test_sigterm_during_a_build_leaves_site_and_no_staging_folder(tmp_path):
    project = copy_project(tmp_path / "project")
    site = _site(project / "site", "bản đã xuất bản")
    before = tree_hash(site)
    script = textwrap.dedent(f"""
        import os, signal, sys
        from pathlib import Path
        from generator.build import build_site
        def progress(stage):
            if stage.startswith("Dựng HTML"):
                os.kill(os.getpid(), signal.SIGTERM)
        build_site(Path({str(project)!r}), progress=progress)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and "BuildInterrupted" in result.stderr
    assert tree_hash(site) == before
    assert not list(project.glob(".ctxh-build-*"))


def test_a_killed_build_s_staging_folder_is_removed_by_the_next(tmp_path):
    project = copy_project(tmp_path / "project")
    abandoned = project / ".ctxh-build-999999999-x"
    (abandoned / "site").mkdir(parents=True)
    build.build_site(project, options=build.BuildOptions(search_index=False))
    assert not abandoned.exists()
    assert (project / "site" / "index.html").is_file()
