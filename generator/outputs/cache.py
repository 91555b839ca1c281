"""Expensive files (PDF, DOCX, banners, share cards) cached by a hash of everything that shapes them.

A cached file's key is its own inputs (the document's layout, a slogan and a
size) together with the generator's fingerprint: the source of the package
(the code that draws, the Typst templates), the fonts it embeds and the
versions of the libraries that write the bytes. Change any of them and every
entry is made anew, so the cache cannot serve a file the current code would not
make. A rebuild after one content edit regenerates only that content's files;
the publish workflows keep the cache folder between runs.

Entries are written to a temporary name and renamed into place: a build killed
or out of disk leaves no truncated entry for the next build to trust.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # generator/
# The libraries whose version shapes the bytes of a download.
WRITERS = ("typst", "python-docx", "pillow", "fonttools", "lxml")


@functools.cache
def fingerprint() -> str:
    """What every cached file depends on besides its own inputs: the package's source, templates and
    fonts, and the writing libraries' versions (computed once a process)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".typ", ".ttf", ".j2"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in WRITERS:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    return digest.hexdigest()


def _store(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".entry-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cached(cache_dir: Path | None, kind: str, key_data: object, make: Callable[[], bytes]) -> bytes:
    """The bytes ``make()`` gives for ``key_data``, from ``cache_dir`` when made before (None: no cache)."""
    if cache_dir is None:
        return make()
    key = json.dumps([fingerprint(), kind, key_data], ensure_ascii=False, sort_keys=True, default=str)
    path = cache_dir / kind / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.bin"
    if path.is_file() and not path.is_symlink():
        return path.read_bytes()
    data = make()
    try:
        _store(path, data)
    except OSError:
        pass  # a cache that cannot be written (full disk, read-only) costs time next build, nothing else
    return data
