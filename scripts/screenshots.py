"""Regenerate the README screenshots from the current build.

Builds the bundled content, serves it on localhost, and takes phone (360×800)
and desktop (1280×800) screenshots of the home, a year, a document, a unit in its
province and a search with results, with Debian's chromium. Run: .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.build import build_site

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
PAGES = {"home": "", "year": "nam/2024/", "document": "van-ban/2024/son-tay-640-ubnd/",
         "unit": "don-vi/so-y-te/binh-phuoc/", "search": "tra-cuu/?q=treo%20b%C4%83ng%20r%C3%B4n"}
SIZES = {"phone": (360, 800), "desktop": (1280, 800)}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    site = build_site(ROOT).site_dir
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        for size_name, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            for name, path in PAGES.items():
                page.goto(origin + path)
                if name == "search":
                    page.wait_for_selector(".ctxh-search__result")
                target = OUT / f"{name}-{size_name}.png"
                page.screenshot(path=str(target))
                print(f"wrote {target.relative_to(ROOT)}")
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
