"""Processes: work spread over forked ones, how many to use, and how much memory each took.

``map_forked`` forks processes that start with the parent's data already in memory (nothing is
copied to them) and send back only their results; where processes cannot be forked (or with one
job) the work runs in this process, in order.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_WORK: tuple[Callable[[Any], Any], Sequence[Any], int] | None = None  # set before the fork


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def own_peak_mb() -> float:
    """This process's peak resident memory so far, in MB (0 where the system does not say)."""
    return _high_water_mb("self") or _rusage_peak_mb()


def run_measured(command: list[str], cwd: Path | None = None) -> tuple[int, str, float]:
    """Run a command to its end: its exit code, what it printed, and its peak memory in MB,
    read from its own high-water mark while it runs (a child's rusage would count what its
    parent held when it forked)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, text=True)
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, _high_water_mb(str(process.pid)))
            time.sleep(0.05)
        output.seek(0)
        return process.returncode, output.read(), peak


def _high_water_mb(pid: str) -> float:
    """A process's peak resident memory (Linux's VmHWM, which starts afresh at exec), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # not Linux, or the process has just ended
        return 0.0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found[1]) / 1024 if found else 0.0


def _rusage_peak_mb() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def can_fork() -> bool:
    return "fork" in get_all_start_methods()


def map_forked(
    work: Callable[[T], R], items: Sequence[T], jobs: int, done: Callable[[int], None] | None = None
) -> list[R]:
    """``[work(item) for item in items]``, in ``jobs`` forked processes; ``done(n)`` is told how
    many items are finished as they finish."""
    if jobs <= 1 or len(items) <= 1 or not can_fork():
        results = []
        for item in items:
            results.append(work(item))
            if done:
                done(len(results))
        return results
    global _WORK
    chunks = min(len(items), jobs * 8)  # small enough shares that the processes finish together
    _WORK = (work, items, chunks)
    gathered: list[tuple[int, list[R]]] = []
    try:
        with get_context("fork").Pool(jobs) as pool:
            for chunk in pool.imap_unordered(_run_chunk, range(chunks)):
                gathered.append(chunk)
                if done:
                    done(sum(len(rs) for _, rs in gathered))
    finally:
        _WORK = None
    ordered: list[R] = [None] * len(items)  # type: ignore[list-item]
    for index, results in gathered:
        ordered[index::chunks] = results
    return ordered


def _run_chunk(index: int) -> tuple[int, list[Any]]:
    assert _WORK is not None
    work, items, chunks = _WORK
    return index, [work(item) for item in items[index::chunks]]
