"""A static host for the benchmark, run as a child process (Lighthouse's Chrome gets no answer
from a server thread of the benchmark itself): it serves a built site as any host does, text
compressed with gzip when the browser accepts it, with the headers of the site's _headers file.

    python tests/bench/gzip_server.py PORT FOLDER
"""

from __future__ import annotations

import functools
import gzip
import io
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

TEXT = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".md", ".ics", ".csv", ".webmanifest"}


def site_headers(folder: Path) -> dict[str, str]:
    """The '/*' block of _headers (Netlify / Cloudflare Pages format), as those hosts send it."""
    path = folder / "_headers"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return dict(line.strip().split(": ", 1) for line in lines[1:] if ": " in line)


class GzipHandler(SimpleHTTPRequestHandler):
    extra_headers: ClassVar[dict[str, str]] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in TEXT):
            return super().send_head()  # directories without "/", binary files, missing files
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


def main(port: int, folder: Path) -> None:
    handler = type("SiteHandler", (GzipHandler,), {"extra_headers": site_headers(folder)})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    server.serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
