"""`make bench`: build synthetic corpora and print what the issues ask to measure.

For each size (default 1,000 and 10,000 documents): wall time and memory (the largest
process, and the whole process tree at once) of each stage and in total; the same
generated pages built by bare mkdocs-material and the ratio; downloads per second
cold and what one edit regenerates; gzip bytes of a first and a repeat visit of
each page type; bytes fetched for a first search and the index size; Lighthouse
mobile scores when npm can install it.
Run: .venv/bin/python tests/bench/bench.py [SIZE …]
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


import generator.build as build_module  # noqa: E402
from generator.outputs.downloads import build_downloads  # noqa: E402
from generator.stages import check  # noqa: E402
from tests.bench.synthetic import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, queue = [], [pid]
    while queue:
        found.append(queue.pop())
        queue += children.get(found[-1], [])
    return found


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith("Pss:")), 0)


class TreeMemory:
    """The whole build's memory: every 0.2 s, the proportional set size (shared pages counted
    once) of this process and all its descendants (stage processes, download workers, Pagefind);
    ``peak_mb`` is the highest sum seen, ``largest_mb`` the largest single process so far."""

    def __init__(self) -> None:
        self.peak_kb = self.largest_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            sizes = [_pss_kb(pid) for pid in _descendants(os.getpid())]
            self.peak_kb, self.largest_kb = max(self.peak_kb, sum(sizes)), max(self.largest_kb, *sizes)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

    @property
    def largest_mb(self) -> float:
        return self.largest_kb / 1024


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def timed_build(project: Path) -> tuple[dict[str, tuple[float, float]], Path, float]:
    """Seconds and largest process so far at the end of each stage, the site, and the whole
    process tree's peak (TreeMemory)."""
    marks: list[tuple[str, float, float]] = []
    started = time.perf_counter()
    with TreeMemory() as tree:
        result = build_module.build_site(project, progress=lambda stage: marks.append((stage, time.perf_counter(),
                                                                                      tree.largest_mb)))
    ended = time.perf_counter()
    stages = {}
    for index, (stage, at, _) in enumerate(marks):
        until = marks[index + 1][1] if index + 1 < len(marks) else ended
        memory = marks[index + 1][2] if index + 1 < len(marks) else tree.largest_mb
        stages[stage] = (until - at, memory)
    stages["TOTAL"] = (ended - started, tree.largest_mb)
    return stages, result.site_dir, tree.peak_mb


