"""Every regular expression of the package runs in time linear in its input.

A pattern that backtracks (a run of spaces before a lookahead, a lazy span before an
alternative) takes a build hours on a crafted file. Each pattern is run on repetitions of
short probes, at n and 4n: linear work grows about 4 times, quadratic 16. Times are the best
of three runs, so that a busy machine does not make a linear pattern look quadratic.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import generator

PROBES = [" ", "\t", "\n", "*", "a ", "A ", "1.", "1/", "1", "- ", ". ", ": ", ", ", "((", "[a](", "\u0301", "“a",
          "ngày ", "ngày 1", "tháng ", "từ ", "đến ", "trước ", "báo cáo ", "về ", "Số ", "UBND ", "Sở ", "các ",
          "a)", "I.", "năm 2024 ", " | ", "Kính gửi "]
SIZE = 2000  # characters at n; the probe is repeated to about this length, then four times it


def _patterns() -> list[tuple[str, re.Pattern]]:
    found = {}
    for module_info in pkgutil.walk_packages(generator.__path__, "generator."):
        if module_info.name.endswith(("__main__", ".hooks")):
            continue
        module = importlib.import_module(module_info.name)
        values = [(name, value) for name, value in vars(module).items()]
        values += [(f"{name}[{i}]", item) for name, value in vars(module).items() if isinstance(value, (tuple, list))
                   for i, item in enumerate(value)]
        values += [(f"{name}[{i}]", part) for name, item in values if isinstance(item, tuple)
                   for i, part in enumerate(item)]
        for name, value in values:
            if isinstance(value, re.Pattern):
                found[(module.__name__, value.pattern)] = (f"{module.__name__}.{name}", value)
    return sorted(found.values(), key=lambda item: item[0])


def _seconds(pattern: re.Pattern, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        best = min(best, time.perf_counter() - started)
    return best


def test_the_package_has_patterns_to_test():
    assert len(_patterns()) > 60


def test_every_pattern_is_linear_in_its_input():
    superlinear = []
    for name, pattern in _patterns():
        for probe in PROBES:
            for tail in ("", "!", "X"):
                count = max(1, SIZE // len(probe))
                small = _seconds(pattern, probe * count + tail)
                if small < 0.002:
                    continue  # too quick to tell
                large = _seconds(pattern, probe * (4 * count) + tail)
                if large > 9 * small:
                    superlinear.append(f"{name}: {probe!r}×n{tail}: {small * 1000:.1f} ms → {large * 1000:.1f} ms at 4n")
    assert superlinear == []
