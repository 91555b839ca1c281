"""Warnings a careful reader would raise, and none they would call wrong."""

from __future__ import annotations

import subprocess
import sys

from generator.stages import check, warnings

from .conftest import shared_project
from .test_errors import edit


def messages(root) -> list[str]:
    return [str(w) for w in warnings(check(root))]


def test_bundled_content_warnings_are_exactly_the_known_oddities():
    found = messages(shared_project())
    son_duong = [m for m in found if "son-duong-cong-van.md" in m]
    assert any("references[0].date: trích dẫn Văn bản 249/SLĐTBXH-XH ngày 03/03/2022" in m for m in son_duong)
    assert any("date: văn bản để trống ngày ký" in m for m in son_duong)
    binh_phuoc = [m for m in found if "binh-phuoc-kh-ubnd.md" in m]
    assert any("display_windows[1]: khác thời gian treo thứ 1: 22/3–28/3/2024 (mọi đơn vị) và 24/3–28/3/2024" in m
               for m in binh_phuoc)
    assert any("number: văn bản để trống số" in m for m in binh_phuoc)
    assert not [m for m in found if "son-tay-640-ubnd.md" in m]  # a complete, consistent dispatch
    assert not [m for m in found if "1791" in m]  # the founding decision of 2016 is cited on purpose
    assert all(":" in m.split(" cảnh báo: ")[0] for m in found)  # file:line on every warning


def test_edition_deadline_and_window_checks(project):
    path = project / "content" / "dispatches" / "2024" / "son-tay-640-ubnd.md"
    edit(path, "  edition: null", "  edition: 7")
    edit(path, "due: '2024-04-14'", "due: '2024-03-01'")
    edit(path, "display_windows: []", "display_windows:\n- start: '2024-03-26'\n  end: '2024-03-30'")
    found = [m for m in messages(project) if "son-tay" in m]
    assert any("campaign.edition: văn bản ghi lần thứ 7, nhưng năm 2024 là lần thứ 8" in m for m in found)
    assert any("deadlines[0].due: hạn 01/03/2024 trước ngày ký văn bản 21/03/2024" in m for m in found)
    assert any("display_windows[0]: thời gian treo 26/3–30/3/2024 không gồm ngày 25/3" in m for m in found)


def test_strict_check_fails_on_warnings():
    base = [sys.executable, "-m", "generator", "check", "--root", str(shared_project())]
    assert subprocess.run(base, capture_output=True).returncode == 0
    assert subprocess.run(base + ["--strict"], capture_output=True).returncode == 1
