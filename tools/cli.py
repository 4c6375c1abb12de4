"""The ``policy-archive`` command."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from tools.models import Archive, Problem

CORPUS = click.option(
    "--corpus",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("corpus"),
    show_default=True,
    help="The corpus folder (notices/, agencies.yaml, themes.yaml).",
)


def report(problems: Sequence[Problem]) -> None:
    """Print problems sorted by place, errors and warnings told apart, then a count."""
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.message)):
        click.echo(str(problem), err=True)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    click.echo(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}", err=True)


def load_or_exit(corpus: Path) -> Archive:
    from tools.pipeline import build_archive

    archive = build_archive(corpus)
    if archive.errors:
        report(archive.problems)
        sys.exit(1)
    return archive


@click.group()
@click.version_option(package_name="ai-policy-archive")
def main() -> None:
    """AI Policy Archive: check the corpus, export open data, build and serve the site."""


@main.command()
@CORPUS
def check(corpus: Path) -> None:
    """Validate every notice and the registry; report every problem as path:line: message."""
    from tools.pipeline import build_archive

    archive = build_archive(corpus)
    for notice in archive.notices:
        parsed = notice.parsed
        click.echo(
            f"{notice.id}: {len(parsed.measures)} measures, "
            f"{len({r.agency for m in parsed.measures for r in m.agencies})} agencies, {len(notice.targets)} targets"
        )
    report(archive.problems)
    sys.exit(1 if archive.errors else 0)


@main.command()
@CORPUS
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to write into.")
def export(corpus: Path, out: Path) -> None:
    """Write the open data (JSON, CSV and their JSON Schemas) into OUT."""
    from tools.export import write_open_data

    archive = load_or_exit(corpus)
    written = write_open_data(archive, out)
    click.echo(f"wrote {len(written)} files to {out}")


def run(entry: Callable[..., Any] = main) -> None:
    """Console entry point: bad input gets messages; an internal failure gets one line, not a traceback."""
    try:
        entry()
    except (KeyboardInterrupt, click.Abort):
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("POLICY_ARCHIVE_DEBUG"):
            raise
        click.echo(f"internal error: {exc.__class__.__name__}: {exc}", err=True)
        click.echo(
            "This is a bug in policy-archive, not in your input: set POLICY_ARCHIVE_DEBUG=1 and report it.", err=True
        )
        sys.exit(2)
