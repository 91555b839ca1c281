"""The live preview: serve ``site/``, rebuild on every edit, reload the open page.

A rebuild that fails, for any reason, leaves the last good site in place: the
server keeps answering with it and shows the error at the top of every page
until an edit fixes it. (mkdocs' server would wait for a successful build
before answering again, so a broken edit made every request hang.)
"""

from __future__ import annotations

import html
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

_BANNER_STYLE = ("position:sticky;top:0;z-index:1000;margin:0;padding:.8em 1em;background:#8b0000;color:#fff;"
                 "font:16px/1.4 sans-serif;white-space:pre-wrap")


class _PreviewServer(LiveReloadServer):
    """mkdocs' live-reload server that shows the last rebuild's error on every page."""

    error: str | None = None
    on_ready: Callable[[], None] = staticmethod(lambda: None)

    def server_activate(self) -> None:
        super().server_activate()
        self.on_ready()  # listening now: the address can be announced

    def _serve_request(self, environ, start_response):
        if "\x00" in environ.get("PATH_INFO", ""):
            return None  # no file has such a name: "not found", where mkdocs' server would raise
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        if not self.error:
            return content
        banner = (f'<div role="alert" style="{_BANNER_STYLE}">Bản xem trước chưa cập nhật được; trang này là bản '
                  f"dựng thành công gần nhất.\n{html.escape(self.error)}</div>").encode()
        start = content.find(b"<body")
        at = content.find(b">", start) + 1 if start >= 0 else 0
        return content[:at] + banner + content[at:]


def serve(site_dir: Path, rebuild: Callable[[], str | None], watched: Iterable[Path], host: str, port: int,
          on_ready: Callable[[], None] = lambda: None) -> None:
    """Serve ``site_dir`` until interrupted. ``rebuild`` runs after each change under ``watched``
    and returns an error message, or None when the site was rebuilt; the browser reloads either way."""

    def builder() -> None:
        try:
            server.error = rebuild()
        except Exception as error:  # a bug, not the content: report it and keep serving
            traceback.print_exc()
            server.error = f"Lỗi không mong đợi khi dựng lại: {error!r}"

    server = _PreviewServer(builder=builder, host=host, port=port, root=str(site_dir), polling_interval=0.1)
    server.on_ready = on_ready
    for path in watched:
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
