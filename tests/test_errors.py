"""Bad input stops the build with file, line and field, and leaves site/ untouched."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from generator.problems import ContentError
from generator.stages import check

from .conftest import build


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def problems_for(project: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        check(project)
    return [str(p) for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CAMPAIGN_CASES = {
    "yaml-syntax": ("edition: 8", "edition: [8", "campaigns/2024.yml:3: lỗi: edition: sai cú pháp YAML"),
    "edition": ("edition: 8", "edition: 7", "campaigns/2024.yml:3: lỗi: edition: năm 2024 là lần thứ 8 (2024 − 2016), nhưng tệp ghi 7"),
    "date": ("date: 2024-03-25", "date: 2024-03-26", "campaigns/2024.yml:4: lỗi: date: Ngày Công tác xã hội là 25 tháng 3"),
    "impossible-date": ("date: 2024-03-25", "date: 2024-02-30", "campaigns/2024.yml:4: lỗi: date: cần một ngày có thật"),
    "unknown-key": ("theme:\n", "theem:\n", "campaigns/2024.yml:5: lỗi: theem: không có trường 'theem' trong mẫu; có phải là 'theme'?"),
    "wrong-type": ("year: 2024", "year: hai nghìn", "campaigns/2024.yml:2: lỗi: year: cần một số nguyên"),
    "markup": ("Tiên phong, chuyên nghiệp", "<script>alert(1)</script> Tiên phong, chuyên nghiệp",
               "campaigns/2024.yml:8: lỗi: theme.claims[0].text: trông như mã HTML hoặc script"),
}


@pytest.mark.parametrize("case", sorted(CAMPAIGN_CASES))
def test_malformed_campaign_is_reported_with_file_line_and_field(project, case):
    old, new, expected = CAMPAIGN_CASES[case]
    edit(project / "campaigns" / "2024.yml", old, new)
    messages = problems_for(project)
    assert any(m.startswith(expected) for m in messages), messages


def test_document_problems_name_file_line_and_field(project):
    path = project / "content" / "dispatches" / "2024" / "son-tay-640-ubnd.md"
    edit(path, "date: '2024-03-21'", "date: '2023-03-21'")
    edit(path, "anchor: muc-4", "anchor: muc-9")
    messages = problems_for(project)
    assert any(m.startswith("content/dispatches/2024/son-tay-640-ubnd.md:14: lỗi: date: ngày 2023-03-21 không thuộc năm")
               for m in messages), messages
    assert any("tasks[3].anchor: toàn văn không có mục đánh số 'muc-9'" in m for m in messages), messages


def test_document_in_wrong_year_folder(project):
    source = project / "content" / "dispatches" / "2024" / "son-tay-640-ubnd.md"
    (project / "content" / "dispatches" / "2023" / source.name).write_text(source.read_text(encoding="utf-8"))
    source.unlink()
    messages = problems_for(project)
    assert any("2023/son-tay-640-ubnd.md:15: lỗi: year: văn bản nằm trong thư mục 2023/ nhưng ghi năm 2024" in m
               for m in messages), messages


@pytest.mark.parametrize("case", ["yaml-syntax", "edition", "date"])
def test_failed_build_leaves_site_exactly_as_it_was(project, case):
    site = project / "site"
    build(project, site)
    before = tree_hash(site)
    old, new, expected = CAMPAIGN_CASES[case]
    edit(project / "campaigns" / "2024.yml", old, new)
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)],
                            capture_output=True, text=True, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert expected in result.stderr
    assert tree_hash(site) == before
    assert not [p for p in project.iterdir() if p.name.startswith(".ctxh-build-")]
