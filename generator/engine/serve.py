"""The live preview: serve ``site/``, rebuild on every edit, reload the open page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer


def serve(site_dir: Path, rebuild: Callable[[], None], watched: Iterable[Path], host: str, port: int,
          on_ready: Callable[[], None] = lambda: None) -> None:
    """Serve ``site_dir`` until interrupted; ``rebuild`` runs after each change under ``watched``
    and the browser reloads when it returns."""
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site_dir), polling_interval=0.1)
    for path in watched:
        if path.exists():
            server.watch(str(path))
    on_ready()
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
