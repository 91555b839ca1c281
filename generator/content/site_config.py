"""mkdocs.yml, read as content: what an editor may set about the site, checked before the engine sees it.

The engine never reads this file. mkdocs loads YAML with tags that run code
(``!!python/object/apply``), reads any environment variable (``!ENV``), runs
``hooks:`` and copies ``theme.custom_dir`` from anywhere, and mkdocs-material
prints ``site_name`` and ``site_url`` into attributes unescaped. So the file is
read with a safe loader that knows ``!ENV`` only for the project's own
variables (:func:`generator.content.load.load_site_config`), checked here
against an allow-list of keys (:class:`SiteConfig`), and the build writes the
engine's own configuration from the checked values
(:func:`generator.engine.mkdocs.write_config`).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from generator.content.load import SourceFile
from generator.content.models import Strict
from generator.problems import Problem

# Text the theme prints into HTML as it is: no markup characters, no line breaks.
_NOT_PLAIN = re.compile(r"[<>\"'`&\\\x00-\x1f\x7f\u2028\u2029]")
_URL = re.compile(r"^https?://[^\s\"'<>`\\{}|^]+$")


def _plain(text: str) -> str:
    found = _NOT_PLAIN.search(text)
    if found:
        shown = repr(found.group())
        raise ValueError(f"chỉ chứa văn bản thuần trên một dòng; không dùng ký tự {shown} (dấu nháy, <, >, &…)")
    return text


def _site_url(text: str) -> str:
    if not _URL.match(text):
        raise ValueError("cần một địa chỉ web đầy đủ bắt đầu bằng https:// hoặc http://, không có dấu cách, "
                         "dấu nháy hay <, > (ví dụ https://example.org/ctxh/)")
    return text if text.endswith("/") else text + "/"


def _theme_path(text: str) -> str:
    path = PurePosixPath(text)
    if path.is_absolute() or ".." in path.parts or "\\" in text or ":" in text:
        raise ValueError("cần đường dẫn tương đối bên trong thư mục theme/ (ví dụ assets/images/logo.svg)")
    return _plain(text)


PlainLine = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_plain)]
ThemePath = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_theme_path)]
Colour = Literal["custom", "red", "pink", "purple", "deep purple", "indigo", "blue", "light blue", "cyan", "teal",
                 "green", "light green", "lime", "yellow", "amber", "orange", "deep orange", "brown", "grey",
                 "blue grey", "black", "white"]
Feature = Literal["navigation.tabs", "navigation.tabs.sticky", "navigation.top", "navigation.sections",
                  "navigation.expand", "navigation.indexes", "navigation.path", "navigation.footer",
                  "navigation.prune", "toc.follow", "toc.integrate", "header.autohide", "content.tooltips"]


class Toggle(Strict):
    icon: Annotated[str, Field(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")]
    name: PlainLine


class Palette(Strict):
    media: Literal["(prefers-color-scheme: light)", "(prefers-color-scheme: dark)", "(prefers-color-scheme)"]
    scheme: Literal["default", "slate"]
    primary: Colour = "custom"
    accent: Colour = "custom"
    toggle: Toggle | None = None


class ThemeConfig(Strict):
    name: Literal["material"]
    custom_dir: Literal["theme"] = Field("theme", description="Always theme/ of the project")
    language: Literal["vi"] = "vi"
    font: Literal[False] = Field(False, description="No web fonts: the site asks no other host")
    favicon: ThemePath | None = None
    logo: ThemePath | None = None
    features: list[Feature] = Field(default_factory=list)
    palette: list[Palette] = Field(default_factory=list, max_length=3)


class SiteConfig(Strict):
    """What mkdocs.yml may say. Everything else of the engine's configuration (pages, navigation,
    plugins, Markdown, hooks) is the build's, written by it for each build."""

    site_name: PlainLine
    site_description: Annotated[str, Field(max_length=400), AfterValidator(_plain)] | None = None
    site_url: Annotated[str, Field(max_length=300), AfterValidator(_site_url)] | None = None
    copyright: Annotated[str, Field(max_length=400), AfterValidator(_plain)] | None = None
    theme: ThemeConfig
    extra_css: list[ThemePath] = Field(default_factory=list, max_length=10)
    extra_javascript: list[ThemePath] = Field(default_factory=list, max_length=10)


def theme_file_problems(source: SourceFile, config: SiteConfig, theme_dir: Path) -> list[Problem]:
    """Every file the settings name (logo, icon, styles, scripts) must be in the project's theme/."""
    named = [(("theme", "favicon"), config.theme.favicon), (("theme", "logo"), config.theme.logo)]
    named += [(("extra_css", index), path) for index, path in enumerate(config.extra_css)]
    named += [(("extra_javascript", index), path) for index, path in enumerate(config.extra_javascript)]
    problems = []
    for key, path in named:
        if path is not None and not (theme_dir / path).is_file():
            field = ".".join(str(part) for part in key if isinstance(part, str))
            field += "".join(f"[{part}]" for part in key if isinstance(part, int))
            problems.append(Problem(source.name, source.line_of(key), field, f"không có tệp theme/{path}"))
    return problems
