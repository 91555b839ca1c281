"""The build, start to end: three stages that hand each other files, then the swap into ``site/``.

    1. prepare (generator.stages): content → downloads, page sources, the theme
       copy and the engine's configuration, in a process of its own;
    2. ``mkdocs build`` of that configuration (generator.engine.mkdocs), in a
       process of its own, with the hooks of generator.engine.hooks;
    3. the files beside the pages, robots.txt, _headers, sitemap, and the search
       index (generator.engine.pagefind).

Each stage is an ordinary command that can be run and debugged on its own
(``ctxh build --keep-staging`` leaves the folder to do so). Stages run one
after the other in their own process, so the build's memory is that of its
largest stage, not their sum, and each gives its memory back as it ends.

Everything happens in a staging folder beside the target; the target is
replaced only once the whole build has succeeded, so bad input, a crash, Ctrl+C
or SIGTERM never leave a half-written site. A build replaces only a folder it
made itself (:func:`generator.safe_files.check_site_target`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator import stages
from generator.engine import mkdocs, pagefind
from generator.outputs.hosting import write_hosting_files
from generator.problems import BuildError, ContentError, Problem
from generator.safe_files import (
    SITE_MARK,
    SITE_MARK_TEXT,
    check_no_links,
    check_site_target,
    write_reason,
)

STAGING_PREFIX = ".ctxh-build-"
CACHE_DIR = ".cache/ctxh"  # generated downloads, by a hash of their inputs
ABANDONED_AFTER = 24 * 3600  # seconds: a staging folder this old is a killed build's, where no process id says

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    campaigns: int
    documents: int
    pages: int
    site_dir: Path
    warnings: list[Problem]


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set (reproducible builds: the site shows the Day
    that follows this date)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return dt.date.today()
    try:
        day = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        day = None
    if day is None or not 2017 <= day.year <= 2100:
        raise ContentError.about("SOURCE_DATE_EPOCH", f"biến môi trường SOURCE_DATE_EPOCH={epoch[:40]!r} không phải "
                                 "một thời điểm hợp lệ (số giây từ 1/1/1970, trong các năm 2017 – 2100)",
                                 line=None, field="SOURCE_DATE_EPOCH")
    return day


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories in one step (Linux renameat2 with RENAME_EXCHANGE); False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_current_dir, rename_exchange = -100, 2
    return renameat2(at_current_dir, os.fsencode(first), at_current_dir, os.fsencode(second), rename_exchange) == 0


def _swap_into_place(built: Path, site_dir: Path, staging: Path) -> None:
    """Replace ``site_dir`` by ``built`` (same file system, no copy). At no moment is there no
    ``site_dir``: the two folders are exchanged in one step, or, where the system cannot, the
    old site is renamed aside and put back if anything interrupts the second rename."""
    if not site_dir.exists():
        os.replace(built, site_dir)
        return
    if _exchange(built, site_dir):
        return  # the previous site is now at ``built``, removed with the staging folder
    previous = staging / "previous-site"
    os.replace(site_dir, previous)
    try:
        os.replace(built, site_dir)
    except BaseException:
        os.replace(previous, site_dir)
        raise


class BuildInterrupted(BaseException):
    """The build was stopped (SIGTERM); the staging folder is removed and site/ is unchanged.

    A BaseException, like KeyboardInterrupt: the signal can arrive inside any library, and
    libraries catch Exception."""


@contextlib.contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """SIGTERM raises BuildInterrupted during a build, so that cleanup runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise BuildInterrupted("bị dừng (SIGTERM); thư mục site/ giữ nguyên")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _is_running(pid: int) -> bool:
    if os.name != "posix":
        return True  # no safe probe here (os.kill would stop the process): the folder's age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _remove_abandoned_staging(parent: Path) -> None:
    """Staging folders left by a build that was killed (SIGKILL, power loss)."""
    for folder in parent.glob(f"{STAGING_PREFIX}*"):
        if folder.is_symlink() or not folder.is_dir():
            continue
        pid = folder.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
        old = time.time() - folder.stat().st_mtime > ABANDONED_AFTER
        if not pid.isdigit() or not _is_running(int(pid)) or old:
            shutil.rmtree(folder, ignore_errors=True)


