"""The live preview always answers: after a failed rebuild it serves the last good site,
with the error at the top of every page, and recovers with the next good edit."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from generator.engine.serve import serve


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # a hang fails the test
        return response.read().decode("utf-8")


def _wait_for(predicate, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_preview_keeps_answering_through_failed_rebuilds(tmp_path: Path):
    site, watched = tmp_path / "site", tmp_path / "content"
    site.mkdir()
    watched.mkdir()
    (site / "index.html").write_text("<!doctype html><html><body><p>bản tốt</p></body></html>", encoding="utf-8")
    outcomes = iter([RuntimeError("lỗi lập trình"), "campaigns/2024.yml:3: lỗi: edition: <sai>", None])

    def rebuild() -> str | None:
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    port = _free_port()
    ready = threading.Event()
    thread = threading.Thread(target=serve, args=(site, rebuild, [watched], "127.0.0.1", port, ready.set),
                              daemon=True)
    thread.start()
    assert ready.wait(10)
    url = f"http://127.0.0.1:{port}/"
    assert _wait_for(lambda: "bản tốt" in _get(url))

    (watched / "a.yml").write_text("1", encoding="utf-8")  # rebuild raises an unexpected error
    assert _wait_for(lambda: "Lỗi không mong đợi khi dựng lại: RuntimeError" in _get(url))
    assert "bản tốt" in _get(url)

    (watched / "a.yml").write_text("2", encoding="utf-8")  # rebuild reports a content error
    assert _wait_for(lambda: "edition: &lt;sai&gt;" in _get(url))  # escaped, shown, page still served

    (watched / "a.yml").write_text("3", encoding="utf-8")  # fixed
    assert _wait_for(lambda: 'role="alert"' not in _get(url))
    assert "bản tốt" in _get(url)


def test_a_path_with_a_nul_byte_is_not_found_and_the_preview_goes_on(tmp_path: Path):
    site, watched = tmp_path / "site", tmp_path / "content"
    site.mkdir()
    watched.mkdir()
    (site / "index.html").write_text("<!doctype html><html><body><p>bản tốt</p></body></html>", encoding="utf-8")
    port = _free_port()
    ready = threading.Event()
    threading.Thread(target=serve, args=(site, lambda: None, [watched], "127.0.0.1", port, ready.set),
                     daemon=True).start()
    assert ready.wait(10)
    url = f"http://127.0.0.1:{port}/"
    for path in ("%00/", "a%00b.html", "%00"):
        try:
            urllib.request.urlopen(url + path, timeout=5)
            raise AssertionError(f"{path} was answered")
        except urllib.error.HTTPError as error:
            assert error.code == 404, (path, error.code)
    assert "bản tốt" in _get(url)
