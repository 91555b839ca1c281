"""What a static host needs beside the pages: sitemap, robots.txt, security headers.

``_headers`` is the format of Netlify and Cloudflare Pages; other hosts take
the same values in their own configuration. Its Content-Security-Policy allows
only this site's own files, plus what the pages really need: the hashes of
the theme's few inline scripts, WebAssembly and a worker for Pagefind.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from pathlib import Path
from xml.sax.saxutils import escape

from .render import page_url

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.DOTALL)

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def inline_script_hashes(site_dir: Path) -> list[str]:
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for body in _INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def content_security_policy(script_hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(script_hashes),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def headers_file(script_hashes: list[str]) -> str:
    lines = ["/*", f"  Content-Security-Policy: {content_security_policy(script_hashes)}"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    return "\n".join(lines) + "\n"


def sitemap(pages: dict[str, dt.date | None], site_url: str | None) -> str:
    """Every page with the date of its newest content as lastmod; absolute URLs when site_url is known."""
    base = (site_url or "").rstrip("/") + "/"
    entries = []
    for path in sorted(pages, key=page_url):
        lastmod = pages[path]
        entry = f"  <url><loc>{escape(base + page_url(path))}</loc>"
        if lastmod:
            entry += f"<lastmod>{lastmod.isoformat()}</lastmod>"
        entries.append(entry + "</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(entries) + "\n</urlset>\n")


def robots(site_url: str | None) -> str:
    text = "User-agent: *\nAllow: /\n"
    if site_url:
        text += f"Sitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    return text


def write_hosting_files(site_dir: Path, lastmods: dict[str, dt.date | None], site_url: str | None) -> None:
    for generated in ("sitemap.xml", "sitemap.xml.gz"):  # the engine's own carry the build time
        (site_dir / generated).unlink(missing_ok=True)
    (site_dir / "sitemap.xml").write_text(sitemap(lastmods, site_url), encoding="utf-8")
    (site_dir / "robots.txt").write_text(robots(site_url), encoding="utf-8")
    (site_dir / "_headers").write_text(headers_file(inline_script_hashes(site_dir)), encoding="utf-8")
