"""Work spread over forked processes: each starts with the parent's data already in memory
(nothing is copied to it) and sends back only its results. Where processes cannot be forked
(or with one job) the work runs here, in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from multiprocessing import get_all_start_methods, get_context
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_WORK: tuple[Callable[[Any], Any], Sequence[Any], int] | None = None  # set before the fork


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
