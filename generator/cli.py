"""The ``ctxh`` command line: build, check, serve, schema."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from generator.build import build_site, check, warnings
from generator.content.models import SCHEMAS
from generator.editing.importer import ImportRefused, import_file
from generator.editing.scaffold import ScaffoldRefused, new_year
from generator.engine import pagefind
from generator.engine import serve as preview
from generator.problems import BuildError, ContentError
from generator.reading.readers import ReadError

app = typer.Typer(help="Cổng thông tin Ngày Công tác xã hội Việt Nam: dựng trang tĩnh từ dữ liệu.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

ROOT_OPTION = typer.Option(Path("."), "--root", help="Project folder (holds mkdocs.yml, campaigns/, content/)")
BUILD_STAGES = 6


def _report(error: ContentError) -> None:
    for problem in error.problems:
        err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    count = sum(1 for p in error.problems if p.severity == "error")
    err.print(f"[bold red]{count} lỗi (errors)[/]: nothing was built; site/ is unchanged.")


def _build(root: Path, site: Path | None) -> Path:
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("Dựng trang", total=BUILD_STAGES)

        def step(stage: str) -> None:
            bar.update(task, description=stage)
            bar.advance(task)

        try:
            result = build_site(root.resolve(), site, progress=step)
        except ContentError as error:
            bar.stop()
            _report(error)
            raise typer.Exit(1) from None
        except BuildError as error:
            bar.stop()
            err.print(f"[bold red]Build error[/]: {error}", markup=True, highlight=False)
            raise typer.Exit(2) from None
    count = len(result.warnings)
    if count:
        err.print(f"{count} warnings: `ctxh check` lists them", highlight=False)
    out.print(f"Built {result.pages} pages from {len(result.corpus.campaigns)} campaigns and "
              f"{len(result.corpus.documents)} documents into {result.site_dir}")
    return result.site_dir


@app.command()
def build(root: Path = ROOT_OPTION,
          site: Path = typer.Option(None, "--site", help="Output folder (default: ROOT/site)")) -> None:
    """Check the content, then build the whole site into site/ (replaced only on success)."""
    _build(root, site)


def _print_warnings(corpus) -> int:
    found = warnings(corpus)
    for problem in found:
        err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    return len(found)


@app.command(name="check")
def check_command(root: Path = ROOT_OPTION,
                  strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors")) -> None:
    """Run every validation without building; exit 1 when something is wrong."""
    try:
        corpus = check(root.resolve())
    except ContentError as error:
        _report(error)
        raise typer.Exit(1) from None
    count = _print_warnings(corpus)
    out.print(f"OK: {len(corpus.campaigns)} campaigns, {len(corpus.documents)} documents, "
              f"{len(corpus.pages)} pages; {count} warnings")
    if strict and count:
        err.print("--strict: warnings count as errors")
        raise typer.Exit(1)


@app.command()
def serve(root: Path = ROOT_OPTION,
          host: str = typer.Option("127.0.0.1", help="Address to listen on"),
          port: int = typer.Option(8000, help="Port to listen on")) -> None:
    """Build, serve site/ on http://HOST:PORT/, and rebuild and reload the page on every edit."""
    root = root.resolve()
    site_dir = _build(root, None)

    def rebuild() -> None:
        """Pages first (the browser reloads as soon as they are in place), then the search index."""
        started = time.perf_counter()
        try:
            build_site(root, site_dir, search_index=False)
        except ContentError as error:
            _report(error)
            return
        except BuildError as error:
            err.print(f"Build error: {error}", markup=False, highlight=False)
            return
        out.print(f"Rebuilt in {time.perf_counter() - started:.2f} s", highlight=False)
        threading.Thread(target=index_in_background, daemon=True).start()

    def index_in_background() -> None:
        try:
            pagefind.build_index(site_dir)
        except BuildError as error:  # e.g. the next edit replaced site/ meanwhile
            err.print(f"search index not updated: {error}", markup=False, highlight=False)

    watched = [root / name for name in ("campaigns", "content", "theme", "mkdocs.yml")]
    preview.serve(site_dir, rebuild, watched, host, port, on_ready=lambda: out.print(
        f"Serving on http://{host}:{port}/ — edits to campaigns/, content/ and theme/ rebuild "
        "and reload the page (Ctrl+C to stop)"))
    out.print("Stopped.")


