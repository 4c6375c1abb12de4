"""Shared fixtures: the real corpus, run through the real pipeline."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tools.models import Archive
from tools.pipeline import build_archive

from .site_helpers import command, load_yaml, project_copy

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """The real corpus through the pipeline (the run's copy of it, which the shared site is built
    from, when the site is built this run). Its notices are parsed once per run: the shared
    site's build keeps them in the run's parse cache (``build --cache``, as ``serve`` keeps one)
    and each xdist worker reads them from it (whatever is not there yet, the first to ask
    parses), then runs the archive-wide stages."""
    from filelock import FileLock

    run = _run_folder(tmp_path_factory)
    with FileLock(str(run / "parse-cache.lock")):
        return build_archive(_run_corpus(run), cache=run / "parse-cache")


def _run_corpus(run: Path) -> Path:
    """The shared site's copy of the corpus once its build has parsed it, where a selected test
    reads the site (its build started when collection ended); else the corpus itself, parsed
    here (a run of a few tests does not start a whole build for them)."""
    folder = run / "shared-site"
    if not (folder / "started").exists():
        return CORPUS
    _wait_for_its_parse(folder)
    return folder / "corpus"


def _wait_for_its_parse(folder: Path, timeout: float = 600) -> None:
    """Until the shared site's build has parsed the corpus (or ended): a few seconds into the
    run, in which the cores are busy with that build, rather than parse it a second time."""
    deadline = time.time() + timeout
    log = folder / "build.log"
    while not (folder / "exit").exists() and time.time() < deadline:
        if log.exists() and "parsed " in log.read_text("utf-8", errors="replace"):
            return
        time.sleep(0.2)


@dataclass(frozen=True)
class ParsedCorpus:
    """The run's copy of the corpus and the parse cache that holds every notice of it."""

    corpus: Path
    cache: Path


@pytest.fixture(scope="session")
def parsed_corpus(archive: Archive, tmp_path_factory: pytest.TempPathFactory) -> ParsedCorpus:
    """For ``check --cache`` and ``export --cache`` on the corpus, which then parse nothing
    again: its notices were parsed once this run, by this code, from these files."""
    run = _run_folder(tmp_path_factory)
    return ParsedCorpus(_run_corpus(run), run / "parse-cache")


@dataclass(frozen=True)
class SharedSite:
    """The site every test that only reads a site shares: built once per run (across xdist
    workers too), from a copy of the corpus taken when its build started."""

    path: Path
    corpus: Path
    built_after: float  # when its build started, in this run (time.time())
    output: str  # what the build printed


SITE_FIXTURES = {"site", "shared_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Heavy files first (they build sites, run the command many times or drive a browser), those
    that do not read the shared site before those that do, so that every core has work while the
    shared site is built; the quick files last, to even out the end. Test files run whole on one
    worker each, in this order (``--dist loadfile --no-loadscope-reorder``)."""
    reads_site = {item.path for item in items if SITE_FIXTURES & set(getattr(item, "fixturenames", ()))}

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("heavy") is None:
            return 2
        return 1 if item.path in reads_site else 0

    items.sort(key=rank)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the shared site as soon as the collected tests show that one reads it."""
    wanted = any(SITE_FIXTURES & set(getattr(item, "fixturenames", ())) for item in session.items)
    if wanted and not session.config.option.collectonly:
        _start_shared_site(_run_folder(session.config._tmp_path_factory))  # type: ignore[attr-defined]


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Remove the folders of old runs in the background. pytest keeps the last few runs' folders
    and removes older ones when a run ends; a run's folder holds some 30,000 files (sites,
    builds, copies of the corpus), and removing one kept the run waiting 5-6 s after its last
    test. Each folder is claimed as pytest claims it (its lock file, made exclusively) and moved
    aside under a name pytest clears after three days if the removal is ever cut short."""
    factory = session.config._tmp_path_factory  # type: ignore[attr-defined]
    if os.environ.get("PYTEST_XDIST_WORKER") or factory._given_basetemp is not None:
        return  # a worker, or a --basetemp of the caller's: no numbered folders of pytest's
    clear_old_runs(_run_folder(factory).parent, int(session.config.getini("tmp_path_retention_count")))


def clear_old_runs(root: Path, keep: int) -> subprocess.Popen[bytes] | None:
    """Move aside pytest's numbered run folders in ``root`` older than the last ``keep`` (but
    those another run holds) and remove them in a detached process, which is returned."""
    runs = {int(m.group(1)): path for path in root.iterdir() if (m := re.fullmatch(r"pytest-(\d+)", path.name))}
    aside = [
        moved for number, path in runs.items() if number <= max(runs, default=0) - keep and (moved := _claim(path))
    ]
    if not aside:
        return None
    remove = "import shutil, sys\nfor path in sys.argv[1:]: shutil.rmtree(path, ignore_errors=True)"
    quiet = subprocess.DEVNULL  # holds no pipe of the run's open (a pipe's reader would wait for it)
    command = [sys.executable, "-c", remove, *map(str, aside)]
    return subprocess.Popen(command, stdin=quiet, stdout=quiet, stderr=quiet, start_new_session=True)


def _claim(run: Path) -> Path | None:
    """The run's folder moved aside, claimed by its lock file; None if another run holds it."""
    lock = run / ".lock"
    try:
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except OSError:
        return None
    try:
        return run.rename(run.with_name(f"garbage-{uuid.uuid4()}"))
    except OSError:
        lock.unlink(missing_ok=True)
        return None


