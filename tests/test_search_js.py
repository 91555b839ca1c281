"""The search page's own code, tested by Node's test runner (tests/js/*.test.mjs)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT


def test_the_search_page_scripts_pass_their_unit_tests():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the JavaScript unit tests: run `make system`")
    result = subprocess.run([node, "--test", *sorted(str(path) for path in (ROOT / "tests" / "js").glob("*.test.mjs"))],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