def bare_engine_seconds(project: Path) -> float:
    """mkdocs-material alone over the same pages: the build's own staging folder (page sources, theme
    copy, configuration) built by a plain ``mkdocs build`` without the build's hooks, so that the
    engine's Markdown reads every page as bare mkdocs-material would, in a process of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_module.build_site(project, site, options=build_module.BuildOptions(search_index=False,
                                                                                  keep_staging=True))
        staging = next(site.parent.glob(f"{build_module.STAGING_PREFIX}*"))
        config = yaml.safe_load((staging / "mkdocs.yml").read_text(encoding="utf-8"))
        config.pop("hooks")
        config["strict"] = False
        (staging / "bare.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", "bare.yml",
                        "--site-dir", "bare-site"], cwd=staging, check=True)
        return time.perf_counter() - started


THROUGHPUT_SAMPLE = 500  # documents: enough for a stable rate (and the issue-14 sample), short enough for 10,000


def downloads_throughput(project: Path) -> tuple[float, int, int]:
    """Cold rate on a sample of the corpus, then what one edited document regenerates."""
    full = check(project)
    corpus = dataclasses.replace(full, documents=full.documents[:THROUGHPUT_SAMPLE])
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        started = time.perf_counter()
        list(build_downloads(corpus, cache, workers=2))
        rate = len(corpus.documents) / (time.perf_counter() - started)
        before = sum(1 for _ in cache.rglob("*.bin"))
        first = project / corpus.documents[0].file
        head, _, tail = first.read_text(encoding="utf-8").rpartition("thực hiện")  # in the text, not the front matter
        first.write_text(head + "triển khai" + tail, encoding="utf-8")
        edited = check(project)
        sample = dataclasses.replace(edited, documents=edited.documents[:THROUGHPUT_SAMPLE])
        list(build_downloads(sample, cache, workers=2))
        regenerated = sum(1 for _ in cache.rglob("*.bin")) - before
        return rate, regenerated, len(corpus.documents)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


PAGE_TYPES = {  # page type → glob of its index.html files; the largest of each is weighed
    "home": "index.html", "years": "nam/index.html", "year": "nam/*/index.html",
    "documents": "van-ban/index.html", "document": "van-ban/2*/*/index.html",
    "cited": "van-ban/trich-dan/*/index.html", "units": "don-vi/index.html", "unit": "don-vi/*/index.html",
    "unit in province": "don-vi/*/*/index.html", "unit, older year": "don-vi/*/*/*/index.html",
    "provinces": "tinh/index.html", "province": "tinh/*/index.html", "search": "tra-cuu/index.html",
}


def page_weights(site: Path) -> dict[str, tuple[int, int, str]]:
    """Per page type, its largest page: gzip bytes of a first visit (HTML and the styles, scripts
    and images it loads) and of a repeat visit (the HTML only), and which page it is."""
    weights = {}
    for name, pattern in PAGE_TYPES.items():
        candidates = sorted(site.glob(pattern), key=lambda path: path.stat().st_size)
        if not candidates:
            continue
        html_path = candidates[-1]
        html = html_path.read_bytes()
        soup = BeautifulSoup(html, "html.parser")
        assets = {tag.get("href") for tag in soup.select("link[rel=stylesheet]")}
        assets |= {tag.get("src") for tag in soup.select("script[src], img[src]")
                   if not tag.find_parent("details", open=False)}  # a closed <details> loads nothing
        total = gz(html)
        for asset in assets:
            target = (html_path.parent / asset.split("#")[0].split("?")[0]).resolve()
            if target.is_file():
                total += gz(target.read_bytes())
        weights[name] = (total, gz(html), html_path.parent.relative_to(site).as_posix())
    return weights


def search_bytes_with_init(site: Path) -> tuple[int, int]:
    """What the search page fetches from Pagefind, from opening to the first results: raw
    bytes, and bytes as a compressing host sends them (Pagefind's .pf_* files are gzip already)."""
    from playwright.sync_api import sync_playwright

    server, origin = serve(site)
    fetched = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
            page = browser.new_page()
            page.on("response", lambda r: fetched.append(r))
            page.goto(origin + "tra-cuu/?q=cong%20tac%20xa%20hoi")
            page.wait_for_selector(".ctxh-search__result", timeout=60_000)
            bodies = [r.body() for r in fetched if "/pagefind/" in r.url or "d-syllables" in r.url]
            browser.close()
    finally:
        server.shutdown()
    return sum(map(len, bodies)), sum(min(len(b), gz(b)) for b in bodies)


def lighthouse(site: Path) -> dict[str, dict[str, int]] | str:
    tools = Path(__file__).parent / ".lighthouse"
    binary = tools / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        install = subprocess.run(["npm", "install", "--silent", "--prefix", str(tools), "lighthouse@12"],
                                 capture_output=True, text=True)
        if install.returncode != 0:
            return f"not run: npm install lighthouse failed ({install.stderr.strip()[:200]})"
    # Served as a host serves it (gzip, the _headers), from a child process (see gzip_server.py).
    port = free_port()
    server = subprocess.Popen([sys.executable, str(Path(__file__).with_name("gzip_server.py")), str(port), str(site)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    origin = f"http://127.0.0.1:{port}/"
    wait_for_port(port)
    document = next(iter(sorted((site / "van-ban").glob("20*/*/index.html")))).parent.relative_to(site).as_posix()
    scores = {}
    try:
        for name, path in {"home": "", "year": "nam/2024/", "document": f"{document}/",
                           "unit": "don-vi/so-y-te/"}.items():
            result = subprocess.run(
                [str(binary), origin + path, "--quiet", "--output=json", "--form-factor=mobile",
                 "--only-categories=performance,accessibility,best-practices,seo",
                 "--chrome-flags=" + " ".join(["--headless=new"] + FLAGS[1:])],
                capture_output=True, text=True, env={**os.environ, "CHROME_PATH": shutil.which("chromium") or ""})
            if result.returncode != 0:
                return f"not run: lighthouse failed ({result.stderr.strip()[:200]})"
            report = json.loads(result.stdout)
            scores[name] = {key: round(value["score"] * 100) for key, value in report["categories"].items()}
    finally:
        server.terminate()
    return scores


def wait_for_port(port: int, seconds: float = 10) -> None:
    import socket

    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(sizes: list[int]) -> None:
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = generate(size, Path(tmp) / "project")
            print(f"\n== {size} documents ==")
            stages, site, whole = timed_build(project)
            for stage, (seconds, memory) in stages.items():
                print(f"  {stage:55} {seconds:8.2f} s   largest process {memory:7.0f} MB")
            print(f"  whole build, all its processes at once (PSS): peak {whole:.0f} MB")
            bare = bare_engine_seconds(project)
            pages_and_index = sum(s for name, (s, _) in stages.items() if name != "TOTAL"
                                  and "tải về" not in name)
            print(f"  bare mkdocs-material, same pages: {bare:.2f} s; pages + index / bare = "
                  f"{pages_and_index / bare:.2f}; total / bare = {stages['TOTAL'][0] / bare:.2f}")
            for name, (first, repeat, where) in page_weights(site).items():
                print(f"  {name:17} first visit {first / 1024:6.1f} KB gzip, repeat visit {repeat / 1024:6.1f} KB"
                      f"  (largest: {where or '/'})")
            raw, compressed = search_bytes_with_init(site)
            index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
            print(f"  search: {compressed / 1024:.1f} KB transferred ({raw / 1024:.1f} KB uncompressed) for a first "
                  f"query, from opening the page; index {index / 1024 / 1024:.1f} MB on disk")
            rate, regenerated, count = downloads_throughput(project)
            print(f"  downloads cold on 2 cores: {rate:.1f} documents/s (sample of {count}); after one edit "
                  f"{regenerated} cached files regenerated")
            if size == sizes[0]:
                print(f"  lighthouse (mobile): {lighthouse(site)}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments == ["--lighthouse"]:  # the bundled site only
        print(f"lighthouse (mobile), bundled site: {lighthouse(build_module.build_site(ROOT).site_dir)}")
    else:
        main([int(arg) for arg in arguments] or [1000, 10000])
