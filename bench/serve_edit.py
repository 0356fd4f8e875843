"""Edit-to-visible time under a real `mkdocs serve`: edit a copied content file, poll the page over HTTP."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.05


def edit_seconds(content: Path, source: str, url_path: str, edits: int, serve_args: list[str]) -> tuple[float, float]:
    """(first build seconds, median edit-to-visible seconds) for `edits` edits of `source` in a copy of `content`."""
    port = _free_port()
    env = {**os.environ, "DOCS_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *serve_args]
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{url_path}"
    try:
        _wait_for(url, "</html>", 900)
        first = time.perf_counter() - started
        path = content / source
        original = path.read_text(encoding="utf-8")
        times = []
        for number in range(edits):
            marker = f"bench-edit-{number}-{time.time_ns()}"
            started = time.perf_counter()
            path.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            _wait_for(url, marker, 300)
            times.append(time.perf_counter() - started)
            time.sleep(1)  # let the watcher settle before the next edit
        path.write_text(original, encoding="utf-8")
        return first, statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(url: str, expected: str, seconds: float) -> None:
    """Poll until the page holds `expected`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if expected in urllib.request.urlopen(url, timeout=10).read().decode(errors="replace"):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{url} did not show {expected!r} within {seconds} s")


def _free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
