"""The data schema: campaigns, dispatches and the pages built from them.

These pydantic models are the single definition of what an editor may write.
`ctxh schema` exports them as JSON Schema (``schemas/``) so that YAML-aware
editors can complete and check the files as they are typed.

Document front matter follows the keys and shapes of the reviewed gold
structures (``tests/fixtures/gold``): ISO dates as the document gives them,
``null`` where the document leaves a field blank.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

DocType = Literal[
    "cong_van", "ke_hoach", "quyet_dinh", "thong_bao", "huong_dan", "to_trinh", "bao_cao", "khac"
]
IssuerLevel = Literal["national", "province", "district", "commune"]
FactStatus = Literal["confirmed", "one_source", "disputed"]
FIRST_YEAR = 2017  # Quyết định 1791/QĐ-TTg: the first Day was 25/3/2017


def edition_of(year: int) -> int:
    """The Day's edition (lần thứ N) in ``year``: 2017 was the first."""
    return year - FIRST_YEAR + 1


EARLIEST_DATE, LATEST_DATE = dt.date(1945, 9, 2), dt.date(2100, 12, 31)


def _sane(day: dt.date) -> dt.date:
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(f"ngày {day.isoformat()} nằm ngoài khoảng hợp lý (02/09/1945 – 31/12/2100)")
    return day


SaneDate = Annotated[dt.date, AfterValidator(_sane)]  # every date of the content: a typo like 9999 stops here


def _everyone_as_empty(value: Any) -> Any:
    """'all' and ['all'] (as documents are transcribed) mean everyone, written []."""
    if value == "all" or value == ["all"]:
        return []
    return value


# A name of a body, a place, a person: one line, a few words (it becomes part of titles, calendar
# names and file names, which have limits of their own).
Name = Annotated[str, Field(min_length=1, max_length=300)]
Place = Annotated[str, Field(min_length=1, max_length=80)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]

Audience = Annotated[
    list[Name],
    BeforeValidator(_everyone_as_empty, json_schema_input_type=Literal["all"] | list[str]),
    Field(default_factory=list, description="Names of the units it applies to; empty or 'all': every unit addressed"),
]


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, str_max_length=10_000)


class Source(Strict):
    """Where a fact was found. ``where`` is a citation as text (a site, a document)."""

    where: str = Field(min_length=1, description="Citation: a website, a document, a seed file")
    note: str | None = Field(default=None, description="What exactly was found there")


class ThemeClaim(Strict):
    text: str = Field(min_length=1, description="The theme (chủ đề) as the source writes it")
    sources: list[Source] = Field(min_length=1)
    note: str | None = None


class Theme(Strict):
    """A year's theme: one text when confirmed, several claims when sources disagree."""

    status: FactStatus = Field(description="confirmed, one_source, or disputed (shown as unconfirmed)")
    claims: list[ThemeClaim] = Field(min_length=1)


class Slogan(Strict):
    text: str = Field(min_length=1, description="Banner text (khẩu hiệu) exactly as published")
    sources: list[Source] = Field(min_length=1)


class DisplayWindow(Strict):
    """Days on which banners hang, inclusive."""

    start: SaneDate
    end: SaneDate
    applies_to: Audience
    sources: list[Source] = Field(min_length=1)


class NationalDispatch(Strict):
    number: str = Field(min_length=1, description="Number and symbol, e.g. 978/BLĐTBXH-CBTXH")
    date: SaneDate
    issuer: str = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)


class Campaign(Strict):
    """One year of the Day (``campaigns/<year>.yml``)."""

    year: int = Field(ge=2017, le=2100)
    edition: int = Field(ge=1, description="lần thứ N: must equal year − 2016")
    date: SaneDate = Field(description="25 March of the year")
    theme: Theme | None = Field(default=None, description="null when no source states it")
    slogans: list[Slogan] = Field(default_factory=list)
    display: list[DisplayWindow] = Field(default_factory=list)
    national_dispatch: NationalDispatch | None = None
    summary: str | None = Field(default=None, description="Optional Markdown introduction")
    notes: list[str] = Field(default_factory=list, description="What is known to be unknown or odd")
    sources: list[Source] = Field(default_factory=list, description="Sources of the year as a whole")


