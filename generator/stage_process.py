"""Run one stage of the build in a process of its own.

Python keeps the memory it once held: after reading 10,000 documents (1.5 GB)
the build process would stay that large while mkdocs adds its own pages, and
then while Pagefind runs. A stage run in a child process gives all of its
memory back to the system when it ends, so the build's peak is that of its
largest stage, not their sum. The child sends its progress and its result (or
its exception) back through a pipe.

Children come from a fork server, not from a fork of the caller: a process
that has run Typst cannot fork (the child waits forever on the compiler's
threads), and the live preview calls from a thread beside its web server. So
the stage and its arguments are pickled, and the child sees the modules as
imported, not as the caller may have changed them.

A SIGTERM that arrives while the child is being started is handled once its
process id is known: handled earlier, the exception it raises would leave a
child nobody stops, still writing into the staging folder the build removes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from types import FrameType
from typing import Any, TypeVar

from generator.problems import BuildError

Result = TypeVar("Result")
_CONTEXT = multiprocessing.get_context("forkserver")
_STOP_SECONDS = 10  # after SIGTERM, before SIGKILL: a stage stuck in native code does not hear SIGTERM
_STOPPING_SIGNALS = {signal.SIGTERM, signal.SIGINT}


class StageProcessError(BuildError):
    """The stage's process ended without a result (killed by the system, out of memory)."""


def in_own_process(stage: Callable[..., Result], *args: Any,
                   progress: Callable[[str], None] | None = None) -> Result:
    """``stage(*args)`` in a child process, with ``progress=`` a callback relayed to ``progress``
    when one is given; returns its result or raises its exception here."""
    _CONTEXT.set_forkserver_preload([stage.__module__])  # imported once, by the server (when it starts)
    receiving, sending = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_run, args=(sending, stage, args, progress is not None, dict(os.environ),
                                                os.getcwd()), daemon=False)
    kind = "progress"
    try:
        with _stop_signals_deferred():
            child.start()
        sending.close()
        while kind == "progress":
            try:
                kind, value = receiving.recv()
            except EOFError:
                child.join()
                raise StageProcessError(f"tiến trình con của bước {stage.__name__} dừng bất thường "
                                        f"(mã {child.exitcode}); có thể máy đã hết bộ nhớ") from None
            if kind == "progress" and progress is not None:
                progress(value)
    finally:
        sending.close()
        if child.pid is not None:
            if kind == "progress" and child.is_alive():  # this process is being stopped (SIGTERM, Ctrl+C)
                child.terminate()
                child.join(_STOP_SECONDS)
                if child.is_alive():
                    child.kill()
            child.join()
        receiving.close()
    if kind == "error":
        raise value
    return value


@contextlib.contextmanager
def _stop_signals_deferred() -> Iterator[None]:
    """SIGTERM and SIGINT that arrive in the block are handled as it ends. Masking them would
    not do: Python runs its handlers in the main thread whichever thread the system picks
    (the progress bar has its own), so only its handlers can wait."""
    if threading.current_thread() is not threading.main_thread():
        yield  # Python runs handlers in the main thread only: none can interrupt this one
        return
    arrived: list[tuple[int, FrameType | None]] = []
    previous = {signum: signal.signal(signum, lambda *received: arrived.append(received))
                for signum in _STOPPING_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum, frame in arrived:
            if callable(previous[signum]):
                previous[signum](signum, frame)
            elif previous[signum] == signal.SIG_DFL:
                os.kill(os.getpid(), signum)


def _run(sending: Connection, stage: Callable[..., Any], args: tuple, with_progress: bool,
         environment: dict[str, str], folder: str) -> None:
    """The child: run the stage in the caller's environment and folder as they are now (the fork
    server keeps those it started with: SOURCE_DATE_EPOCH, SITE_URL), send its result or its
    exception, and leave without a traceback."""
    os.environ.clear()
    os.environ.update(environment)
    os.chdir(folder)
    try:
        keywords = {"progress": lambda name: sending.send(("progress", name))} if with_progress else {}
        message: tuple[str, Any] = ("result", stage(*args, **keywords))
    except BaseException as error:  # noqa: BLE001 - everything goes to the parent, which raises it
        error.add_note(f"(trong tiến trình con)\n{traceback.format_exc()}")
        message = ("error", error)
    try:
        sending.send(message)
    except Exception:  # noqa: BLE001 - a result or an error that cannot be pickled
        sending.send(("error", BuildError(f"bước {stage.__name__}: {traceback.format_exc()}")))
    finally:
        sending.close()
