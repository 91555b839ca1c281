"""Every page of the built site (and the 404 page, and a search with results), served
under a sub-path, read in a real browser: no console error, no failed request, nothing
marked as English."""

from __future__ import annotations

from .conftest import SUB_PATH
from .test_quality import all_pages


def test_every_page_loads_cleanly_in_vietnamese(browser, server, site):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    problems: list[tuple[str, str]] = []
    current = [""]
    tab = context.new_page()
    tab.on("console", lambda message: problems.append((current[0], f"console: {message.text}"))
           if message.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append((current[0], f"script: {error}")))
    tab.on("requestfailed", lambda request: problems.append((current[0], f"failed: {request.url}")))
    tab.on("response", lambda response: problems.append((current[0], f"HTTP {response.status}: {response.url}"))
           if response.status >= 400 else None)
    for path in [*all_pages(site), "404.html", "tra-cuu/?q=%C4%91%E1%BB%91i+t%C6%B0%E1%BB%A3ng&nam=2024"]:
        current[0] = path
        tab.goto(f"{server}{SUB_PATH}{path}", wait_until="networkidle")  # late requests count too
        assert tab.evaluate("document.documentElement.lang") == "vi", path
        english = tab.locator('[lang="en"], [lang^="en-"]').count()
        if english:
            problems.append((path, f'{english} elements with lang="en"'))
    context.close()
    assert problems == []
