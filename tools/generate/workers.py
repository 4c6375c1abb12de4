"""Pages written by several processes at once: each computes and writes a share of them.

The processes are forked, so each starts with the archive and the page makers already in
memory (nothing is copied to them); they write files and report only their paths.
"""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing import get_context
from pathlib import Path

Progress = Callable[[int, int], None]
Makers = list[tuple[str, Callable[[], str]]]

_WORK: tuple[Path, Makers, int] | None = None  # set before the fork; read in the forked processes


def write_in_processes(root: Path, makers: Makers, jobs: int, progress: Progress | None = None) -> list[str]:
    """Write every page under ``root`` in ``jobs`` forked processes; return the paths written, in
    the makers' order."""
    global _WORK
    chunks = jobs * 8  # small enough shares that the processes finish together
    _WORK = (root, makers, chunks)
    try:
        with get_context("fork").Pool(jobs) as pool:
            done = 0
            for written in pool.imap_unordered(_write_chunk, range(chunks)):
                done += written
                if progress:
                    progress(done, len(makers))
    finally:
        _WORK = None
    return [path for path, _ in makers]


def _write_chunk(index: int) -> int:
    assert _WORK is not None
    root, makers, chunks = _WORK
    mine = makers[index::chunks]
    for path, make in mine:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(make().encode("utf-8"))
    return len(mine)
