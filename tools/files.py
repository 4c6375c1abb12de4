"""Small file-system helpers shared by the stages that write folders, and the cache of compiled
templates that the stages which render share."""

from __future__ import annotations

import contextlib
import shutil
from functools import cache
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache


def swap_into_place(staging: Path, out: Path) -> None:
    """Replace ``out`` with the finished ``staging`` folder, so a reader never sees half of one."""
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


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
