"""The site served from a sub-path by a real static server has no broken internal link."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup

from .conftest import SUB_PATH

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as err:
        return err.code, "", b""


def links_in(url: str, kind: str, body: bytes) -> set[str]:
    if kind == "text/html":
        soup = BeautifulSoup(body, "html.parser")
        found = {tag.get(attr) for attr in ("href", "src") for tag in soup.find_all(attrs={attr: True})}
    elif kind == "text/css":
        found = set(CSS_URL.findall(body.decode("utf-8", "replace")))
    else:
        return set()
    return {urldefrag(urljoin(url, link))[0] for link in found
            if link and not link.startswith(("data:", "mailto:", "tel:", "#"))}


def test_crawl_from_sub_path_finds_no_broken_link(server, site):
    start = server + SUB_PATH
    seen, queue, broken, outside = set(), [start], [], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, kind, body = fetch(url)
        if status != 200:
            broken.append((url, status))
            continue
        for link in links_in(url, kind, body):
            parsed = urlparse(link)
            if parsed.scheme in ("http", "https") and f"{parsed.scheme}://{parsed.netloc}" != server:
                continue  # a plain link to another site is fine; assets are checked in test_site
            if not parsed.path.startswith(SUB_PATH):
                outside.append((url, link))
            elif link not in seen:
                queue.append(link)
    assert not broken, broken
    assert not outside, outside
    pages = [u for u in seen if u.endswith("/")]
    assert len(pages) == len(list(site.rglob("index.html"))), "every page is reachable by links"
