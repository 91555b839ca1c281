"""Markdown written by editors (a campaign's ``summary``, the pages under
``content/pages``), rendered to HTML and reduced to a safe subset.

Every other field is plain text, escaped by the templates. These two are
Markdown on purpose, so they are rendered here, not by the site engine, and the
HTML is then cleaned with nh3: no scripts, frames, forms or event handlers, no
``style``; links only to http(s), mailto, tel or relative addresses; images only
from this site (a remote image would make every reader's browser ask another
host).
"""

from __future__ import annotations

from collections.abc import Callable

import nh3
from markdown_it import MarkdownIt

from generator.vietnamese import slugify

ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "sub", "sup", "small",
    "mark", "abbr", "q", "cite", "code", "pre", "kbd", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "a", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "figure", "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _is_local(address: str) -> bool:
    return ":" not in address.split("/", 1)[0] and not address.startswith("//")


# CommonMark (markdown-it-py): its parser is linear in the input, so no text, however
# nested its brackets, makes a build hang; raw HTML is kept, then cleaned by nh3.
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")


def _render(text: str, id_prefix: str) -> str:
    """Markdown → HTML, each heading with an ASCII id made from its text."""
    tokens = _MARKDOWN.parse(text)
    used: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            base = id_prefix + (slugify(tokens[index + 1].content) or "muc")
            anchor, number = base, 2
            while anchor in used:
                anchor, number = f"{base}-{number}", number + 1
            used.add(anchor)
            token.attrSet("id", anchor)
    return _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})


def safe_markdown(text: str, id_prefix: str = "", link: Callable[[str], str] = lambda address: address) -> str:
    """Editor Markdown → sanitised HTML. Headings get ASCII ids (``id_prefix`` keeps
    them apart from the ids of the page around the text); ``link`` rewrites the
    address of each link to this site (editors link pages as ``nam/index.md``)."""

    def attribute(tag: str, name: str, value: str) -> str | None:
        if tag == "img" and name == "src" and not _is_local(value):
            return None  # an image from another host
        if tag == "a" and name == "href" and _is_local(value):
            return link(value)
        return value

    rendered = _render(text, id_prefix)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