@app.command(name="new-year")
def new_year_command(year: int = typer.Argument(..., help="The year to prepare, e.g. 2027"),
                     root: Path = ROOT_OPTION) -> None:
    """Scaffold campaigns/YEAR.yml (edition, date, every field with a hint) and content/dispatches/YEAR/."""
    try:
        written = new_year(root.resolve(), year)
    except ScaffoldRefused as error:
        err.print(f"[red]error[/]: {error}", highlight=False)
        raise typer.Exit(1) from None
    for path in written:
        out.print(f"wrote {path}", highlight=False)
    out.print(f"Next: fill in campaigns/{year}.yml, import dispatches with `ctxh import`, then `ctxh serve`.")


def schema_texts() -> dict[str, str]:
    """JSON Schema text of each data file kind, keyed by file name."""
    return {f"{name}.schema.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
            for name, model in SCHEMAS.items()}


@app.command()
def schema(root: Path = ROOT_OPTION) -> None:
    """Write the JSON Schemas (schemas/*.schema.json) that editors' YAML tools use."""
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    for name, text in schema_texts().items():
        (folder / name).write_text(text, encoding="utf-8")
        out.print(f"wrote {folder / name}")


def _shown(value) -> str:
    if value in (None, [], {}, ""):
        return "[red]— không tìm thấy (not found)[/]"
    if isinstance(value, list):
        return "\n".join(_shown_item(item) for item in value)
    return _shown_item(value)


def _shown_item(item) -> str:
    if isinstance(item, dict):
        if "assignees" in item:
            return f"{item['label']}: {'; '.join(item['assignees'])}"
        return ", ".join(f"{k}={v}" for k, v in item.items() if v not in (None, []))
    return str(item)


def review_table(structure: dict) -> Table:
    """Each extracted field, what was found, and what was not, for the editor to review."""
    table = Table(title=f"{structure['slug']} — review before publishing", show_lines=True)
    table.add_column("field", style="bold")
    table.add_column("found")
    for key, value in structure.items():
        if key in ("slug", "source", "notes"):
            continue
        if isinstance(value, dict) and key in ("issuer", "campaign", "signer"):
            for sub, item in value.items():
                table.add_row(f"{key}.{sub}", _shown(item))
        else:
            table.add_row(key, _shown(value))
    return table


@app.command(name="import")
def import_command(files: list[Path] = typer.Argument(..., help=".txt, .md, .docx or text .pdf files"),
                   root: Path = ROOT_OPTION,
                   force: bool = typer.Option(False, "--force", help="Replace an existing document file"),
                   slug: str = typer.Option(None, "--slug", help="URL slug to use (one file only)")) -> None:
    """Import raw dispatches into content/dispatches/<year>/<slug>.md and show what was found."""
    failed = 0
    for path in files:
        try:
            result = import_file(path, root.resolve(), force=force, slug=slug)
        except (ReadError, ImportRefused) as error:
            err.print(f"[red]error[/]: {error}", highlight=False)
            failed += 1
            continue
        out.print(review_table(result.structure))
        verb = "replaced" if result.replaced else "wrote"
        out.print(f"{verb} {result.target}", highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command()
def evaluate(gold: Path = typer.Option(Path("tests/fixtures/gold"), help="Folder of reviewed gold .yml files"),
             seeds: Path = typer.Option(Path("tests/fixtures/seeds"), help="Folder of the raw texts they describe"),
             ) -> None:
    """Score extraction against gold structures, field by field, and list every mismatch."""
    import yaml

    from generator.editing.evaluate import accuracy, compare
    from generator.reading.extract import extract
    from generator.reading.normalize import repair_text
    from generator.reading.readers import read_source

    everything = []
    table = Table(title="Extraction against gold")
    table.add_column("document")
    table.add_column("fields", justify="right")
    table.add_column("accuracy", justify="right")
    for path in sorted(gold.glob("*.yml")):
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        found = extract(repair_text(read_source(seeds / expected["source"])), expected["source"])
        results = compare(expected, found)
        everything += results
        table.add_row(expected["source"], str(len(results)), f"{accuracy(results):.1%}")
        for result in results:
            if not result.ok:
                out.print(f"{expected['source']}: {result.field}: expected {result.expected!r}, found {result.found!r}",
                          highlight=False, soft_wrap=True)
    table.add_row("overall", str(len(everything)), f"{accuracy(everything):.1%}", style="bold")
    out.print(table)
