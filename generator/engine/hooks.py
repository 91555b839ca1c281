"""mkdocs hooks (``hooks:`` of the configuration the build writes): the engine lays pages out, nothing more.

A page's source is its finished HTML body (made from the templates, every
value escaped, editors' Markdown already rendered and cleaned by nh3). The
engine's own Markdown must not read it again: a second pass would turn text
inside tags nh3 removed into live links and attributes. So the body is taken
before Markdown runs and put back as the page's content after it, with the
table of contents read from the body's ``<h2 id>`` headings. The few pieces of
theme markup the Nu HTML checker rejects are repaired as each page is written.

These are the hooks of an ordinary ``mkdocs build -f <staging>/mkdocs.yml``:
running that by hand reproduces the build's pages.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from mkdocs.structure.toc import get_toc

_bodies: dict[str, str] = {}


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    _bodies[page.file.src_uri] = markdown
    return ""  # nothing for the engine's Markdown to read


def on_page_content(html_text: str, page: Any, **kwargs: Any) -> str:
    body = _bodies.pop(page.file.src_uri)
    page.toc = get_toc(_toc_tokens(body))
    return body


def on_post_page(output: str, **kwargs: Any) -> str:
    return valid_markup(output)


def on_post_template(output_content: str, **kwargs: Any) -> str:
    return valid_markup(output_content)  # 404.html


class _Headings(HTMLParser):
    """The ``<h2>`` headings that have an id, with their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._current: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if tag == "h2" and ident:
            self._current = (ident, [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._current:
            ident, parts = self._current
            self.found.append((ident, " ".join("".join(parts).split())))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current:
            self._current[1].append(data)


def _toc_tokens(body: str) -> list[dict[str, Any]]:
    parser = _Headings()
    parser.feed(body)
    parser.close()
    return [{"level": 2, "id": ident, "name": html.escape(text), "children": []} for ident, text in parser.found]


# Markup the theme writes that the Nu HTML checker rejects, and the repair.
_THEME_MARKUP_REPAIRS = (
    # autocomplete is not allowed on checkboxes (the theme's drawer and search toggles)
    (re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"'), r"\1"),
    # an empty tabindex is not an integer (navigation section labels)
    (re.compile(r' tabindex=""'), ""),
)
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">')


def valid_markup(text: str) -> str:
    for pattern, replacement in _THEME_MARKUP_REPAIRS:
        text = pattern.sub(replacement, text)
    if 'id="__toc"' not in text:  # a table-of-contents label without its toggle
        text = _TOC_LABEL.sub('<label class="md-nav__title">', text)
    return text
