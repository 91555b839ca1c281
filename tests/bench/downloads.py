"""The downloads' speed on their own: DOCX + PDF per second, cold, on 2 worker processes.

A synthetic corpus (tests/bench/synthetic.py, default 600 documents) goes through
build_downloads with an empty cache, after one edited document, and with the cache
filled; then the CPU time one document costs in one process, which gives the rate
two idle cores would reach (the machine's load average is printed beside the figures).
Prints figures; not a timed test. Run: .venv/bin/python tests/bench/downloads.py [SIZE]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.outputs.documents import document_copies
from generator.outputs.downloads import build_downloads
from generator.stages import check
from tests.bench.bench import downloads_throughput
from tests.bench.synthetic import generate


def cpu_per_document(corpus, count: int = 100) -> float:
    """Seconds of CPU for the DOCX and PDF of one document, in this process (compiler warm)."""
    document_copies(corpus.documents[0], None)
    started = time.process_time()
    for entry in corpus.documents[:count]:
        document_copies(entry, None)
    return (time.process_time() - started) / min(count, len(corpus.documents))


def main(size: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = generate(size, Path(tmp) / "project")
        load = os.getloadavg()[0]
        rate, regenerated, count = downloads_throughput(project)
        print(f"DOCX + PDF cold on 2 cores: {rate:.1f} documents/s (sample of {count}, load average {load:.1f} "
              f"before, {os.getloadavg()[0]:.1f} after); after one edit {regenerated} cached files regenerated")
        corpus = check(project)
        cache = Path(tmp) / "cache"
        list(build_downloads(corpus, cache, workers=2))
        started = time.perf_counter()
        list(build_downloads(corpus, cache, workers=2))
        print(f"from the cache: {len(corpus.documents) / (time.perf_counter() - started):.0f} documents/s")
        cpu = cpu_per_document(corpus)
        print(f"CPU per document (DOCX + PDF): {cpu * 1000:.1f} ms, i.e. {2 / cpu:.0f} documents/s on 2 idle cores")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600)
