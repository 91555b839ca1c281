"""Bad input, one table (tests/bad_inputs/cases.yml): what an editor gets wrong and what an
attacker tries, each case on a fresh copy of the test project that has a published site/.

* A rejected case runs in this process (``ctxh check`` for a build: whatever build rejects,
  check reports first; other commands as they are): it exits non-zero and prints
  ``file:line: lỗi: field: …``, with no traceback, and site/ is left as it was.
* An ``end-to-end`` case runs the real command in its own process, with at most 60 s and 4 GB.
* An injection case builds, and its payload stays inert: no active markup in the HTML, and
  nothing runs in Chromium, with the site's Content-Security-Policy headers and without them.
* A stopped build (SIGTERM at a stage) loses nothing; the preview answers through a broken edit.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.request
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from typer.testing import CliRunner

from generator.cli import app
from generator.safe_files import SITE_MARK

from .bad_inputs.payloads import generate
from .conftest import (
    ROOT,
    copy_project,
    host_headers,
    published_site,
    same_host_context,
    serve_folder,
)
from .test_errors import edit

CASES = yaml.safe_load((Path(__file__).parent / "bad_inputs" / "cases.yml").read_text(encoding="utf-8"))
SECONDS, MEMORY = 60, 4 * 1024 ** 3
CLASSES = {"editor", "injection", "import-path", "overwrite", "skipped", "traceback", "hang", "serve", "site-loss",
           "minor"}
REJECTED = [case for case in CASES if isinstance(case.get("expect"), dict) and "serve" not in case]
IN_PROCESS = [case for case in REJECTED if case.get("run") != "end-to-end"]
END_TO_END = [case for case in REJECTED if case.get("run") == "end-to-end"]
INERT = [case for case in CASES if case.get("expect") == "inert"]
INTERRUPTED = [case for case in CASES if case.get("expect") == "interrupted"]
SERVED = [case for case in CASES if "serve" in case]
DONE = [case for case in CASES if case.get("expect") == "done"]
# The cases edit campaign slogans and banner windows: the copy gets a 2024 campaign with them, as a
# ministry would publish it (the test project's 2024 campaign has none).
NATIONAL_2024 = Path(__file__).parent / "bad_inputs" / "campaign-2024-national.yml"
PUBLISHED = "<!doctype html><title>bản đã xuất bản</title>"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _text(spec: dict) -> bytes:
    if "generate" in spec:
        return generate(spec["generate"])
    if "hex" in spec:
        return bytes.fromhex(spec["hex"])
    return spec["text"].encode(spec.get("encoding", "utf-8"))


def _special(kind: str, path: Path, spec: dict, project: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "symlink":
        os.symlink(spec["to"], path)
    elif kind == "sparse":
        with path.open("wb") as handle:
            handle.truncate(spec["bytes"])
    elif kind == "nfd-name":
        path.with_name(unicodedata.normalize("NFD", path.name)).write_bytes(_text(spec))
    elif kind == "nfd":
        edit(path, spec["text"], unicodedata.normalize("NFD", spec["text"]))
    elif kind == "copy":
        source = next(base / spec["from"] for base in (project, ROOT) if (base / spec["from"]).exists())
        shutil.copy2(source, path)
    elif kind == "move":
        shutil.move(project / spec["from"], path)
    else:
        raise AssertionError(f"unknown step {kind}")


def apply(steps: list[dict], project: Path, inputs: Path) -> None:
    for step in steps:
        (kind, spec), = step.items()
        base = inputs if spec.get("outside") else project
        path = base / spec["file"]
        if kind == "edit":
            edit(path, spec["old"], spec["new"])
        elif kind == "write":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_text(spec))
        elif kind == "delete":
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        elif kind == "many":
            for number in range(spec["count"]):
                named = base / spec["file"].format(n=number)
                named.parent.mkdir(parents=True, exist_ok=True)
                named.write_text(spec["text"].format(n=number), encoding="utf-8")
        else:
            _special(kind, path, spec, project)


def _project(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the test project with a published site/, and a scratch folder beside it."""
    project, inputs = copy_project(tmp_path / "project"), tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(NATIONAL_2024, project / "campaigns" / "2024.yml")
    published_site(project / "site", {"index.html": PUBLISHED})
    return project, inputs


