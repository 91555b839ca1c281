"""The one place that knows the site engine, mkdocs-material.

It takes the site's pages (plain :class:`~generator.site.pages.Page` values),
the navigation and the data the theme shows, and writes HTML. Nothing else in
the project imports mkdocs or knows its conventions (docs files, front matter,
nav shape, ``extra``), so another engine reading the same ``mkdocs.yml``
(Zensical, mkdocs-material's announced successor) can be tried by changing
this package alone.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

from generator.problems import BuildError
from generator.site.pages import NavEntry, Page


class EngineError(BuildError):
    """The engine refused the generated pages (a bug in render, not in content)."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def configured_site_url(config_file: Path) -> str | None:
    """The published address from mkdocs.yml (``site_url``, or the SITE_URL environment variable)."""
    try:
        return load_config(config_file=str(config_file)).site_url or None
    except Exception as err:  # mkdocs raises its own exception types for config errors
        raise EngineError(f"mkdocs.yml: cấu hình không hợp lệ: {err}") from err


def _docs_path(url: str) -> str:
    """The engine's source file for a page URL: 'nam/2024/' → 'nam/2024/index.md'."""
    return f"{url}index.md"


def engine_nav(nav: list[NavEntry]) -> list[Any]:
    """The site's navigation in mkdocs' shape, titles HTML-escaped (the theme prints them as they are)."""
    entries: list[Any] = []
    for title, target in nav:
        value = engine_nav(target) if isinstance(target, list) else _docs_path(target)
        entries.append(value if title is None else {html.escape(title): value})
    return entries


def _source(page: Page) -> str:
    """A page as the engine reads it: front matter, then the body. The theme prints
    front-matter values into the HTML as they are, so they are escaped here."""
    meta: dict[str, Any] = {"title": html.escape(page.title), "description": html.escape(page.description)}
    if page.image:
        meta["image"] = page.image
    if not page.searchable:
        meta["search_exclude"] = True  # theme/main.html leaves the page out of data-pagefind-body
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{page.body}"


def write_sources(pages: Iterable[Page], docs_dir: Path) -> None:
    """The engine's source files of ``pages`` (a Markdown file per page) in ``docs_dir``."""
    for page in pages:
        target = docs_dir / _docs_path(page.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_source(page), encoding="utf-8")


def render(docs_dir: Path, nav: list[NavEntry], data: dict[str, Any], out_dir: Path, config_file: Path) -> None:
    """Write the HTML of the pages whose sources are in ``docs_dir`` (:func:`write_sources`)
    into ``out_dir`` with the project's mkdocs.yml.

    ``data`` is given to the theme's templates (``config.extra``). The engine's own
    sitemap is removed (the build writes one with real dates), and the few pieces of
    theme markup the Nu HTML checker rejects are repaired as each page is written.
    """
    _run(config_file, docs_dir, out_dir, engine_nav(nav), data)
    for generated in ("sitemap.xml", "sitemap.xml.gz"):  # they carry the build time
        (out_dir / generated).unlink(missing_ok=True)


def _run(config_file: Path, docs_dir: Path, site_dir: Path, nav: list[Any], extra: dict[str, Any]) -> None:
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(config_file=str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), nav=nav)
        config.extra.update(extra)
        config.plugins["ctxh-theme-markup"] = _ThemeMarkup()
        mkdocs_build(config)
    except Exception as err:  # mkdocs raises its own exception types for config and build errors
        raise EngineError(f"mkdocs-material không dựng được trang: {err}") from err
    finally:
        logger.removeHandler(collector)
    if collector.messages:
        raise EngineError("mkdocs-material báo lỗi:\n" + "\n".join(collector.messages))


# Markup the theme writes that the Nu HTML checker rejects, and the repair.
_THEME_MARKUP_REPAIRS = (
    # autocomplete is not allowed on checkboxes (the theme's drawer and search toggles)
    (re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"'), r"\1"),
    # an empty tabindex is not an integer (navigation section labels)
    (re.compile(r' tabindex=""'), ""),
)
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">')


class _ThemeMarkup(BasePlugin):
    """Makes the engine's pages valid HTML (checked by the Nu HTML checker in the tests), as
    each is written: a second pass over 10,000 written pages cost 18 s of reading alone."""

    def on_post_page(self, output: str, **kwargs: Any) -> str:
        return _valid_markup(output)

    def on_post_template(self, output_content: str, **kwargs: Any) -> str:
        return _valid_markup(output_content)  # 404.html


def _valid_markup(text: str) -> str:
    for pattern, replacement in _THEME_MARKUP_REPAIRS:
        text = pattern.sub(replacement, text)
    if 'id="__toc"' not in text:  # a table-of-contents label without its toggle
        text = _TOC_LABEL.sub('<label class="md-nav__title">', text)
    return text
