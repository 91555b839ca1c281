"""Content is data: script and markup injected into content stay inert, in the
built HTML and in Chromium, with the site's Content-Security-Policy and without it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import build, copy_project, host_headers, same_host_context, serve_folder

PAGE = """---
title: "Hỏi đáp"
slug: hoi-dap
description: "Mô tả"
order: 20
---

# Hỏi đáp

<script>window.__pwned = "script";</script>
<img src="x" onerror="window.__pwned = 'onerror'">
<iframe src="https://evil.example/"></iframe>
<a href="javascript:window.__pwned='href'">liên kết</a>
<form action="https://evil.example/"><button>Gửi</button></form>
<svg onload="window.__pwned='svg'"></svg>

Đoạn có thuộc tính chèn vào.
{: onclick="window.__pwned='attr_list'" }

![ảnh từ nơi khác](https://evil.example/theo-doi.png)

[liên kết hợp lệ](https://thuvienphapluat.vn/) và [trang giới thiệu](gioi-thieu/).
"""

SUMMARY = (
    "summary: \"Tóm tắt có chèn.\\n{: onmouseover=\\\"window.__pwned='summary'\\\" }\\n\\n"
    "![x](https://evil.example/a.png)\\n\\n<script>window.__pwned='summary-script'</script>\\n\\n"
    "[chữ](javascript:window.__pwned='summary-href')\"\n"
)


def _unsafe(tag) -> list[str]:
    """What makes an element active or makes it ask another host."""
    found = [name for name in tag.attrs if name.lower().startswith("on")]
    for name in ("href", "src", "action", "formaction", "data"):
        value = str(tag.get(name, "")).strip().lower()
        if value.startswith(("javascript:", "data:text/html")) or "evil.example" in value:
            found.append(f"{name}={value}")
    if tag.name in ("script", "iframe", "object", "embed", "form", "style"):
        found.append(tag.name)
    return found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (project / "content" / "pages" / "hoi-dap.md").write_text(PAGE, encoding="utf-8")
    campaign = project / "campaigns" / "2024.yml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("notes:\n", SUMMARY + "notes:\n", 1),
                        encoding="utf-8")
    return build(project)


def test_injected_markup_is_gone_from_the_html(hostile_site):
    for url in ("hoi-dap", "nam/2024", ""):
        soup = BeautifulSoup((hostile_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        assert [(tag.name, _unsafe(tag)) for tag in article.find_all(True) if _unsafe(tag)] == [], url
        navigation = soup.select_one(".md-sidebar--primary, .md-tabs")
        assert not navigation.find_all("img"), url  # a title is text in the navigation too
    page = (hostile_site / "hoi-dap" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://thuvienphapluat.vn/"' in page


def test_no_page_carries_an_inline_script(hostile_site):
    """The CSP allows no inline script, so none may be needed: the theme's are files."""
    for path in hostile_site.rglob("*.html"):
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            assert script.get("src") or script.get("type") == "application/json", (path, str(script)[:120])


@pytest.mark.parametrize("with_csp", [True, False], ids=["with-csp", "without-csp"])
def test_payloads_do_not_run_in_chromium(browser, hostile_site, tmp_path, with_csp):
    served = tmp_path / "served"
    shutil.copytree(hostile_site, served)
    # A script that reached a page some other way (a compromised theme file, a mistake in a
    # template) must still be blocked: by _headers where the host serves it, by the page's own
    # <meta> policy where it does not (GitHub Pages, GitLab Pages). The control is the same page
    # without its <meta> policy: there the planted script runs unless the host sends the header.
    page = (served / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    planted = page.replace("</body>", "<script>window.__pwned='planted'</script></body>")
    (served / "gioi-thieu" / "index.html").write_text(planted, encoding="utf-8")
    control = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", planted)
    (served / "doi-chung").mkdir()
    (served / "doi-chung" / "index.html").write_text(control, encoding="utf-8")
    httpd = serve_folder(served, host_headers(hostile_site) if with_csp else {})
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    context, foreign = same_host_context(browser, origin)
    tab = context.new_page()
    try:
        for url in ("hoi-dap/", "nam/2024/", "", "gioi-thieu/", "doi-chung/"):
            tab.goto(f"{origin}/{url}")
            tab.wait_for_load_state("load")
            for element in tab.query_selector_all("article p, article img"):  # where handlers were injected
                element.dispatch_event("mouseover")
                element.dispatch_event("click")
            pwned = tab.evaluate("window.__pwned || null")
            if url == "doi-chung/" and not with_csp:
                assert pwned == "planted"  # the control: without any policy, a planted script runs
            else:
                assert pwned is None, (url, pwned)
            assert tab.evaluate("document.querySelector('.md-nav__link img, .md-header img[src=x]')") is None
    finally:
        context.close()
        httpd.shutdown()
    assert not foreign, foreign


def test_every_page_carries_the_policy_itself(site):
    """GitHub Pages and GitLab Pages serve no _headers: each page states its Content-Security-Policy,
    the one of _headers (a meta cannot say frame-ancestors); only the search page runs WebAssembly."""
    served = host_headers(site)["Content-Security-Policy"]
    expected = "; ".join(rule for rule in served.split("; ") if not rule.startswith("frame-ancestors"))
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        metas = soup.select('head meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, path
        policy = metas[0]["content"]
        if path.parent.name == "tra-cuu":
            assert policy == expected, path
        else:
            assert policy == expected.replace(" 'wasm-unsafe-eval'", ""), path
