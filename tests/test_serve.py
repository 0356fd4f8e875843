"""`mkdocs serve` rebuilds the site when an author edits a content file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import make_project, write_collection


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_until(url: str, expected: str, seconds: float = 60) -> str:
    """Poll a served page until it contains `expected` (or the time is up)."""
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=5).read().decode()
            if expected in text:
                return text
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.5)
    return text


def test_editing_content_rebuilds_the_page(tmp_path):
    """A changed description in content/ shows up on the served page without a restart."""
    content = write_collection(tmp_path / "content", {"c/agents/a.md": "---\nname: a\ndescription: first words\n---\n# A\n"})
    project = make_project(tmp_path)
    port = free_port()
    env = {**os.environ, "DOCS_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        env=env, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/c/agents/a/"
        assert "first words" in fetch_until(url, "first words")
        (content / "c/agents/a.md").write_text("---\nname: a\ndescription: second words\n---\n# A\n")
        assert "second words" in fetch_until(url, "second words")
    finally:
        server.terminate()
        server.wait(timeout=10)
