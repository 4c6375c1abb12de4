"""Serve: the built site over local HTTP for a maintainer's preview, rebuilt when its sources change.

After a change the pages are updated first and every open tab reloads; the search index is
refreshed after that, and the page (and the terminal) says when search is current again. Only
the served copy carries the small reload script: the built site is untouched.
"""

from __future__ import annotations

import functools
import json
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click

STATUS_PATH = "/__preview__"
# Polls the preview's status: reloads the tab when the pages changed, shows when search is behind.
RELOAD_SCRIPT = b"""<script>(function () {
  var seen = null, note = null;
  function tick() {
    fetch("%s", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen) { location.reload(); return; }
      seen = s.version;
      if (s.search === "updating" && !note) {
        note = document.createElement("div");
        note.setAttribute("role", "status");
        note.className = "preview-note";
        note.textContent = "Preview: this page is updated; the overview pages and the search index are catching up\\u2026";
        note.style.cssText = "position:fixed;bottom:0;left:0;right:0;padding:.4em 1em;background:#fff3cd;color:#3d2b00;z-index:10;font:14px sans-serif";
        document.body.appendChild(note);
      } else if (s.search !== "updating" && note) { note.remove(); note = null; }
    }).catch(function () {});
  }
  tick();
  setInterval(tick, 500);
})();</script>""" % STATUS_PATH.encode()


@dataclass
class Preview:
    """What the served pages poll: the pages' version, and whether search is current."""

    version: int = 0
    search: str = "current"


def _handler(site: Path, preview: Preview) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.split("?")[0] == STATUS_PATH:
                self._send(
                    json.dumps({"version": preview.version, "search": preview.search}).encode(), "application/json"
                )
                return
            path = Path(self.translate_path(self.path))
            page = path / "index.html" if path.is_dir() and self.path.endswith("/") else path
            if page.suffix == ".html" and page.is_file():
                html = page.read_bytes()
                self._send(html.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1), "text/html; charset=utf-8")
                return
            super().do_GET()

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return functools.partial(Handler, directory=str(site))  # type: ignore[return-value]


def watch(paths: Sequence[Path], rebuild: Callable[[], object], ignore: Sequence[Path]) -> None:
    """Rebuild (debounced) whenever a watched file changes."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    pending = threading.Event()
    ignored = [str(p.resolve()) for p in ignore]

    class OnChange(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            path = str(event.src_path)
            if event.event_type in {"opened", "closed_no_write"} or any(path.startswith(i) for i in ignored):
                return
            pending.set()

    observer = Observer()
    for path in paths:
        if path.exists():
            observer.schedule(OnChange(), str(path.resolve()), recursive=path.is_dir())
    observer.daemon = True
    observer.start()

    def loop() -> None:
        while True:
            pending.wait()
            time.sleep(0.3)
            pending.clear()
            click.echo("change detected: rebuilding", err=True)
            try:
                rebuild()
            except Exception as exc:  # noqa: BLE001  (a dead watcher thread would stop the preview silently)
                click.echo(f"preview not updated: {exc.__class__.__name__}: {exc}", err=True)

    threading.Thread(target=loop, daemon=True).start()


def preview_rebuild(
    update_pages: Callable[[], bool], catch_up: Callable[[], bool], preview: Preview
) -> Callable[[], None]:
    """A rebuild for ``serve``: the changed pages first (open tabs reload), then the rest of
    the site and the search index (tabs reload again if more pages changed)."""

    def rebuild() -> None:
        start = time.perf_counter()
        if not update_pages():
            return
        preview.search = "updating"
        preview.version += 1
        click.echo(f"pages updated in {time.perf_counter() - start:.1f}s; search index updating", err=True)
        if catch_up():
            preview.version += 1
        preview.search = "current"
        click.echo(f"search index is current again ({time.perf_counter() - start:.1f}s after the change)", err=True)

    return rebuild


class QuietServer(ThreadingHTTPServer):
    """A threading HTTP server that says nothing when a browser drops a connection (a tab
    closed or sent elsewhere while a file was on its way): that is no error of the site's."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def serve_forever(
    site: Path,
    host: str,
    port: int,
    rebuild: Callable[[], object] | None,
    watched: Sequence[Path],
    preview: Preview | None = None,
) -> None:
    if rebuild:
        watch(watched, rebuild, ignore=[])
    server = QuietServer((host, port), _handler(site.resolve(), preview or Preview()))
    click.echo(f"serving {site} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
