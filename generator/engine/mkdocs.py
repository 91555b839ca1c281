"""Stage 6, engine: the one place that knows the site engine (mkdocs-material).

It takes a folder of generated Markdown and the navigation, and writes HTML.
Keeping it this small is what lets another engine reading the same
``mkdocs.yml`` (Zensical, mkdocs-material's announced successor) be tried by
changing this module alone.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.problems import BuildError


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
        raise EngineError(f"mkdocs.yml: {err}") from err


def _escaped_nav(nav: list[Any]) -> list[Any]:
    """The navigation with its titles HTML-escaped: the theme prints them as they are."""
    def item(entry: Any) -> Any:
        if isinstance(entry, dict):
            return {html.escape(title): _escaped_nav(value) if isinstance(value, list) else value
                    for title, value in entry.items()}
        return entry
    return [item(entry) for entry in nav]


def build_html(config_file: Path, docs_dir: Path, site_dir: Path, nav: list[Any],
               extra: dict[str, Any] | None = None) -> None:
    """Build ``docs_dir`` into ``site_dir`` with the project's mkdocs.yml; ``extra`` is
    added to the configuration's ``extra`` (data the theme templates read)."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(
            config_file=str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), nav=_escaped_nav(nav)
        )
        config.extra.update(extra or {})
        build(config)
    except Exception as err:  # mkdocs raises its own exception types for config and build errors
        raise EngineError(f"mkdocs build failed: {err}") from err
    finally:
        logger.removeHandler(collector)
    if collector.messages:
        raise EngineError("mkdocs reported problems:\n" + "\n".join(collector.messages))


# Markup the theme writes that the Nu HTML checker rejects, and the repair.
_THEME_MARKUP_REPAIRS = (
    # autocomplete is not allowed on checkboxes (the theme's drawer and search toggles)
    (re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"'), r"\1"),
    # an empty tabindex is not an integer (navigation section labels)
    (re.compile(r' tabindex=""'), ""),
)
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">')


def repair_theme_markup(site_dir: Path) -> None:
    """Make the engine's pages valid HTML (checked by the Nu HTML checker in the tests)."""
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = html
        for pattern, replacement in _THEME_MARKUP_REPAIRS:
            fixed = pattern.sub(replacement, fixed)
        if 'id="__toc"' not in fixed:  # a table-of-contents label without its toggle
            fixed = _TOC_LABEL.sub('<label class="md-nav__title">', fixed)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