def arguments(case: dict, project: Path, inputs: Path) -> list[str]:
    """Apply the case to a copy of the project; return the command's arguments."""
    apply(case.get("steps", []), project, inputs)
    command = case.get("command", ["build"])
    return [arg.replace("{inputs}", str(inputs)).replace("{project}", str(project)) for arg in command] + \
        ["--root", str(project)]


def _untouched(case: dict, project: Path, inputs: Path) -> dict[Path, bytes]:
    """The files the case names under `untouched` (in the project, or {inputs}/…), as they are."""
    paths = [Path(name.replace("{inputs}", str(inputs))) if "{inputs}" in name else project / name
             for name in case.get("untouched", [])]
    return {path: path.read_bytes() for path in paths}


def _ctxh(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


ENV = {**os.environ, "COLUMNS": "250", "CI": "true"}


def _site_as_published(project: Path) -> None:
    assert sorted(p.name for p in (project / "site").iterdir()) == [SITE_MARK, "index.html"]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == PUBLISHED
    assert not list(project.glob(".ctxh-build-*"))


def _reported(case: dict, output: str, project: Path) -> None:
    expect = case["expect"]
    if "file" not in expect:  # a failure of the build itself (a full disk): said in plain words
        assert re.search(expect["message"], output), output
    else:
        line = {"*": r":\d+", None: ""}.get(expect["line"], f":{expect['line']}")
        says = re.escape(expect["says"]) if "says" in expect else r"\S"
        file = r"\S+" if expect["file"] == "*" else re.escape(expect["file"].replace("{project}", str(project)))
        pattern = re.compile(rf"^{file}{line}: lỗi: {re.escape(expect['field'])}: {says}", re.M)
        assert pattern.search(output), output
    assert "Traceback" not in output, output


def test_the_table_is_large_and_every_case_has_a_known_class():
    assert len(CASES) >= 216 + 60  # the first two rounds, then at least sixty more of our own (issue 28)
    assert len({case["name"] for case in CASES}) == len(CASES)
    assert {case["class"] for case in CASES} <= CLASSES


def _in_process(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, args, env={"COLUMNS": "250", **env})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize("case", IN_PROCESS, ids=[case["name"] for case in IN_PROCESS])
def test_bad_input_is_reported_with_file_line_and_field(case, tmp_path):
    project, inputs = _project(tmp_path)
    args = arguments(case, project, inputs)
    before = _untouched(case, project, inputs)
    if args[0] == "build":
        args[0] = "check"  # whatever build would reject, check reports first
    code, output = _in_process(args, case.get("env", {}))
    assert code not in (0, None), output
    _reported(case, output, project)
    _site_as_published(project)
    assert _untouched(case, project, inputs) == before


@pytest.mark.parametrize("case", DONE, ids=[case["name"] for case in DONE])
def test_hard_input_is_taken_and_leaves_valid_content(case, tmp_path):
    """Input that is odd but legitimate (control characters in an import, a long paragraph): the
    command succeeds, prints no escape sequence nor traceback, and the content still passes check."""
    project, inputs = _project(tmp_path)
    code, output = _in_process(arguments(case, project, inputs), case.get("env", {}))
    assert code == 0 and "Traceback" not in output and "\x1b" not in output, output
    assert all(snippet in output for snippet in case.get("prints", [])), output
    code, output = _in_process(["check", "--root", str(project)], {})
    assert code == 0, output


def _limits(file_size: int | None):
    """At most 4 GB of memory; with ``file_size``, no file written larger (a disk that fills up)."""
    def limit() -> None:
        _limit_memory()
        if file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, as on a full disk
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    return limit


def run(case: dict, tmp_path: Path) -> tuple[subprocess.CompletedProcess, Path, dict[Path, bytes]]:
    """The case's command in its own process, on a copy of the project that has a published site/;
    with the files it must leave untouched, as they were before."""
    project, inputs = _project(tmp_path)
    args = arguments(case, project, inputs)
    before = _untouched(case, project, inputs)
    try:
        result = subprocess.run(_ctxh(args), cwd=tmp_path, capture_output=True, text=True, timeout=SECONDS,
                                preexec_fn=_limits(case.get("file_size_limit")), env={**ENV, **case.get("env", {})})
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case['name']}: still running after {SECONDS} s")
    assert _untouched(case, project, inputs) == before
    return result, project, before


