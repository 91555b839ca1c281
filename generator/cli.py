"""The ``ctxh`` command line: build, check, serve, new-year, import, evaluate, schema.

Thin: each command calls one function of the pipeline or of the editor's tools
and prints what an editor needs, in Vietnamese.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from generator.build import (
    STAGING_PREFIX,
    BuildInterrupted,
    BuildOptions,
    build_date,
    build_site,
)
from generator.content.models import SCHEMAS
from generator.editing.evaluate import accuracy, evaluate_folder
from generator.editing.importer import import_file
from generator.editing.review import review_table
from generator.editing.scaffold import new_year
from generator.engine import pagefind
from generator.engine import serve as preview
from generator.problems import BuildError, ContentError
from generator.safe_files import write_file
from generator.stages import check, check_site, warnings

app = typer.Typer(help="Cổng thông tin Ngày Công tác xã hội Việt Nam: dựng trang tĩnh từ dữ liệu.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

ROOT_OPTION = typer.Option(Path("."), "--root", help="Thư mục dự án (có mkdocs.yml, campaigns/, content/)")
BUILD_STAGES = 6


def _report(error: ContentError, consequence: str = "chưa dựng trang nào; thư mục site/ giữ nguyên.") -> None:
    for problem in error.problems:
        err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    count = sum(1 for p in error.problems if p.severity == "error")
    err.print(f"[bold red]{count} lỗi[/]: {consequence}", highlight=False)


def _build(root: Path, site: Path | None, options: BuildOptions = BuildOptions()) -> Path:
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("Dựng trang", total=BUILD_STAGES)

        def step(stage: str) -> None:
            bar.update(task, description=stage)
            bar.advance(task)

        try:
            result = build_site(root, site, progress=step, options=options)
        except ContentError as error:
            bar.stop()
            _report(error)
            raise typer.Exit(1) from None
        except (BuildError, BuildInterrupted) as error:
            bar.stop()
            err.print(f"[bold red]Lỗi khi dựng trang[/]: {error}", highlight=False)
            err.print("Thư mục site/ giữ nguyên.")
            raise typer.Exit(2) from None
    if result.warnings:
        err.print(f"{len(result.warnings)} cảnh báo: xem bằng `ctxh check`", highlight=False)
    out.print(f"Đã dựng {result.pages} trang từ {result.campaigns} năm và "
              f"{result.documents} văn bản vào {result.site_dir}", highlight=False)
    return result.site_dir


@app.command()
def build(root: Path = ROOT_OPTION,
          site: Path = typer.Option(None, "--site", help="Thư mục kết quả (mặc định: ROOT/site)"),
          no_cache: bool = typer.Option(False, "--no-cache", help="Tạo lại mọi tệp tải về, không dùng .cache/"),
          keep_staging: bool = typer.Option(False, "--keep-staging",
                                            help="Giữ thư mục tạm của lần dựng (để chạy lại từng bước khi gỡ lỗi)"),
          ) -> None:
    """Kiểm tra nội dung rồi dựng toàn bộ trang vào site/ (chỉ thay site/ khi dựng thành công)."""
    _build(root, site, BuildOptions(cache=not no_cache, keep_staging=keep_staging))


@app.command(name="check")
def check_command(root: Path = ROOT_OPTION,
                  strict: bool = typer.Option(False, "--strict", help="Coi cảnh báo là lỗi")) -> None:
    """Chạy mọi bước kiểm tra, không dựng trang; có lỗi thì trả về mã 1."""
    try:
        corpus = check(root.resolve())
        check_site(corpus, build_date())
    except ContentError as error:
        _report(error, "cần sửa trước khi xuất bản.")
        raise typer.Exit(1) from None
    found = warnings(corpus)
    for problem in found:
        err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    out.print(f"Không có lỗi: {len(corpus.campaigns)} năm, {len(corpus.documents)} văn bản, "
              f"{len(corpus.pages)} trang; {len(found)} cảnh báo", highlight=False)
    if strict and found:
        err.print("--strict: cảnh báo được tính là lỗi")
        raise typer.Exit(1)


@app.command()
def serve(root: Path = ROOT_OPTION,
          host: str = typer.Option("127.0.0.1", help="Địa chỉ lắng nghe"),
          port: int = typer.Option(8000, help="Cổng lắng nghe")) -> None:
    """Dựng trang, phục vụ site/ tại http://HOST:PORT/, dựng lại và tải lại trang sau mỗi lần sửa."""
    root = root.resolve()
    site_dir = _build(root, None)

    def rebuild() -> str | None:
        """Pages first (the browser reloads as soon as they are in place), then the search index;
        on failure, the message the preview shows on its pages."""
        started = time.perf_counter()
        try:
            build_site(root, site_dir, options=BuildOptions(search_index=False))
        except ContentError as error:
            _report(error, "trang đang xem vẫn là bản dựng trước.")
            return str(error)
        except BuildError as error:
            err.print(f"Lỗi khi dựng trang: {error}", markup=False, highlight=False)
            return f"Lỗi khi dựng trang: {error}"
        out.print(f"Đã dựng lại trong {time.perf_counter() - started:.2f} giây", highlight=False)
        threading.Thread(target=index_in_background, daemon=True).start()
        return None

    def index_in_background() -> None:
        scratch = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=root))
        try:
            pagefind.build_index(site_dir, scratch)
        except BuildError as error:  # e.g. the next edit replaced site/ meanwhile
            err.print(f"Chưa cập nhật được chỉ mục tìm kiếm: {error}", markup=False, highlight=False)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    watched = [root / name for name in ("campaigns", "content", "theme", "mkdocs.yml")]
    preview.serve(site_dir, rebuild, watched, host, port, on_ready=lambda: out.print(
        f"Đang phục vụ tại http://{host}:{port}/ — sửa campaigns/, content/ hay theme/ là trang được dựng "
        "và tải lại (Ctrl+C để dừng)", highlight=False))
    out.print("Đã dừng.")


