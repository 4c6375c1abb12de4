"""Building and serving the site for tests: the real CLI, a real HTTP server."""

from __future__ import annotations

import functools
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

import lxml.html
import yaml

from tools.serve import QuietServer

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def html_tree(page: Path) -> lxml.html.HtmlElement:
    """A built page, parsed once per test process and never changed (lxml's C parser: the whole
    site in seconds; BeautifulSoup took a quarter of a minute for each test that read every page)."""
    return parse_html(page)


def parse_html(page: Path) -> lxml.html.HtmlElement:
    """A built page parsed afresh, for a test that changes the tree."""
    return lxml.html.document_fromstring(page.read_bytes(), parser=_PARSER)


_PARSER = lxml.html.HTMLParser(encoding="utf-8")


# libyaml's loader, as tools/load.py uses: PyYAML's pure-Python one took about a quarter of the
# test processes' own time (the agency registry alone is read for every small corpus).
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """What ``yaml.safe_load`` gives, read by libyaml."""
    return yaml.load(text, Loader=_LOADER)


# The developer reference is rendered from the code alone, by mkdocstrings, in about 1.5 CPU-s of
# every build: a test whose subject is a corpus builds with a stub in its place. The run's shared
# site and the byte-for-byte test render the real one, and test_site checks it.
REFERENCE_STUB = """---
title: Developer reference
---

# Developer reference

(A stub: this copy of the project builds a test's corpus.)
"""


def project_copy(folder: Path, reference: bool = False) -> Path:
    """A copy of the configuration, theme and hand-written pages, for a test to build with or to
    edit, whose developer reference is a stub unless ``reference``. Returns its ``mkdocs.yml``."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("overrides", "docs"):
        shutil.copytree(ROOT / name, folder / name)
    if not reference:
        (folder / "docs" / "reference.md").write_text(REFERENCE_STUB, encoding="utf-8")
    return folder / "mkdocs.yml"


# The console command in a process of its own, forked from one that has imported the project
# once (multiprocessing's fork server, preloaded): what ``python -m tools`` does, less the half
# second in which a new interpreter imports the project (a run starts some eighty commands).
# Each command still has its own process, working folder, exit code, and output to files.
_COMMANDS = multiprocessing.get_context("forkserver")
_COMMANDS.set_forkserver_preload(["tools.cli", "tools.pipeline", "tools.build", "tests.site_helpers"])


def command(*args: str, cwd: Path = ROOT, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``python -m tools *args`` in ``cwd``, run to its end: its exit code, its output and errors."""
    with tempfile.TemporaryDirectory(prefix="command-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        process = _COMMANDS.Process(target=_run_command, args=(args, cwd, dict(os.environ), out, err))
        process.start()
        process.join(timeout)
        if process.exitcode is None:
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired(["policy-archive", *args], timeout)
        output, errors = (path.read_text("utf-8", errors="replace") for path in (out, err))
        return subprocess.CompletedProcess(["policy-archive", *args], process.exitcode, output, errors)


def _run_command(args: tuple[str, ...], cwd: Path, env: dict[str, str], out: Path, err: Path) -> None:
    """In the forked process: the caller's folder and environment, output and errors to files as
    a shell redirects them, then the console entry point, whose exit is the process's."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    for fd, path in ((1, out), (2, err)):
        opened = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    sys.argv = [str(ROOT / "tools" / "__main__.py"), *args]
    from tools.cli import run

    try:
        run()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def build(out: Path, corpus: Path = ROOT / "corpus", *options: str) -> subprocess.CompletedProcess[str]:
    """``policy-archive build`` in a process of its own (``command``; ``options``: e.g. "--engine", "zensical").

    In one process unless ``options`` say "--jobs": the tests' small corpora render sooner than
    new processes start, and the suite already runs on every core (the shared site and the
    byte-for-byte test choose their own)."""
    jobs = () if "--jobs" in options else ("--jobs", "1")
    return command("build", "--corpus", str(corpus), "--out", str(out), *jobs, *options)


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site under a prefix, as GitHub Pages serves a project site."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[str]:
    handler = type("Handler", (_SubPathHandler,), {"prefix": prefix})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tools", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
