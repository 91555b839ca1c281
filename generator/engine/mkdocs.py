"""The one place that knows the site engine, mkdocs-material.

The build hands it files: a folder of page sources (front matter, then the
page's finished HTML body), a copy of ``theme/``, and a configuration written
from the project's checked settings (:class:`~generator.content.site_config.SiteConfig`)
with the navigation, the theme's data and the hooks (:mod:`generator.engine.hooks`).
Then it runs a plain ``mkdocs build`` on that configuration in a process of
its own (its memory goes back to the system when it ends). Nothing else in the
project imports mkdocs or knows its conventions, so another engine reading the
same settings (Zensical, mkdocs-material's announced successor) can be tried by
changing this package alone.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from generator.content.site_config import SiteConfig
from generator.problems import BuildError
from generator.site.pages import NavEntry, Page

CONFIG = "mkdocs.yml"  # in the staging folder, beside docs/, theme/ and site/
HOOKS = Path(__file__).resolve().with_name("hooks.py")  # read by mkdocs itself: not imported here


class EngineError(BuildError):
    """The engine refused the generated pages (a bug in render, not in content)."""


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
    """A page as the engine reads it: front matter, then the HTML body (which the hooks keep away
    from the engine's Markdown). The theme prints front-matter values as they are: escaped here."""
    meta: dict[str, Any] = {"title": html.escape(page.title), "description": html.escape(page.description)}
    if page.image:
        meta["image"] = page.image
    if not page.searchable:
        meta["search_exclude"] = True  # theme/main.html leaves the page out of data-pagefind-body
    if page.runs_search:
        meta["runs_search"] = True  # theme/main.html gives it the policy that lets Pagefind run
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{page.body}"


def write_sources(pages: Iterable[Page], docs_dir: Path) -> None:
    """The engine's source files of ``pages`` (one per page) in ``docs_dir``."""
    for page in pages:
        target = docs_dir / _docs_path(page.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_source(page), encoding="utf-8")


def copy_theme(files: Iterable[Path], theme_dir: Path, staging: Path) -> None:
    """The checked files of the project's ``theme/`` (content.files.theme_files), copied for the engine:
    it reads the copy, never the project's folder."""
    for path in files:
        target = staging / "theme" / path.relative_to(theme_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def write_config(staging: Path, settings: SiteConfig, nav: list[NavEntry], data: dict[str, Any]) -> Path:
    """The engine's configuration for this build, from the project's checked settings: pages from
    ``staging/docs``, the theme copy, HTML into ``staging/site``; ``data`` for the theme's templates."""
    theme = settings.theme.model_dump(mode="json", exclude_none=True)
    theme["custom_dir"] = "theme"
    config: dict[str, Any] = {
        "site_name": settings.site_name,
        "site_description": settings.site_description,
        "site_url": settings.site_url,
        "copyright": settings.copyright,
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": True,
        "strict": True,
        "theme": theme,
        "plugins": [],  # no built-in search: it cannot match Vietnamese (Pagefind instead)
        "markdown_extensions": [],
        "hooks": [str(HOOKS)],
        "nav": engine_nav(nav),
        "extra": {"generator": False, **data},
        "extra_css": settings.extra_css,
        "extra_javascript": settings.extra_javascript,
    }
    path = staging / CONFIG
    path.write_text(yaml.safe_dump({key: value for key, value in config.items() if value is not None},
                                   allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return path


def render(config_file: Path) -> None:
    """``mkdocs build`` of ``config_file`` (write_config), in a process of its own."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file)],
                            cwd=config_file.parent, capture_output=True, text=True, encoding="utf-8",
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"}, check=False)
    if result.returncode != 0:
        raise EngineError(f"mkdocs-material không dựng được trang (mã {result.returncode}):\n"
                          f"{result.stdout}{result.stderr}")
    site = config_file.parent / "site"
    for generated in ("sitemap.xml", "sitemap.xml.gz"):  # they carry the build time; the build writes its own
        (site / generated).unlink(missing_ok=True)
