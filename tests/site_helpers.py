"""Building and serving the site for tests: the real CLI, a real HTTP server."""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import lxml.html
import yaml

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


def build(out: Path, corpus: Path = ROOT / "corpus", *options: str) -> subprocess.CompletedProcess[str]:
    """``policy-archive build`` in a child process (``options``: e.g. "--engine", "zensical").

    In one process unless ``options`` say "--jobs": the tests' small corpora render sooner than
    new processes start, and the suite already runs on every core (the shared site and the
    byte-for-byte test choose their own)."""
    jobs = () if "--jobs" in options else ("--jobs", "1")
    return subprocess.run(
        [sys.executable, "-m", "tools", "build", "--corpus", str(corpus), "--out", str(out), *jobs, *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


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
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
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
