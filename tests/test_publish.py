"""Publishing: new year scaffold, static-host files, reproducible output, CI workflows."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from typer.testing import CliRunner

from generator.cli import app
from generator.stages import check

from .conftest import ROOT, build, copy_project, shared_project

# Pagefind writes its filter and metadata indexes in an order that changes from
# run to run (upstream: Pagefind issue #638, "other files will still change,
# such as the filter/metadata indexes"); everything else must be byte-identical.
PAGEFIND_UNSTABLE = ("pagefind/filter/", "pagefind/pagefind-entry.json", "pagefind/pagefind.")


def digests(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_new_year_then_check_and_build(tmp_path):
    project = copy_project(tmp_path / "p")
    runner = CliRunner()
    result = runner.invoke(app, ["new-year", "2027", "--root", str(project)])
    assert result.exit_code == 0, result.output
    text = (project / "campaigns" / "2027.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/campaign.schema.json")
    assert "edition: 10" not in text and "edition: 11" in text and "Thứ Năm, ngày 25 tháng 3 năm 2027" in text
    assert (project / "content" / "dispatches" / "2027").is_dir()
    assert runner.invoke(app, ["new-year", "2027", "--root", str(project)]).exit_code == 1  # refuses an existing year
    assert runner.invoke(app, ["check", "--root", str(project)]).exit_code == 0
    build(project)
    page = (project / "site" / "nam" / "2027" / "index.html").read_text(encoding="utf-8")
    assert "Lần thứ 11" in page and "chưa có thông tin" in page


def test_same_commit_built_twice_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    build(shared_project(), first)
    build(shared_project(), second)
    one, two = digests(first), digests(second)
    assert sorted(name for name in one if not name.startswith(PAGEFIND_UNSTABLE)) == \
           sorted(name for name in two if not name.startswith(PAGEFIND_UNSTABLE))
    different = [name for name in one if not name.startswith(PAGEFIND_UNSTABLE) and one[name] != two.get(name)]
    assert different == []
    assert len([n for n in one if n.endswith(".html")]) > 60


def test_static_host_files(site):
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()  # no SITE_URL
    assert (site / "robots.txt").read_text().startswith("User-agent: *")
    headers = (site / "_headers").read_text()
    assert "Content-Security-Policy: default-src 'self'" in headers and "'wasm-unsafe-eval'" in headers
    assert "worker-src 'self' blob:" in headers and "X-Content-Type-Options: nosniff" in headers
    assert "Không tìm thấy trang" in (site / "404.html").read_text(encoding="utf-8")


def test_site_url_makes_sitemap_absolute(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/ctxh/")
    out = tmp_path / "site"
    build(shared_project(), out)
    sitemap = ET.fromstring((out / "sitemap.xml").read_bytes())
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = {u.find(f"{namespace}loc").text: u.find(f"{namespace}lastmod") for u in sitemap}
    assert urls["https://example.org/ctxh/van-ban/2024/son-tay-640-ubnd/"].text == "2024-03-21"
    assert urls["https://example.org/ctxh/nam/2023/"].text == "2023-02-24"  # newest of 2023: the national dispatch
    assert len(urls) == len(list(out.rglob("index.html")))
    assert "Sitemap: https://example.org/ctxh/sitemap.xml" in (out / "robots.txt").read_text()
    not_found = (out / "404.html").read_text(encoding="utf-8")
    assert 'href="/ctxh/assets/stylesheets/ctxh.css"' in not_found and 'href="/assets' not in not_found


def test_workflows_are_valid_and_deploy_pages():
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    assert github[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as True
    assert github["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert github["jobs"]["deploy"]["concurrency"]["cancel-in-progress"] is False  # only deploys queue
    steps = github["jobs"]["build"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    assert "ctxh check" in commands and "ctxh build" in commands
    assert [step["run"] for step in github["jobs"]["test"]["steps"] if "run" in step] == ["make test"]
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") for step in steps)
    assert github["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"] and "make test" in gitlab["test"]["script"]


def test_readme_explains_publishing_a_new_year():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Xuất bản một năm mới / Publishing a new year" in readme
    assert "ctxh new-year" in readme


def test_content_that_looks_like_html_renders_as_text(browser, tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "content" / "dispatches" / "2024" / "son-tay-640-ubnd.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Kính gửi:", "<script>alert('x')</script> <img src=x onerror=alert(1)> "
                                 "<a href=\"javascript:alert(2)\">bấm</a>\n\nKính gửi:", 1), encoding="utf-8")
    build(project)
    check(project)
    context = browser.new_context()
    tab = context.new_page()
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.goto((project / "site" / "van-ban" / "2024" / "son-tay-640-ubnd" / "index.html").as_uri())
    article = tab.locator("article")
    assert "<script>alert('x')</script>" in article.inner_text()
    assert article.locator("script").count() == 0
    assert article.locator("[onerror], [onclick], a[href^='javascript:']").count() == 0
    assert dialogs == []
    context.close()
