"""An editor's ordinary year never turns the tests red: in a copy of the repository, a new year,
an imported document and a hand-corrected one, then `ctxh check` and the tests that once
depended on the published content, all green."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import FIXTURES
from .test_workflows import fresh_clone

# The tests that read the published content before it had a test project of its own, and the
# rules the published content must keep (run on the copy as CI would run them on the editor's push).
ONCE_CONTENT_BOUND = ["tests/test_published_content.py", "tests/test_content.py", "tests/test_checks.py",
                      "tests/test_schema.py", "tests/site/test_pages.py", "tests/outputs/test_opendata.py",
                      "tests/test_architecture.py::test_no_test_reads_the_published_content"]


@pytest.mark.build
def test_a_new_year_an_import_and_a_correction_keep_check_and_the_suite_green(tmp_path):
    clone = fresh_clone(tmp_path / "clone")
    env = {**os.environ, "PYTHONPATH": str(clone), "COLUMNS": "200"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=clone, env=env, capture_output=True, text=True,
                              timeout=900)

    for command in (["new-year", "2027"], ["import", str(FIXTURES / "corpus" / "texts" / "027_byt-cong-van-2027.txt")]):
        done = run("-m", "generator", *command, "--root", str(clone))
        assert done.returncode == 0, done.stdout + done.stderr
    imported = next((clone / "content" / "dispatches" / "2027").glob("*.md"))
    text = imported.read_text(encoding="utf-8")
    imported.write_text(text.replace("notes: []", "notes:\n- Đã đối chiếu với bản gốc có chữ ký.", 1)
                        .replace("summary: null", "summary: Tổ chức các hoạt động kỷ niệm.", 1), encoding="utf-8")
    corrected = clone / "content" / "dispatches" / "2024" / "son-tay-640-ubnd.md"
    corrected.write_text(corrected.read_text(encoding="utf-8").replace("place: Sơn Tây", "place: huyện Sơn Tây", 1),
                         encoding="utf-8")
    checked = run("-m", "generator", "check", "--root", str(clone))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    tests = run("-m", "pytest", "-q", "-p", "no:cacheprovider", *ONCE_CONTENT_BOUND)
    assert tests.returncode == 0, tests.stdout[-5000:] + tests.stderr[-3000:]
