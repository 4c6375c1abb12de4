"""The ``policy-archive`` command."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tools.models import Archive, Notice, Problem

if TYPE_CHECKING:
    from tools.preview import Step

CORPUS = click.option(
    "--corpus",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("corpus"),
    show_default=True,
    help="The corpus folder (notices/, agencies.yaml, themes.yaml).",
)


def _cache_folder(ctx: click.Context, param: click.Parameter, folder: Path | None) -> Path | None:
    """The cache folder, made now: one that cannot be made is told before any work is done."""
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise click.BadParameter(f"cannot make the folder {folder}: {exc.strerror}") from None
    return folder


PARSE_CACHE = click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    callback=_cache_folder,
    help="Keep parsed notices in this folder and reuse them (`serve` keeps its own in .cache/parse): "
    "a notice is not parsed again while its text, its metadata, the registry and the code are unchanged.",
)


def report(problems: Sequence[Problem]) -> None:
    """Print problems sorted by place, errors and warnings told apart, then a count."""
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.message)):
        click.echo(str(problem), err=True)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    click.echo(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}", err=True)


def load_or_exit(corpus: Path, cache: Path | None = None) -> Archive:
    from tools.pipeline import build_archive

    archive = build_archive(corpus, cache)
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
@PARSE_CACHE
def check(corpus: Path, cache: Path | None) -> None:
    """Validate every notice and the registry; report every problem as path:line: message."""
    from tools.pipeline import build_archive

    archive = build_archive(corpus, cache)
    locked = {u for u, _ in archive.registry.locked_urls}
    for notice in archive.notices:
        parsed = notice.parsed
        click.echo(
            f"{notice.id}: {len(parsed.measures)} measures, "
            f"{len({r.agency for m in parsed.measures for r in m.agencies})} agencies, {len(notice.targets)} targets"
        )
        if f"notices/{notice.id}/" not in locked:
            _show_new_notice(notice)
    report(archive.problems)
    sys.exit(1 if archive.errors else 0)


def _show_new_notice(notice: Notice) -> None:
    """A notice not yet published: show what the parser read, for the maintainer to confirm."""
    from tools.outline import describe, render_text

    click.echo(f"  new notice (not yet in urls.lock), as parsed from {notice.files.folder}/source.txt:")
    # The same parse that was just checked, not a second one.
    text = render_text(describe(notice.parsed, notice.parsed.lines, notice.targets))
    click.echo("    " + text.replace("\n", "\n    "))


@main.command()
@CORPUS
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to write into.")
@PARSE_CACHE
def export(corpus: Path, out: Path, cache: Path | None) -> None:
    """Write the open data (JSON, CSV and their JSON Schemas) into OUT."""
    from tools.export import write_open_data

    archive = load_or_exit(corpus, cache)
    written = write_open_data(archive, out)
    click.echo(f"wrote {len(written)} files to {out}")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with a `measures` list.")
@click.option(
    "--corpus",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("corpus"),
    show_default=True,
    help="Whose target kinds (themes.yaml) say what kind each target is; none if it has no themes.yaml.",
)
def outline(file: Path, as_json: bool, corpus: Path) -> None:
    """Parse any text file on its own and print its outline: parts, measures, points, targets."""
    import json

    from tools.load import load_target_kinds, read_source
    from tools.outline import outline as make_outline
    from tools.outline import render_text

    text, problems = read_source(file)
    if text is None:
        report(problems)
        sys.exit(1)
    data = make_outline(text, path=str(file), kinds=load_target_kinds(corpus))
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else render_text(data))


@main.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--id", "notice_id", required=True, help="The notice id: lowercase words joined by hyphens.")
@CORPUS
@click.option("--title")
@click.option("--short-title")
@click.option("--jurisdiction", help="e.g. shanghai, shanghai/jingan, shenzhen")
@click.option("--level", type=click.Choice(["international", "national", "provincial", "municipal", "district"]))
@click.option(
    "--kind", type=click.Choice(["regulation", "action-plan", "opinions", "measures", "notice", "news-report"])
)
@click.option("--issuer", help="The issuing body, as named in corpus/agencies.yaml.")
@click.option("--source-name", "source_name", help="Where the text came from (address or archive).")
def new(source: Path, notice_id: str, corpus: Path, source_name: str | None, **given: str | None) -> None:
    """Create corpus/notices/ID/ from SOURCE: the text verbatim and a pre-filled notice.yaml."""
    from tools.load import NOTICE_ID, read_source
    from tools.scaffold import create

    if not NOTICE_ID.match(notice_id):
        raise click.UsageError(f"--id {notice_id!r}: use lowercase words joined by hyphens, e.g. beijing-ai-plan-2025")
    text, problems = read_source(source)
    if text is None:
        report(problems)
        sys.exit(1)
    options = {k: v for k, v in given.items() if v}
    if source_name:
        options["source"] = source_name
    try:
        folder, draft = create(corpus, notice_id, source, options)
    except FileExistsError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"created {folder}/source.txt and {folder}/notice.yaml")
    for item in draft.unknown:
        click.echo(f"  TODO {item}")
    click.echo("Next: fill the TODOs in notice.yaml, then run `policy-archive check`.")


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
@click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    default="mkdocs",
    show_default=True,
    help="The static site generator that renders the generated Markdown.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that parse, write and render pages at once  [default: this machine's cores]. "
    "The site is the same for any number.",
)
@PARSE_CACHE
def build(corpus: Path, out: Path, config_file: Path, engine: str, jobs: int | None, cache: Path | None) -> None:
    """Check the corpus, generate pages, render them and index them for search (atomically).
    For a preview that follows your edits, use `policy-archive serve`."""
    from tools.processes import default_jobs

    sys.exit(0 if _build(corpus, out, config_file, engine, jobs or default_jobs(), cache) else 1)


def _build(
    corpus: Path, out: Path, config_file: Path, engine: str = "mkdocs", jobs: int = 1, cache: Path | None = None
) -> bool:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from tools.build import build_site

    with Progress(TextColumn("generating pages"), BarColumn(), MofNCompleteColumn(), transient=True) as bar:
        task = bar.add_task("generate", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        result = build_site(
            corpus,
            out,
            config_file,
            say=lambda m: click.echo(m, err=True),
            progress=progress,
            engine=engine,
            jobs=jobs,
            cache=cache,
        )
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
    """Build a preview of the site and serve it locally, updating it when the corpus changes.

    The preview lives in its own folder beside OUT (``.site.preview/``): the published site
    is never written by it."""
    from tools.build import preview_folder
    from tools.preview import PreviewSession
    from tools.serve import Preview, preview_rebuild, serve_forever

    session = PreviewSession(corpus, config_file, preview_folder(out), cache=config_file.parent / ".cache" / "parse")
    click.echo("building the preview …", err=True)
    if not _told(session.start()):
        sys.exit(1)

    preview = Preview()
    pages = lambda: _told(session.update()).ok  # noqa: E731
    rest = lambda: _told(session.catch_up(), problems=False).rendered > 0  # noqa: E731
    rebuild = preview_rebuild(pages, rest, preview) if watch else None
    watched = [corpus, config_file.parent / "docs", config_file.parent / "overrides", config_file]
    serve_forever(session.site_dir, host, port, rebuild, watched, preview)


def _told(step: Step, problems: bool = True) -> Step:
    """Say what went wrong in a preview step (and its warnings, if ``problems``)."""
    if step.problems and (problems or not step.ok):
        report(step.problems)
    for warning in step.warnings:
        click.echo(f"warning from the engine: {warning}", err=True)
    if not step.ok:
        click.echo(step.message, err=True)
    return step


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
