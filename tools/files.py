"""Small file-system helpers shared by the stages that write folders, and the cache of compiled
templates that the stages which render share."""

from __future__ import annotations

import contextlib
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache

DISK_THREADS = 8  # threads that remove files at once: each waits on the disk, not the processor


def remove_tree(folder: Path, threads: int = DISK_THREADS) -> None:
    """``shutil.rmtree(folder, ignore_errors=True)``, its subfolders removed by several threads
    at once. Removing a file waits on the disk far more than on the processor, and a build
    removes tens of thousands (its generated pages, the site it replaces, an old search index):
    four threads removed a 32× archive's pages in half the time of one."""
    subfolders = [folder]
    for _ in range(4):  # down to folders many and small enough to share out (a notice's, a page's)
        if len(subfolders) >= 8 * threads:
            break
        subfolders = [child for sub in subfolders for child in _subfolders(sub) or [sub]]
    if threads > 1 and len(subfolders) > 1:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda sub: shutil.rmtree(sub, ignore_errors=True), subfolders))
    shutil.rmtree(folder, ignore_errors=True)  # what is left: the files near the top


def _subfolders(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            return [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def swap_into_place(staging: Path, out: Path) -> None:
    """Replace ``out`` with the finished ``staging`` folder, so a reader never sees half of one."""
    old = out.with_name(out.name + ".old")
    remove_tree(old)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    remove_tree(old)


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, which never fails a build: an entry that cannot be
    read or written is compiled again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001  # truncated, foreign or unreadable: whatever it is, compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@cache
def compiled_templates() -> BytecodeCache | None:
    """Where the templates (ours and the theme's) are kept compiled between builds and between a
    build's processes: compiling them was a fifth of a small build's time. It is Jinja's own
    folder in the system's temporary folder, made for this user alone (a planted entry would be
    code that runs); an entry is used only for the same source, Python and Jinja, and is written
    aside and renamed, so builds running at once share it safely. None where it cannot be made."""
    try:
        return TemplateCache(pattern=f"__jinja2_{jinja2.__version__}_%s.cache")
    except (OSError, RuntimeError):
        return None