@pytest.mark.parametrize("case", END_TO_END, ids=[case["name"] for case in END_TO_END])
def test_bad_input_stops_the_real_command_in_time_and_memory(case, tmp_path):
    result, project, _ = run(case, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    _reported(case, output, project)
    _site_as_published(project)


# Fire the events an injected handler would wait for, on everything in the article
# (clicks only where they cannot follow a link).
TRIGGER = """() => {
  for (const element of document.querySelectorAll("article *, .md-header *, .md-nav *")) {
    for (const type of ["mouseover", "focus", "load", "error"]) element.dispatchEvent(new Event(type));
    if (!element.closest("a, button, label, form")) element.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  }
}"""


def _active(tag) -> list[str]:
    found = [name for name in tag.attrs if name.lower().startswith("on")]
    for name in ("href", "src", "action", "formaction", "data", "xlink:href"):
        value = str(tag.get(name, "")).strip().lower()
        if value.startswith(("javascript:", "data:text/html", "vbscript:")) or "evil.example" in value:
            found.append(f"{name}={value}")
    if tag.name in ("script", "iframe", "object", "embed", "form", "base", "meta", "style", "link"):
        found.append(tag.name)
    return found


@pytest.mark.parametrize("case", INERT, ids=[case["name"] for case in INERT])
def test_injected_payload_stays_inert(case, tmp_path, browser):
    result, project, _ = run(case, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    for url in case["pages"]:
        soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        for region in soup.select("article, .md-nav, .md-header__topic, .md-banner, title"):
            assert [(t.name, _active(t)) for t in region.find_all(True) if _active(t)] == [], url
    for headers in (host_headers(site), {}):
        httpd = serve_folder(site, headers)
        origin = f"http://127.0.0.1:{httpd.server_address[1]}"
        context, foreign = same_host_context(browser, origin)
        tab = context.new_page()
        try:
            for url in case["pages"]:
                tab.goto(f"{origin}/{url}")
                tab.evaluate(TRIGGER)
                assert tab.evaluate("window.__pwned || null") is None, (url, bool(headers))
        finally:
            context.close()
            httpd.shutdown()
        assert not foreign, foreign


@pytest.mark.parametrize("case", INTERRUPTED, ids=[case["name"] for case in INTERRUPTED])
def test_a_stopped_build_loses_nothing(case, tmp_path):
    """SIGTERM at some moment of the build: site/ stays as published and no staging folder is left."""
    project, inputs = _project(tmp_path)
    args = arguments(case, project, inputs)
    process = subprocess.Popen(_ctxh(args), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, preexec_fn=_limit_memory, env=ENV)
    deadline = time.monotonic() + SECONDS
    while not list(project.glob(case["terminate_when"])):  # the stage has begun: a marker, never a delay
        assert process.poll() is None and time.monotonic() < deadline, f"never reached {case['terminate_when']}"
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=SECONDS)
    assert process.returncode != 0 and "bị dừng" in output and "Traceback" not in output, output
    _site_as_published(project)


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # a request that hangs fails the case
        return response.read().decode("utf-8")


def _try_get(url: str) -> str:
    try:
        return _get(url)
    except OSError:
        return ""


@pytest.mark.parametrize("case", SERVED, ids=[case["name"] for case in SERVED])
def test_the_preview_answers_through_a_broken_edit(case, tmp_path):
    """`ctxh serve` keeps serving the last good site and shows the error, whatever the edit."""
    project, inputs = _project(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(_ctxh(["serve", "--port", str(port), "--root", str(project)]), cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               preexec_fn=_limit_memory, env=ENV)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + SECONDS
        while "Ngày Công tác xã hội" not in _try_get(url):
            assert time.monotonic() < deadline and process.poll() is None, "the preview did not start"
            time.sleep(0.5)
        apply(case["serve"], project, inputs)
        expect = case["expect"]
        line = r"\d+" if expect.get("line") == "*" else str(expect["line"])
        shown = re.compile(rf"{re.escape(expect['file'])}:{line}: lỗi: {re.escape(expect['field'])}: ")
        while not shown.search(page := _get(url)):
            assert time.monotonic() < deadline, "the error never showed"
            time.sleep(0.5)
        assert "Ngày Công tác xã hội" in page  # the last good site, still served
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert "Traceback" not in output or "Lỗi không mong đợi" in output, output
