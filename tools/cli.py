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


@main.command()
@CORPUS
def lock(corpus: Path) -> None:
    """Add every URL the site now publishes to corpus/urls.lock (URLs are never removed)."""
    from tools.validate import current_urls

    archive = load_or_exit(corpus)
    path = corpus / "urls.lock"
    existing = [u for u, _ in archive.registry.locked_urls]
    added = [u for u in current_urls(archive) if u not in set(existing)]
    header = "# Every URL the archive has published. `policy-archive check` fails if one disappears\n"
    header += "# without a redirect (corpus/redirects.yaml). Add new ones with `policy-archive lock`.\n"
    path.write_text(header + "".join(f"{u}\n" for u in [*existing, *added]), encoding="utf-8")
    click.echo(f"{len(added)} URL(s) added to {path} ({len(existing) + len(added)} in all)")


CONFIG = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The MkDocs configuration (also read by Zensical).",
)


@main.command()
@CORPUS
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True)
@CONFIG
def build(corpus: Path, out: Path, config_file: Path) -> None:
    """Check the corpus, generate pages, render them and index them for search (atomically)."""
    result = _build(corpus, out, config_file)
    sys.exit(0 if result else 1)


def _build(corpus: Path, out: Path, config_file: Path) -> bool:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from tools.build import build_site

    with Progress(TextColumn("generating pages"), BarColumn(), MofNCompleteColumn(), transient=True) as bar:
        task = bar.add_task("generate", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        result = build_site(corpus, out, config_file, say=lambda m: click.echo(m, err=True), progress=progress)
    if result.problems:
        report(result.problems)
    click.echo(result.message, err=True)
    return result.ok


@main.command()
@CORPUS
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True)
@CONFIG
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--watch/--no-watch", default=True, show_default=True, help="Rebuild when the corpus or docs change.")
def serve(corpus: Path, out: Path, config_file: Path, host: str, port: int, watch: bool) -> None:
    """Build the site and serve it locally, rebuilding when the corpus changes."""
    from tools.serve import serve_forever

    if not _build(corpus, out, config_file) and not out.exists():
        sys.exit(1)
    rebuild = (lambda: _build(corpus, out, config_file)) if watch else None
    watched = [corpus, config_file.parent / "docs", config_file.parent / "overrides", config_file]
    serve_forever(out, host, port, rebuild, watched)


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
