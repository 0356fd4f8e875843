"""`mkdocs serve` rebuilds the site when an author edits a content file."""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zlib
from pathlib import Path

from conftest import make_project, write_collection

from docs_build.adapter.search_index import indexed_fragments


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served(tmp_path: Path, content: Path, *flags: str, env: dict[str, str] | None = None, log: Path | None = None):
    """A real `mkdocs serve` of `content` on a free 127.0.0.1 port, stopped on exit; yields its base URL."""
    project = make_project(tmp_path)
    port = free_port()
    env = {**os.environ, "DOCS_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")]
    with (log.open("w") if log else open(os.devnull, "w")) as out:
        server = subprocess.Popen(command, env=env, cwd=project, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


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


def search_records_until(site: Path, expected: str, seconds: float = 60) -> list[dict]:
    """Poll the served site's search index (Pagefind's records) until one holds `expected`."""
    deadline, records = time.monotonic() + seconds, []
    while time.monotonic() < deadline:
        try:
            records = indexed_fragments(site)
        except (OSError, EOFError, ValueError, zlib.error):  # caught while Pagefind rewrites it
            records = []
        if expected in json.dumps(records):
            return records
        time.sleep(0.5)
    return records


def test_editing_content_rebuilds_the_page(tmp_path):
    """A changed description in content/ shows up on the served page without a restart."""
    content = write_collection(tmp_path / "content", {"c/agents/a.md": "---\nname: a\ndescription: first words\n---\n# A\n"})
    with served(tmp_path, content) as base:
        url = base + "c/agents/a/"
        assert "first words" in fetch_until(url, "first words")
        (content / "c/agents/a.md").write_text("---\nname: a\ndescription: second words\n---\n# A\n")
        assert "second words" in fetch_until(url, "second words")


def test_dirty_serve_rebuilds_only_the_edited_page_and_keeps_search_whole(tmp_path):
    """Under `mkdocs serve --dirty` an edit rewrites its page, leaves other pages' files alone, and search keeps every page."""
    content = write_collection(tmp_path / "content", {
        "c/agents/a.md": "---\nname: a\ndescription: first words\n---\n# A\n\nAlpha body.\n",
        "c/agents/b.md": "---\nname: b\ndescription: untouched\n---\n# B\n\nBravo body.\n",
        "d/agents/e.md": "---\nname: e\ndescription: elsewhere\n---\n# E\n\nEcho body.\n",
    })
    temp, log = tmp_path / "tmp", tmp_path / "serve.log"
    temp.mkdir()
    with served(tmp_path, content, "--dirty", env={"TMPDIR": str(temp)}, log=log) as base:
        assert "first words" in fetch_until(base + "c/agents/a/", "first words")
        site = next(temp.glob("mkdocs_*"))  # the server's own site directory
        untouched = {p: p.stat().st_mtime_ns for p in (site / "c/agents/b/index.html", site / "d/agents/e/index.html")}
        before = {record["url"] for record in search_records_until(site, "first words")}
        time.sleep(1.1)  # a rewrite would show in the modification time
        (content / "c/agents/a.md").write_text("---\nname: a\ndescription: second words\n---\n# A\n\nAlpha body.\n")
        assert "second words" in fetch_until(base + "c/agents/a/", "second words")
        assert {p: p.stat().st_mtime_ns for p in untouched} == untouched
        records = search_records_until(site, "second words")
        assert {record["url"] for record in records} == before  # every page, not only the rebuilt one
        assert "Bravo body." in json.dumps(records) and "first words" not in json.dumps(records)
        rebuilt, total = map(int, re.search(r"dirty rebuild: (\d+) of (\d+)", log.read_text()).groups())
        assert rebuilt < total  # the page, its collection's and folder's listings; not the whole site


def test_a_dirty_build_to_deploy_is_refused(tmp_path):
    """`mkdocs build --dirty` stops with a reason: dirty builds are for serving only."""
    content = write_collection(tmp_path / "content", {"c/agents/a.md": "---\nname: a\ndescription: d\n---\n# A\n"})
    project = make_project(tmp_path)
    env = {**os.environ, "DOCS_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-f", str(project / "mkdocs.yml")],
                          env=env, cwd=project, capture_output=True, text=True)
    assert done.returncode != 0
    assert "for 'mkdocs serve --dirty' only" in done.stderr
