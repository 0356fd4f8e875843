"""Shared test helpers: real site builds in tmp_path, a local server, a real browser.

Tests that need what a fresh clone may lack (../shared/corpus, Chromium, Node) skip with a reason;
with ATLAS_REQUIRE_ALL=1 (set by .ci/run) those skips become failures, so CI never passes by skipping.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_EXTRA = ROOT.parent / "shared" / "corpus-extra"
CORPUS_PLUGINS = ROOT.parent / "shared" / "corpus-plugins"
CHROMIUM = Path("/usr/bin/chromium")
REQUIRE_ALL = os.environ.get("ATLAS_REQUIRE_ALL") == "1"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


def need(condition: bool, reason: str) -> None:
    """Skip when a prerequisite is missing; fail instead under ATLAS_REQUIRE_ALL=1."""
    if not condition:
        if REQUIRE_ALL:
            pytest.fail(f"required by ATLAS_REQUIRE_ALL=1: {reason}")
        pytest.skip(reason)


@dataclass
class Site:
    """A site built by `mkdocs build` from some content directory."""

    site_dir: Path
    log: str
    returncode: int

    def page(self, url: str) -> str:
        """The HTML of a site-relative URL such as 'api-design/agents/02-backend-patterns/'."""
        return (self.site_dir / url / "index.html").read_text(encoding="utf-8")


def make_project(tmp_path: Path, extra_docs: dict[str, str] | None = None) -> Path:
    """A throwaway project: the real mkdocs.yml, hooks and docs/, plus extra hand-written pages."""
    project = tmp_path / "project"
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "hooks").symlink_to(ROOT / "hooks")
    (project / "overrides").symlink_to(ROOT / "overrides")  # theme.custom_dir
    shutil.copytree(ROOT / "docs", project / "docs")
    for name, text in (extra_docs or {}).items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(text, encoding="utf-8")
    return project


def build_site(
    content_dir: Path, tmp_path: Path, *, strict: bool = False, extra_docs: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
) -> Site:
    """Run a real `mkdocs build` over `content_dir` into tmp_path/site, in its own process (`env`: e.g. SITE_URL)."""
    project = make_project(tmp_path, extra_docs)
    site_dir = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "DOCS_CONTENT_DIR": str(content_dir), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=project)
    return Site(site_dir, done.stdout + done.stderr, done.returncode)


def write_collection(root: Path, files: dict[str, str]) -> Path:
    """Write a content directory from {relative path: text}; returns its root."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The real-world corpus beside the checkout."""
    need(CORPUS.is_dir(), f"the real-world corpus {CORPUS} is absent (a fresh clone has no ../shared)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_extra_dir() -> Path:
    """The second real-world corpus beside the checkout (other layouts and phrasings)."""
    need(CORPUS_EXTRA.is_dir(), f"the second corpus {CORPUS_EXTRA} is absent (a fresh clone has no ../shared)")
    return CORPUS_EXTRA


@pytest.fixture(scope="session")
def corpus_plugins_dir() -> Path:
    """The plugin-marketplace corpus beside the checkout (manifests, commands, hooks, MCP configs)."""
    need(CORPUS_PLUGINS.is_dir(), f"the plugin corpus {CORPUS_PLUGINS} is absent (a fresh clone has no ../shared)")
    return CORPUS_PLUGINS


@pytest.fixture(scope="session")
def all_corpora_site(corpus_dir: Path, corpus_extra_dir: Path, corpus_plugins_dir: Path,
                     tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Every collection of the three corpora in one content folder (links to them), built in one run: no file of any
    corpus may stop the build or cost another its page (not strict: the corpora have real problems)."""
    tmp_path = tmp_path_factory.mktemp("all-corpora")
    content = tmp_path / "content"
    content.mkdir()
    for corpus in (corpus_dir, corpus_extra_dir, corpus_plugins_dir):
        for collection in sorted(p for p in corpus.iterdir() if p.is_dir()):
            (content / collection.name).symlink_to(collection, target_is_directory=True)
    site = build_site(content, tmp_path)
    assert site.returncode == 0, site.log[-5000:]
    return site


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The default site (content/), built strict once per session."""
    site = build_site(CONTENT, tmp_path_factory.mktemp("seed"), strict=True)
    assert site.returncode == 0, site.log
    return site


@pytest.fixture(scope="session")
def corpus_site(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The whole corpus built once per session (not strict: the corpus has real problems)."""
    site = build_site(corpus_dir, tmp_path_factory.mktemp("corpus"))
    assert site.returncode == 0, site.log
    return site


@pytest.fixture(scope="session")
def corpus_extra_site(corpus_extra_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The second corpus built once per session (other layouts: .claude/, skill-owned agents, no frontmatter)."""
    site = build_site(corpus_extra_dir, tmp_path_factory.mktemp("corpus-extra"))
    assert site.returncode == 0, site.log
    return site


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a site quietly and notes every body it sends, so tests see what a page fetched (workers too)."""

    sent: list[tuple[str, int]] = []  # (path, bytes) per response body, across servers; clear it before use

    def copyfile(self, source, outputfile) -> None:  # noqa: ANN001 - stdlib signature
        data = source.read()
        outputfile.write(data)
        self.sent.append((self.path, len(data)))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def serve():
    """Serve a built site on 127.0.0.1; returns the base URL. Servers stop with the session."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(site_dir: Path) -> str:
        handler = functools.partial(CountingHandler, directory=str(site_dir))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base(seed_site, serve) -> str:
    """The seed site served on 127.0.0.1."""
    return serve(seed_site.site_dir)


@pytest.fixture(scope="session")
def instant_base(serve, tmp_path_factory) -> str:
    """The seeds built with SITE_URL set to their own local server, so Material's instant navigation is on.

    Instant navigation only takes over links listed in sitemap.xml, resolved against site_url.
    """
    tmp_path = tmp_path_factory.mktemp("instant")
    base = serve(tmp_path / "site")  # serves the directory as it is at each request: build it after
    site = build_site(CONTENT, tmp_path, env={"SITE_URL": base})
    assert site.returncode == 0, site.log
    return base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, headless."""
    need(CHROMIUM.exists(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Two cores shared with a web worker indexing search: give assertions room rather than flake.
    sync_api.expect.set_options(timeout=15_000)
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh browser page; console errors are collected in page.errors."""
    context = browser.new_context()
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


#: Property tests (test_fuzz.py) count the examples each ran; the counts are printed at the end of the run.
EXAMPLE_COUNTS: dict[str, int] = {}


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the Hypothesis example counts, so a run shows how much the property tests tried."""
    if EXAMPLE_COUNTS:
        counts = ", ".join(f"{name} {count}" for name, count in sorted(EXAMPLE_COUNTS.items()))
        terminalreporter.write_line(f"hypothesis examples: {sum(EXAMPLE_COUNTS.values())} calls ({counts})")
