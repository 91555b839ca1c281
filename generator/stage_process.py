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
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from generator.problems import BuildError

Result = TypeVar("Result")
_CONTEXT = multiprocessing.get_context("forkserver")
_STOP_SECONDS = 10  # after SIGTERM, before SIGKILL: a stage stuck in native code does not hear SIGTERM


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
    child.start()
    sending.close()
    kind = "progress"
    try:
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
