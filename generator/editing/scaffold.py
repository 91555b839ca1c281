"""``ctxh new-year``: the files an editor fills in to publish a new year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.content.models import FIRST_YEAR, LATEST_DATE, edition_of
from generator.problems import ContentError
from generator.safe_files import check_no_links, write_file
from generator.vietnamese import long_date

CAMPAIGN_TEMPLATE = """\
# yaml-language-server: $schema=../schemas/campaign.schema.json
# Ngày Công tác xã hội Việt Nam năm {year}: điền những gì có nguồn, để trống phần chưa biết.
# (Fill in only what a source states; what stays empty is shown as "chưa có thông tin".)
year: {year}
edition: {edition}            # lần thứ {edition} = {year} − 2016
date: {date}       # {weekday}

# Chủ đề: khi có nguồn, thay null bằng:
#   status: confirmed        # confirmed | one_source | disputed (các nguồn ghi khác nhau)
#   claims:
#     - text: "Công tác xã hội Việt Nam - …"
#       sources:
#         - where: "Công văn số …/BLĐTBXH-… ngày …"
theme: null

# Khẩu hiệu (băng rôn), đúng như văn bản ghi:
#   - text: "Chào mừng Ngày Công tác xã hội Việt Nam, 25/3/{year}"
#     sources:
#       - where: "…"
slogans: []

# Thời gian treo băng rôn (applies_to rỗng = mọi cơ quan, đơn vị):
#   - start: {year}-03-22
#     end: {year}-03-28
#     applies_to: []
#     sources:
#       - where: "…"
display: []

# Công văn hướng dẫn của Bộ:
#   number: "…/…"
#   date: {year}-03-01
#   issuer: "…"
#   sources:
#     - where: "…"
national_dispatch: null

summary: null                 # đoạn giới thiệu ngắn (Markdown), nếu muốn
notes: []                     # điều còn thiếu hoặc khác thường, ví dụ "Chưa tìm thấy chủ đề năm {year}."
sources:
  - where: "Quyết định 1791/QĐ-TTg ngày 15/9/2016 của Thủ tướng Chính phủ"
    note: "Lấy ngày 25 tháng 3 hằng năm là Ngày Công tác xã hội Việt Nam; lần thứ nhất năm 2017."
"""


class ScaffoldRefused(ContentError):
    """The year cannot be scaffolded (too early, or already there)."""


def new_year(root: Path, year: int) -> list[Path]:
    """Write campaigns/<year>.yml and content/dispatches/<year>/; refuse an existing year."""
    if year > LATEST_DATE.year:
        raise ScaffoldRefused.about(f"campaigns/{year}.yml", f"năm {year} quá xa; cổng nhận các năm đến "
                                    f"{LATEST_DATE.year}", field="year")
    if year < FIRST_YEAR:
        raise ScaffoldRefused.about(f"campaigns/{year}.yml", f"Ngày Công tác xã hội Việt Nam có từ năm {FIRST_YEAR} "
                                    "(Quyết định 1791/QĐ-TTg)", field="year")
    campaign = root / "campaigns" / f"{year}.yml"
    check_no_links(campaign, root)
    if campaign.exists() or campaign.is_symlink():
        raise ScaffoldRefused.about(campaign.relative_to(root).as_posix(), "tệp đã có; hãy sửa tệp này")
    day = dt.date(year, 3, 25)
    text = CAMPAIGN_TEMPLATE.format(year=year, edition=edition_of(year), date=day.isoformat(), weekday=long_date(day))
    keep = root / "content" / "dispatches" / str(year) / ".gitkeep"
    check_no_links(keep, root)
    write_file(campaign, text.encode("utf-8"), root)
    if not keep.exists():
        write_file(keep, b"", root)
    return [campaign, keep]
