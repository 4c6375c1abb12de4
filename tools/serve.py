"""Serve: the built site over local HTTP, rebuilt when its sources change."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click


def _handler(site: Path) -> type[SimpleHTTPRequestHandler]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    return functools.partial(Quiet, directory=str(site))  # type: ignore[return-value]


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
            time.sleep(0.5)
            pending.clear()
            click.echo("change detected: rebuilding", err=True)
            rebuild()

    threading.Thread(target=loop, daemon=True).start()


def serve_forever(
    site: Path, host: str, port: int, rebuild: Callable[[], object] | None, watched: Sequence[Path]
) -> None:
    if rebuild:
        watch(watched, rebuild, ignore=[])
    server = ThreadingHTTPServer((host, port), _handler(site.resolve()))
    click.echo(f"serving {site} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
