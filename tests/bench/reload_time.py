"""Benchmark: edit-to-reload time of `ctxh serve` on the bundled content.

Starts the live preview on a copy of the project, changes a campaign file, and
measures the time until the changed page is served. Prints seconds per try.
Run: .venv/bin/python tests/bench/reload_time.py
"""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("campaigns", "content", "theme", "schemas", "mkdocs.yml")
TRIES = 5


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for part in PARTS:
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(project),
                                   "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/nam/2026/"
        try:
            deadline = time.time() + 60
            while "Lần thứ 10" not in fetch(url):
                if time.time() > deadline:
                    raise SystemExit("the preview server did not start")
                time.sleep(0.2)
            campaign = project / "campaigns" / "2026.yml"
            timings = []
            for attempt in range(TRIES):
                marker = f"Ghi chú thử {attempt}"
                text = campaign.read_text(encoding="utf-8")
                campaign.write_text(text.replace("notes:\n", f'notes:\n  - "{marker}"\n', 1), encoding="utf-8")
                started = time.perf_counter()
                while marker not in fetch(url):
                    if time.perf_counter() - started > 30:
                        raise SystemExit("no reload within 30 s")
                    time.sleep(0.05)
                timings.append(time.perf_counter() - started)
                time.sleep(1)
        finally:
            server.terminate()
            server.wait(10)
    print("edit-to-reload (s): " + ", ".join(f"{t:.2f}" for t in timings))
    print(f"median {statistics.median(timings):.2f} s (target <= 2 s)")


if __name__ == "__main__":
    main()
