"""The maintainer's preview: `policy-archive serve` running, a notice edited, the page updated,
open tabs told to reload, then the search index current again."""

from __future__ import annotations

import json
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .site_helpers import ROOT, serve
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


def test_a_dropped_connection_prints_no_traceback(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    # A tab closed while a large file was on its way: the server says nothing, and serves on.
    (tmp_path / "big.bin").write_bytes(b"x" * 16_000_000)
    (tmp_path / "small.txt").write_text("still here", encoding="utf-8")
    with serve(tmp_path) as url:
        baseline = threading.active_count()
        address = urlsplit(url)
        with socket.create_connection((str(address.hostname), int(address.port or 80))) as client:
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
            assert client.recv(1024).startswith(b"HTTP/1.0 200")
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset on close
        deadline = time.monotonic() + 10
        while threading.active_count() > baseline and time.monotonic() < deadline:
            time.sleep(0.05)  # until the server's thread for that request has ended
        assert _get(url + "small.txt") == "still here"
    assert "Traceback" not in capfd.readouterr().err
