"""The package's shape as checked contracts: layers (import-linter), sizes, one URL module."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "generator"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
BEING_REWRITTEN: set[str] = set()  # modules exempt from the size limits while a branch rewrites them


def test_import_contracts_hold():
    """Each pipeline package imports only the ones below it; only the engine imports mkdocs."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_modules_and_functions_stay_short():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in BEING_REWRITTEN:
            continue
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{name}: {lines} lines")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno}: {node.name}() has {length} lines")
    assert too_long == []


def test_one_module_owns_the_addresses():
    """Site paths are built in generator/site/urls.py only: no other module spells out a page folder."""
    spelled = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "urls.py":
            continue
        text = path.read_text(encoding="utf-8")
        for folder in ('"nam/', '"van-ban/', '"don-vi/', '"tinh/', '"du-lieu/', "f\"nam/", "f\"van-ban/",
                       "f\"don-vi/", "f\"tinh/", "f\"du-lieu/"):
            if folder in text:
                spelled.append(f"{path.relative_to(ROOT)}: {folder}")
    assert spelled == []


def test_no_test_reads_the_published_content():
    """Editors change campaigns/ and content/ every year: tests build the test project instead, and
    only tests/test_published_content.py runs `ctxh check` on the published content."""
    readers = re.compile(r"ROOT\s*/\s*[\"'](?:campaigns|content)[\"']|(?:check|build_site|build)\(ROOT\b")
    found = [path.relative_to(ROOT).as_posix() for path in sorted((ROOT / "tests").rglob("*.py"))
             if path.name != "test_published_content.py" and "bench" not in path.parts
             and readers.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_ruff_finds_nothing():
    """The style and correctness rules of pyproject.toml ([tool.ruff]) hold for the package and the tests."""
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "generator", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