@app.command(name="new-year")
def new_year_command(year: int = typer.Argument(..., help="Năm cần chuẩn bị, ví dụ 2027"),
                     root: Path = ROOT_OPTION) -> None:
    """Tạo khung campaigns/YEAR.yml (lần thứ, ngày, mọi trường kèm gợi ý) và thư mục content/dispatches/YEAR/."""
    try:
        written = new_year(root.resolve(), year)
    except ContentError as error:
        _report(error, "chưa tạo tệp nào.")
        raise typer.Exit(1) from None
    for path in written:
        out.print(f"Đã ghi {path}", highlight=False)
    out.print(f"Tiếp theo: điền campaigns/{year}.yml, nhập văn bản bằng `ctxh import`, rồi xem trước bằng "
              "`ctxh serve`.", highlight=False)


def schema_texts() -> dict[str, str]:
    """JSON Schema text of each data file kind, keyed by file name."""
    return {f"{name}.schema.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
            for name, model in SCHEMAS.items()}


@app.command()
def schema(root: Path = ROOT_OPTION) -> None:
    """Ghi lại JSON Schema (schemas/*.schema.json) mà trình soạn thảo YAML dùng để gợi ý và kiểm tra."""
    root = root.resolve()
    for name, text in schema_texts().items():
        try:
            write_file(root / "schemas" / name, text.encode("utf-8"), root)
        except ContentError as error:
            _report(error, "chưa ghi xong các tệp schemas/.")
            raise typer.Exit(1) from None
        out.print(f"Đã ghi schemas/{name}", highlight=False)


@app.command(name="import")
def import_command(files: list[Path] = typer.Argument(..., help="Tệp .txt, .md, .docx hoặc .pdf có lớp chữ"),
                   root: Path = ROOT_OPTION,
                   force: bool = typer.Option(False, "--force", help="Thay tệp văn bản đã có nếu chưa ai sửa tay "
                                              "(giữ tóm tắt nhiệm vụ và ghi chú)"),
                   discard_edits: bool = typer.Option(False, "--discard-edits",
                                                      help="Cùng --force: thay cả khi tệp đã được sửa tay"),
                   slug: str = typer.Option(None, "--slug", help="Slug của địa chỉ trang (chỉ khi nhập một tệp)")
                   ) -> None:
    """Nhập văn bản gốc vào content/dispatches/<năm>/<slug>.md và in bảng những gì đọc được."""
    failed = 0
    written: dict[Path, Path] = {}  # target → the input written there in this run
    for path in files:
        try:
            result = import_file(path, root.resolve(), force=force, slug=slug, taken=written,
                                 discard_edits=discard_edits)
        except ContentError as error:
            _report(error, "tệp này chưa được nhập.")
            failed += 1
            continue
        written[result.target] = path
        out.print(review_table(result.structure))
        verb = "Đã thay" if result.replaced else "Đã ghi"
        out.print(f"{verb} {result.target}", highlight=False, markup=False)
    if failed:
        raise typer.Exit(1)


@app.command()
def evaluate(gold: Path = typer.Option(Path("tests/fixtures/gold"), help="Thư mục các cấu trúc chuẩn (.yml)"),
             seeds: Path = typer.Option(Path("tests/fixtures/seeds"), help="Thư mục văn bản gốc tương ứng"),
             ) -> None:
    """Chấm điểm phần trích xuất so với cấu trúc chuẩn, từng trường, và liệt kê mọi chỗ sai."""
    scores = evaluate_folder(gold, seeds)
    table = Table(title="Trích xuất so với cấu trúc chuẩn")
    table.add_column("văn bản")
    table.add_column("số trường", justify="right")
    table.add_column("đúng", justify="right")
    for score in scores:
        table.add_row(score.source, str(len(score.results)), f"{accuracy(score.results):.1%}")
        for result in score.results:
            if not result.ok:
                out.print(f"{score.source}: {result.field}: cần {result.expected!r}, đọc được {result.found!r}",
                          highlight=False, soft_wrap=True)
    everything = [result for score in scores for result in score.results]
    table.add_row("tổng", str(len(everything)), f"{accuracy(everything):.1%}", style="bold")
    out.print(table)
