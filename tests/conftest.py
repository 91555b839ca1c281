"""Shared fixtures: the repository root, a built copy of the bundled site, and
a scratch copy of the project for tests that break its content on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.build import build_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_PARTS = ("campaigns", "content", "theme", "schemas", "mkdocs.yml")


def copy_project(target: Path) -> Path:
    """A copy of everything the build reads, to be edited by a test."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled content built once for the whole session."""
    out = tmp_path_factory.mktemp("built") / "site"
    build_site(ROOT, out)
    return out


def read_page(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def gold_documents() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((FIXTURES / "gold").glob("*.yml"))]
