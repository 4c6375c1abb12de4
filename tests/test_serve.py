"""The maintainer's preview: `policy-archive serve` running, a notice edited, the page updated,
open tabs told to reload, then the search index current again."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .site_helpers import ROOT
from .test_check import edit

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

SHENZHEN = "notices/shenzhen-ai-action-plan-2023-2024"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def _wait(condition: object, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():  # type: ignore[operator]
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_serve_updates_the_page_then_the_search(small_corpus: Path, tmp_path: Path) -> None:
    port = _free_port()
    command = ["serve", "--corpus", str(small_corpus), "--out", str(tmp_path / "site"), "--port", str(port)]
    log = tmp_path / "serve.log"  # a file, not a pipe: nobody reads a pipe while it runs, and a full one stops it
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "tools", *command], cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, text=True
        )
    base = f"http://127.0.0.1:{port}/"
    status = lambda: json.loads(_get(base + "__preview__"))  # noqa: E731
    try:
        _wait(lambda: status()["version"] == 0)
        page = _get(base + SHENZHEN + "/")
        assert "__preview__" in page  # the served copy polls for changes
        served = tmp_path / ".site.preview" / "site" / SHENZHEN / "index.html"
        assert "__preview__" not in served.read_text()  # the files do not
        assert not (tmp_path / "site").exists()  # the preview never writes the published site
        before = status()["version"]
        edit(
            small_corpus / SHENZHEN / "notice.yaml",
            "short_title: Shenzhen AI Action Plan (2023–2024)",
            "short_title: Shenzhen AI Plan, edited",
        )
        # The version moves on (once for the changed pages, again when the rest catches up; a
        # poll may see either), and the page shows the edit.
        _wait(lambda: status()["version"] > before)
        _wait(lambda: "Shenzhen AI Plan, edited" in _get(base + SHENZHEN + "/"), timeout=60)
        _wait(lambda: status()["search"] == "current")
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = log.read_text("utf-8")
    assert "pages updated in" in output and "search index is current again" in output
