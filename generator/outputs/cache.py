"""Expensive files (PDF, DOCX, banners, share cards) cached by a hash of their inputs.

A rebuild after one edit regenerates only the files whose inputs changed; the
publish workflows keep the cache folder between runs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

CACHE_VERSION = "2"  # bump when a generator's output changes for the same input


def cached(cache_dir: Path | None, kind: str, key_data: object, make: Callable[[], bytes]) -> bytes:
    if cache_dir is None:
        return make()
    digest = hashlib.sha256(json.dumps([CACHE_VERSION, kind, key_data], ensure_ascii=False, sort_keys=True,
                                       default=str).encode("utf-8")).hexdigest()
    path = cache_dir / kind / f"{digest}.bin"
    if path.is_file():
        return path.read_bytes()
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data
