"""generator.stage_process: a build stage in a process of its own gives back what it made or raised."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from generator.problems import ContentError, Problem
from generator.stage_process import StageProcessError, in_own_process


def _counted(count: int, progress) -> list[int]:
    for number in range(count):
        progress(f"bước {number}")
    return [os.getpid()] * count


def _refused() -> None:
    raise ContentError([Problem("content/dispatches/2024/x.md", 7, "tasks[0].assignees", "cần ít nhất một đơn vị")])


def _killed() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_the_result_and_the_progress_come_back_from_another_process():
    stages: list[str] = []
    pids = in_own_process(_counted, 3, progress=stages.append)
    assert stages == ["bước 0", "bước 1", "bước 2"]
    assert len(pids) == 3 and pids[0] != os.getpid()


def test_a_content_error_comes_back_with_its_problems():
    with pytest.raises(ContentError) as raised:
        in_own_process(_refused)
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.field) == ("content/dispatches/2024/x.md", 7, "tasks[0].assignees")
    assert str(raised.value) == str(ContentError([problem]))


def test_a_stage_killed_by_the_system_is_a_build_error_not_a_hang():
    with pytest.raises(StageProcessError, match="dừng bất thường"):
        in_own_process(_killed)


def _environment_and_folder() -> tuple[str | None, str]:
    return os.environ.get("SOURCE_DATE_EPOCH"), os.getcwd()


def test_the_stage_sees_the_callers_environment_and_folder_as_they_are_now(monkeypatch, tmp_path):
    in_own_process(_environment_and_folder)  # the fork server is running from here on
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772323200")
    monkeypatch.chdir(tmp_path)
    assert in_own_process(_environment_and_folder) == ("1772323200", str(tmp_path))


class _Stopped(BaseException):
    pass


def _waiting(pid_file: str) -> None:
    Path(pid_file).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(60)


def test_a_sigterm_while_the_child_starts_stops_the_child_too(monkeypatch, tmp_path):
    """The signal lands just as the child has started, before its id is known to the caller: the
    child is stopped with the caller, not left running (it would write into a removed staging folder)."""
    pid_file = tmp_path / "pid"
    started = multiprocessing.process.BaseProcess.start

    def start_then_signal(process) -> None:
        started(process)
        while not pid_file.exists():
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGTERM)

    def stop(signum, frame):
        raise _Stopped

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", start_then_signal)
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises(_Stopped):
            in_own_process(_waiting, str(pid_file))
    finally:
        signal.signal(signal.SIGTERM, previous)
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text(encoding="utf-8")), 0)