class Issuer(Strict):
    name: Name
    level: IssuerLevel
    province: Place | None = None
    inferred: bool = Field(default=False, description="true when the header does not state the issuer")


class CampaignRef(Strict):
    year: int
    edition: int | None = None


class Reference(Strict):
    """A document cited under Căn cứ / Thực hiện / Theo đề nghị."""

    kind: str = Field(min_length=1, description="Công văn, Quyết định, Tờ trình…")
    number: Name | None = None
    date: SaneDate | None = None
    issuer: Name | None = None


class Task(Strict):
    label: str = Field(min_length=1, description="Item numbering: '2', '2.a', 'IV.1'")
    assignees: list[Name] = Field(min_length=1)
    summary: str | None = Field(default=None, description="A reviewer's one-sentence paraphrase")
    anchor: str | None = Field(default=None, description="Element id of the item in the full text")


class Deadline(Strict):
    what: str = Field(min_length=1)
    due: SaneDate | None = None
    to: Name | None = None
    applies_to: Audience


class DocumentWindow(Strict):
    start: SaneDate
    end: SaneDate
    applies_to: Audience


class Signer(Strict):
    name: Name | None = None
    title_lines: list[str] = Field(default_factory=list)


class Document(Strict):
    """Front matter of ``content/dispatches/<year>/<slug>.md``; the body is the full text."""

    slug: Slug = Field(description="ASCII URL slug")
    source: str | None = Field(default=None, description="File the text was imported from")
    doc_type: DocType
    issuer: Issuer
    number: Annotated[str, Field(max_length=40)] | None = None
    symbol: Annotated[str, Field(max_length=100)] | None = None
    place: Place | None = None
    date: SaneDate | None = Field(default=None, description="null when the day is left blank")
    year: int = Field(ge=2016, le=2100)
    subject: str | None = None
    campaign: CampaignRef
    theme: str | None = None
    recipients: list[Name] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    slogans: list[str] = Field(default_factory=list)
    display_windows: list[DocumentWindow] = Field(default_factory=list)
    signer: Signer = Field(default_factory=Signer)
    distribution: list[Name] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @property
    def number_symbol(self) -> str:
        """'640/UBND'; a blank number stays blank ('/KH-UBND'), as the document has it."""
        if self.symbol:
            return f"{self.number or ''}/{self.symbol}"
        return self.number or ""


UnitLevel = Literal["trung ương", "tỉnh", "huyện", "xã", "cơ sở"]
Sector = Literal["y tế", "giáo dục", "lao động – xã hội", "mặt trận và đoàn thể", "chính quyền", "truyền thông",
                 "văn hóa", "trợ giúp xã hội", "chung"]


class Unit(Strict):
    """A kind of unit that dispatches address (content/units.yml)."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)] = Field(
        description="ASCII slug, used in /don-vi/<id>/")
    name: Name = Field(description="Display name")
    aliases: list[Name] = Field(min_length=1, description="How dispatches name it, without place names")
    sector: Sector
    level: UnitLevel | None = Field(default=None, description="null for assignments to every unit")
    valid_from: SaneDate | None = None
    valid_to: SaneDate | None = Field(default=None, description="Last day the unit type existed")
    general: bool = Field(default=False, description=(
        "true for a group named in general terms ('các cơ quan, đơn vị', 'các phòng ban liên quan'): its tasks "
        "reach every unit the document addresses (of this unit's level, when it has one)"))
    successors: list[str] = Field(default_factory=list, description="Unit ids that took over the job")
    predecessors: list[str] = Field(default_factory=list)
    status: Literal["confirmed", "unconfirmed"] = Field(
        default="confirmed", description="unconfirmed: validity and successor notes are not yet sourced")
    notes: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)


class UnitCatalog(Strict):
    units: list[Unit]


class Page(Strict):
    """Front matter of an editor-written page in ``content/pages``."""

    title: Name
    slug: Slug
    description: Annotated[str, Field(max_length=400)] | None = None
    order: int = Field(default=100, ge=0, le=10_000)


SCHEMAS: dict[str, type[BaseModel]] = {
    "campaign": Campaign,
    "document": Document,
    "page": Page,
    "units": UnitCatalog,
}