def _remove(staging: Path) -> None:
    """Remove the staging folder, deaf to SIGTERM meanwhile: raised in the middle of the removal, it
    would leave half the folder behind. By then the build has failed (its error is on its way) or
    has published the site; either way the process ends right after."""
    if threading.current_thread() is not threading.main_thread():
        shutil.rmtree(staging, ignore_errors=True)
        return
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        shutil.rmtree(staging, ignore_errors=True)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_stage(command: list[str], log: Path, progress: Progress) -> int:
    """Run one stage's process; each line it prints is a step of the progress. The process (and
    any it started) is stopped if this one is interrupted."""
    posix = os.name == "posix"
    with log.open("w", encoding="utf-8") as errors, subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8",
            env={**os.environ, "PYTHONIOENCODING": "utf-8"}, start_new_session=posix) as child:
        try:
            for line in child.stdout:
                if line.startswith(stages.PROGRESS):
                    progress(line.removeprefix(stages.PROGRESS).strip())
            return child.wait()
        except BaseException:
            if posix:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGKILL)  # the stage and its worker processes
            child.kill()
            raise


def _prepare(staging: Path, progress: Progress) -> dict:
    code = _run_stage([sys.executable, "-m", "generator.stages", "prepare", str(staging)],
                      staging / "prepare.log", progress)
    if code == 1 and (staging / stages.PROBLEMS).is_file():
        problems = json.loads((staging / stages.PROBLEMS).read_text(encoding="utf-8"))
        raise ContentError([Problem(**problem) for problem in problems])
    if code != 0:
        raise BuildError(f"bước chuẩn bị dừng với mã {code}:\n"
                         f"{(staging / 'prepare.log').read_text(encoding='utf-8', errors='replace')[-4000:]}")
    return json.loads((staging / stages.RESULT).read_text(encoding="utf-8"))


def _move_into(source: Path, target: Path) -> None:
    """Move every file under ``source`` to the same place under ``target`` (one file system: renames)."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)


@dataclass(frozen=True)
class BuildOptions:
    """How to build: ``search_index=False`` leaves the Pagefind index out (the live preview adds it
    after the page has reloaded); ``cache=False`` makes every download anew."""

    search_index: bool = True
    workers: int = 2
    cache: bool = True
    cache_dir: Path | None = None  # default: ROOT/.cache/ctxh
    keep_staging: bool = False


def build_site(root: Path, site_dir: Path | None = None, progress: Progress = lambda stage: None,
               options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build the site of the project at ``root`` into ``site_dir`` (default ``root/site``)."""
    root = Path(os.path.abspath(root))
    site_dir = Path(os.path.abspath(site_dir or root / "site"))
    with _terminate_as_exception():
        check_site_target(site_dir, root)
        cache = (options.cache_dir or root / CACHE_DIR) if options.cache else None
        if cache is not None and Path(os.path.abspath(cache)).is_relative_to(root):
            check_no_links(cache, root)  # a linked .cache would take the downloads out of the project
        today = build_date()
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned_staging(site_dir.parent)
        staging = site_dir.parent / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            staging.mkdir(mode=0o700)  # in the try: a SIGTERM just after it still removes the folder
            (staging / stages.OPTIONS).write_text(json.dumps({
                "root": str(root), "workers": options.workers, "cache": str(cache) if cache else None,
                "today": today.isoformat()}), encoding="utf-8")
            result = _prepare(staging, progress)
            progress("Dựng HTML (mkdocs-material)")
            mkdocs.render(staging / mkdocs.CONFIG)
            built = staging / "site"
            _move_into(staging / "files", built)
            write_hosting_files(built, result["pages"], result["site_url"])
            progress("Lập chỉ mục tìm kiếm (Pagefind)")
            if options.search_index:
                pagefind.build_index(built, staging / "pagefind")
            (built / SITE_MARK).write_text(SITE_MARK_TEXT, encoding="utf-8")
            progress("Thay thư mục site/")
            _swap_into_place(built, site_dir, staging)
        except OSError as error:  # the disk is full, a file unwritable: said plainly, site/ untouched
            raise BuildError(f"không ghi được tệp: {write_reason(error)}") from None
        finally:
            if not options.keep_staging:
                _remove(staging)
    warnings = [Problem(**problem) for problem in result["warnings"]]
    return BuildResult(result["campaigns"], result["documents"], len(result["pages"]), site_dir, warnings)

