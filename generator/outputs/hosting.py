"""What a static host needs beside the pages: sitemap, robots.txt, security headers.

``_headers`` is the format of Netlify and Cloudflare Pages; other hosts take
the same values in their own configuration, and every page carries the policy
in a ``<meta http-equiv>`` as well (GitHub Pages and GitLab Pages serve no
headers of a site's choosing). Its Content-Security-Policy allows
only this site's own files, plus what Pagefind needs (WebAssembly and a
worker). No inline script is allowed: the theme's own inline scripts are
replaced by files (``theme/partials/javascripts/``), so a script that reached
a page some other way would not run.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

_POLICY = [
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
]
CONTENT_SECURITY_POLICY = "; ".join(_POLICY)
# The same policy in every page's <meta http-equiv>, for hosts that serve no _headers (GitHub Pages,
# GitLab Pages); a meta policy cannot say frame-ancestors (the browser reports it as an error). Only
# the search page runs WebAssembly (Pagefind): the other pages do not allow it.
SEARCH_PAGE_POLICY = "; ".join(rule for rule in _POLICY if not rule.startswith("frame-ancestors"))
PAGE_SECURITY_POLICY = SEARCH_PAGE_POLICY.replace(" 'wasm-unsafe-eval'", "")
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


def sitemap(pages: list[dict[str, str | None]], site_url: str) -> str:
    """Every page (``url``, and ``lastmod``: the ISO date of its newest content) at its absolute address."""
    base = site_url.rstrip("/") + "/"
    entries = []
    for page in sorted(pages, key=lambda p: p["url"]):
        entry = f"  <url><loc>{escape(base + page['url'])}</loc>"
        if page["lastmod"]:
            entry += f"<lastmod>{page['lastmod']}</lastmod>"
        entries.append(entry + "</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(entries) + "\n</urlset>\n")


def robots(site_url: str | None) -> str:
    text = "User-agent: *\nAllow: /\n"
    if site_url:
        text += f"Sitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    return text


# The "not found" page a host serves at any missing address. Without SITE_URL the
# site's base path is unknown, so no link or asset can be addressed from an
# arbitrary depth: this page then stands alone (no links, no files; an empty icon, so that
# the browser does not ask the host's root for /favicon.ico).
STANDALONE_404 = f"""<!doctype html>
<html lang="vi">
<head>
<meta http-equiv="Content-Security-Policy" content="{PAGE_SECURITY_POLICY}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không tìm thấy trang - Ngày Công tác xã hội Việt Nam</title>
<link rel="icon" href="data:,">
<style>body{{max-width:36rem;margin:3rem auto;padding:0 1rem;font:1.1rem/1.6 system-ui,sans-serif;color:#222}}
h1{{color:#9b0d24;font-size:1.6rem}}</style>
</head>
<body>
<main>
<h1>Không tìm thấy trang</h1>
<p>Địa chỉ này không có trên Cổng thông tin Ngày Công tác xã hội Việt Nam. Xin kiểm tra lại địa chỉ,
hoặc mở trang chủ của cổng rồi dùng mục Tra cứu.</p>
</main>
</body>
</html>
"""


def write_hosting_files(site_dir: Path, pages: list[dict[str, str | None]], site_url: str | None) -> None:
    """robots.txt and _headers; with the published address, sitemap.xml (it lists absolute
    addresses); without it, a 404 page that needs nothing from the site."""
    if site_url:
        (site_dir / "sitemap.xml").write_text(sitemap(pages, site_url), encoding="utf-8")
    else:
        (site_dir / "404.html").write_text(STANDALONE_404, encoding="utf-8")
    (site_dir / "robots.txt").write_text(robots(site_url), encoding="utf-8")
    (site_dir / "_headers").write_text(headers_file(), encoding="utf-8")
