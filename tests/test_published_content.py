"""The published content (campaigns/, content/ of the repository): what must hold of it is a
`ctxh check` rule, and this is the one test that runs them on it. Every other test builds the
test project (tests/fixtures/project), so an editor's commit never breaks them."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_the_published_content_passes_ctxh_check():
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(ROOT)],
                            capture_output=True, text=True, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Không có lỗi" in result.stdout
