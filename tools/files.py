"""Small file-system helpers shared by the stages that write folders."""

from __future__ import annotations

import shutil
from pathlib import Path


def swap_into_place(staging: Path, out: Path) -> None:
    """Replace ``out`` with the finished ``staging`` folder, so a reader never sees half of one."""
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