def _start_shared_site(run: Path) -> Path:
    """Build the shared site in the background, once per run (the first worker to ask starts it):
    from a copy of the corpus taken now, through the real command, in at least two processes
    so that the byte-for-byte test compares rendering in shares with rendering in one."""
    from filelock import FileLock

    from tools.processes import default_jobs

    folder = run / "shared-site"
    with FileLock(str(run / "shared-site.lock")):
        if not (folder / "started").exists():
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(CORPUS, folder / "corpus")
            (folder / "started").write_text(repr(time.time()))
            build = [sys.executable, "-m", "tools", "build", "--corpus", folder / "corpus", "--out", folder / "site"]
            build += ["--jobs", str(max(2, default_jobs())), "--cache", run / "parse-cache"]
            command = " ".join(shlex.quote(str(part)) for part in build)
            log, done = (shlex.quote(str(folder / name)) for name in ("build.log", "exit"))
            script = f"{command} > {log} 2>&1; echo $? > {done}.tmp; mv {done}.tmp {done}"
            subprocess.Popen(["sh", "-c", script], cwd=ROOT, start_new_session=True)
    return folder


@pytest.fixture(scope="session")
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> SharedSite:
    folder = _start_shared_site(_run_folder(tmp_path_factory))
    deadline = time.time() + 600
    while not (folder / "exit").exists():
        assert time.time() < deadline, f"the shared site was not built in 10 minutes: {folder}/build.log"
        time.sleep(0.2)
    output = (folder / "build.log").read_text("utf-8")
    assert (folder / "exit").read_text().strip() == "0", output
    return SharedSite(folder / "site", folder / "corpus", float((folder / "started").read_text()), output)


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this run's own, the same for every xdist worker (their base folders' parent)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def site(shared_site: SharedSite) -> Path:
    """The real corpus built into a site once per run, through the real command."""
    return shared_site.path


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of the corpus that a test may break."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def make_small_corpus(target: Path, keep: tuple[str, ...], lock: bool = False) -> Path:
    """A copy of the corpus with only some notices, for tests whose subject is not the whole
    corpus (escaping, concurrency, previews, a change to one notice): it builds in a few seconds.
    Without those notices the published URLs of the others would vanish, so the copy's URL lock
    is removed, or (``lock``) keeps only the URLs of what is kept."""
    shutil.copytree(CORPUS, target)
    dropped = [f.name for f in (target / "notices").iterdir() if f.name not in keep]
    for name in dropped:
        shutil.rmtree(target / "notices" / name)
    gone = tuple(f"{where}/{name}{end}" for name in dropped for where, end in (("notices", "/"), ("targets", "--")))
    gone += tuple(f"agencies/{agency}/" for agency in _drop_agencies(target / "agencies.yaml", set(dropped)))
    # So do the progress records of their targets.
    for record in (target / "progress").glob("*.yaml"):
        if record.name.startswith(tuple(f"{name}--" for name in dropped)):
            record.unlink()
    # Redirects from or to the dropped notices' pages go with them.
    redirects_file = target / "redirects.yaml"
    redirects = load_yaml(redirects_file.read_text("utf-8"))["redirects"] or {}
    kept = {old: new for old, new in redirects.items() if not old.startswith(gone) and not new.startswith(gone)}
    redirects_file.write_text(yaml.safe_dump({"redirects": kept}, allow_unicode=True), encoding="utf-8")
    lock_file = target / "urls.lock"
    if not lock:
        lock_file.unlink()
        return target
    lines = lock_file.read_text("utf-8").splitlines(keepends=True)
    lock_file.write_text("".join(line for line in lines if not line.startswith(gone)), encoding="utf-8")
    return target


def _drop_agencies(registry: Path, dropped: set[str]) -> list[str]:
    """Take out of the copy's registry the agencies that only the dropped notices name (and that
    no kept agency has as its parent): a page each would be rendered for nothing. Their blocks
    are cut from the text, so the rest of the file keeps its lines' shape."""
    agencies = load_yaml(registry.read_text("utf-8"))["agencies"]
    parents = {a.get("parent") for a in agencies}
    gone = [a["id"] for a in agencies if a.get("notices") and set(a["notices"]) <= dropped and a["id"] not in parents]
    blocks = re.split(r"(?m)^(?=  - id: )", registry.read_text("utf-8"))
    kept = [b for b in blocks if (m := re.match(r"  - id: ([a-z0-9-]+)", b)) is None or m.group(1) not in gone]
    registry.write_text("".join(kept), encoding="utf-8")
    return gone


SMALL = ("shenzhen-ai-action-plan-2023-2024", "cn-state-council-ai-plus-opinions-2025")
# A short notice (103 pages built, against the Shenzhen plan's 148), for a test whose subject is
# not the notice (a build's failure, concurrency, a hand-written page).
SHORT = ("oecd-ai-recommendation-2019-2024",)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Two notices, one English and one Chinese, with no URL lock."""
    return make_small_corpus(tmp_path / "corpus", SMALL)


@pytest.fixture
def shenzhen_corpus(tmp_path: Path) -> Path:
    """The Shenzhen plan alone, with its published URLs locked: for a test that changes one
    notice and builds, a site of a few seconds instead of the whole archive's."""
    return make_small_corpus(tmp_path / "corpus", ("shenzhen-ai-action-plan-2023-2024",), lock=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The ``mkdocs.yml`` of a copy of the project with a stub for the developer reference, for a
    test whose subject is a corpus (a test may edit its copy)."""
    return project_copy(tmp_path / "project")


Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli() -> Cli:
    """Run the real console command in a process of its own, as a maintainer would (forked from
    one that imported the project once: ``site_helpers.command``)."""

    return command
