"""Shared fixtures: the test project and its built site, scratch copies of it for tests
that change its content, a static server and Chromium.

Tests never read the published content (campaigns/, content/ of the repository): editors
change it every year. They build tests/fixtures/project, a project of their own with the
repository's theme and schemas; what must hold of the published content is a `ctxh check`
rule, run on it by tests/test_published_content.py alone."""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.build import BuildOptions, build_site
from generator.safe_files import SITE_MARK, SITE_MARK_TEXT

# Every process the tests start is spawned, as on Windows and macOS: nothing may rely on fork.
multiprocessing.set_start_method("spawn", force=True)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT = FIXTURES / "project"  # the test project's own content (frozen), without theme and schemas
CONTENT_PARTS = ("campaigns", "content", "mkdocs.yml")  # from PROJECT
CODE_PARTS = ("theme", "schemas")  # from the repository: they are the product, not its content
SUB_PATH = "/ctxh/"  # the built site is served under this path, as on a project page host
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def copy_project(target: Path) -> Path:
    """A copy of the test project with everything the build reads, to be edited by a test."""
    target.mkdir(parents=True, exist_ok=True)
    for base, parts in ((PROJECT, CONTENT_PARTS), (ROOT, CODE_PARTS)):
        for part in parts:
            source = base / part
            if source.is_dir():
                shutil.copytree(source, target / part)
            else:
                shutil.copy2(source, target / part)
    return target


@functools.cache
def shared_project() -> Path:
    """The test project, ready to check and build: one copy per test process, read only (a test that
    changes content makes its own copy)."""
    return copy_project(Path(tempfile.mkdtemp(prefix="ctxh-test-project-")) / "project")


@functools.cache
def private_cache() -> Path:
    """A downloads cache of the tests' own (never the repository's .cache/): one per test process."""
    return Path(tempfile.mkdtemp(prefix="ctxh-test-cache-"))


def build(project: Path, site: Path | None = None, **options) -> Path:
    """Build ``project`` with the tests' own cache; returns the site folder."""
    return build_site(project, site, options=BuildOptions(cache_dir=private_cache(), **options)).site_dir


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


BUILD_DAY = "1772323200"  # SOURCE_DATE_EPOCH of 1/3/2026: the home page shows the 2026 Day

# A national campaign as the ministry would publish it (the bundled content has none with slogans).
NATIONAL_2026 = """
slogans:
  - text: "Nhiệt liệt chào mừng Ngày Công tác xã hội Việt Nam 25/3/2026"
    sources: [{where: "Công văn hướng dẫn của Bộ (dữ liệu thử)"}]
  - text: "Công tác xã hội vì hạnh phúc của mọi người"
    sources: [{where: "Công văn hướng dẫn của Bộ (dữ liệu thử)"}]
display:
  - start: 2026-03-20
    end: 2026-03-27
    sources: [{where: "Công văn hướng dẫn của Bộ (dữ liệu thử)"}]
"""


def _build_on_build_day(root: Path, out: Path) -> Path:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_DAY
    try:
        build(root, out)
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH") if previous is None else os.environ.update(SOURCE_DATE_EPOCH=previous)
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test project built once for the whole session, as on 1/3/2026."""
    return _build_on_build_day(shared_project(), tmp_path_factory.mktemp("built") / "site")


@pytest.fixture(scope="session")
def national_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled content plus national slogans and a national banner window for 2026."""
    project = copy_project(tmp_path_factory.mktemp("national") / "project")
    campaign = project / "campaigns" / "2026.yml"
    campaign.write_text(campaign.read_text(encoding="utf-8") + NATIONAL_2026, encoding="utf-8")
    return _build_on_build_day(project, project / "site")


def published_site(folder: Path, pages: dict[str, str]) -> Path:
    """A site as a previous build left it (with ctxh's mark): ``pages`` maps paths to their text."""
    for path, text in {SITE_MARK: SITE_MARK_TEXT, **pages}.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


def read_page(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def gold_documents() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((FIXTURES / "gold").glob("*.yml"))]


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files like a static host, with the headers the site's _headers file asks for."""

    extra_headers: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


def host_headers(site: Path) -> dict[str, str]:
    """The headers of the '/*' block of _headers (Netlify / Cloudflare Pages format)."""
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    return dict(line.strip().split(": ", 1) for line in lines[1:] if ": " in line)


def serve_folder(folder: Path, headers: dict[str, str]) -> ThreadingHTTPServer:
    """A static HTTP server of ``folder`` sending ``headers``, on a free port, in a thread."""
    handler = type("SiteHandler", (QuietHandler,), {"extra_headers": headers})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@contextlib.contextmanager
def serving(site: Path, folder: Path) -> Iterator[str]:
    """A real static HTTP server with ``site`` under SUB_PATH; yields the origin."""
    shutil.copytree(site, folder / SUB_PATH.strip("/"))
    httpd = serve_folder(folder, host_headers(site))
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def same_host_context(browser, origin: str, **options):
    """A browser context in which every request to another host is aborted and recorded
    (returns the context and the list of those requests)."""
    context = browser.new_context(**options)
    foreign: list[str] = []
    context.route("**/*", lambda route: (foreign.append(route.request.url), route.abort())
                  if not route.request.url.startswith(origin) else route.continue_())
    return context, foreign


@pytest.fixture(scope="session")
def server(site, tmp_path_factory):
    with serving(site, tmp_path_factory.mktemp("served")) as origin:
        yield origin


@pytest.fixture(scope="session")
def national_server(national_site, tmp_path_factory):
    with serving(national_site, tmp_path_factory.mktemp("served-national")) as origin:
        yield origin


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or os.environ.get("CHROMIUM")
    if not executable:
        pytest.fail("chromium is not installed: run `make system`")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser page; every request to another host fails the test."""
    context, foreign = same_host_context(browser, server, viewport={"width": 1280, "height": 800}, locale="vi-VN")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: errors.append(message.text)
           if message.type == "error" and "Content Security Policy" in message.text else None)
    yield tab
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not errors, f"JavaScript errors or blocked by the Content-Security-Policy: {errors}"
