"""The ``ctxh`` command line: build, check, serve, schema."""

from __future__ import annotations

import functools
import json
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from .build import build_site, check
from .engine import EngineError
from .models import SCHEMAS
from .problems import ContentError

app = typer.Typer(help="Cổng thông tin Ngày Công tác xã hội Việt Nam: dựng trang tĩnh từ dữ liệu.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

ROOT_OPTION = typer.Option(Path("."), "--root", help="Project folder (holds mkdocs.yml, campaigns/, content/)")
BUILD_STAGES = 4


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
        except EngineError as error:
            bar.stop()
            err.print(f"[bold red]Engine error[/]: {error}", markup=True, highlight=False)
            raise typer.Exit(2) from None
    out.print(f"Built {result.pages} pages from {len(result.corpus.campaigns)} campaigns and "
              f"{len(result.corpus.documents)} documents into {result.site_dir}")
    return result.site_dir


@app.command()
def build(root: Path = ROOT_OPTION,
          site: Path = typer.Option(None, "--site", help="Output folder (default: ROOT/site)")) -> None:
    """Check the content, then build the whole site into site/ (replaced only on success)."""
    _build(root, site)


@app.command(name="check")
def check_command(root: Path = ROOT_OPTION) -> None:
    """Run every validation without building; exit 1 when something is wrong."""
    try:
        corpus = check(root.resolve())
    except ContentError as error:
        _report(error)
        raise typer.Exit(1) from None
    out.print(f"OK: {len(corpus.campaigns)} campaigns, {len(corpus.documents)} documents, "
              f"{len(corpus.pages)} pages")


@app.command()
def serve(root: Path = ROOT_OPTION,
          host: str = typer.Option("127.0.0.1", help="Address to listen on"),
          port: int = typer.Option(8000, help="Port to listen on")) -> None:
    """Build, then serve site/ on http://HOST:PORT/ until interrupted."""
    site_dir = _build(root, None)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site_dir))
    with ThreadingHTTPServer((host, port), handler) as server:
        out.print(f"Serving on http://{host}:{port}/ (Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            out.print("Stopped.")


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
