"""What a static host needs beside the pages: sitemap, robots.txt, security headers.

``_headers`` is the format of Netlify and Cloudflare Pages; other hosts take
the same values in their own configuration. Its Content-Security-Policy allows
only this site's own files, plus what Pagefind needs (WebAssembly and a
worker). No inline script is allowed: the theme's own inline scripts are
replaced by files (``theme/partials/javascripts/``), so a script that reached
a page some other way would not run.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from generator.site.pages import Page

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
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
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def headers_file() -> str:
    lines = ["/*"] + [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    return "\n".join(lines) + "\n"


def sitemap(pages: list[Page], site_url: str) -> str:
    """Every page at its absolute address, with the date of its newest content as lastmod."""
    base = site_url.rstrip("/") + "/"
    entries = []
    for page in sorted(pages, key=lambda p: p.url):
        entry = f"  <url><loc>{escape(base + page.url)}</loc>"
        if page.lastmod:
            entry += f"<lastmod>{page.lastmod.isoformat()}</lastmod>"
        entries.append(entry + "</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(entries) + "\n</urlset>\n")


def robots(site_url: str | None) -> str:
    text = "User-agent: *\nAllow: /\n"
    if site_url:
        text += f"Sitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    return text


def write_hosting_files(site_dir: Path, pages: list[Page], site_url: str | None) -> None:
    """robots.txt and _headers; sitemap.xml only when the published address is known
    (a sitemap lists absolute addresses)."""
    if site_url:
        (site_dir / "sitemap.xml").write_text(sitemap(pages, site_url), encoding="utf-8")
    (site_dir / "robots.txt").write_text(robots(site_url), encoding="utf-8")
    (site_dir / "_headers").write_text(headers_file(), encoding="utf-8")
