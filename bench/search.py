"""Benchmark: the site search in Chromium, on the corpus and on the corpus copied to 3× its size.

For each site: first-query time and bytes fetched (every response body, from the first keystroke to the
results shown, in a fresh browser context, so nothing is cached), and the search index size per page.
Not a test: figures are printed for people and closing notes, never asserted.
Usage: python bench/search.py [CONTENT_DIR]     build CONTENT_DIR (default ../shared/corpus) and its 3× copy
       python bench/search.py --site SITE_DIR…  measure sites already built
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from builds import scaled_corpus  # noqa: E402 - bench/ is on the path: the corpus copied, as run.py does
from conftest import CHROMIUM, CHROMIUM_ARGS, CountingHandler  # noqa: E402 - the tests' browser and server

#: (query, what a right first result links to): a troubleshooting symptom and an agent's description words.
QUERIES = [("ECONNRESET", "#ts-econnreset"), ("GraphQL schema federation", "")]
TYPING_DELAY_MS = 40  # a fast typist: 25 characters a second
INDEX_FOLDERS = ("pagefind", "search")  # Pagefind's bundle, or Material's search_index.json
#: Every file of a search engine: the index folders and Material's search worker.
SEARCH_FILES = ("pagefind/", "search/", "assets/javascripts/workers/")


def main() -> int:
    """Build (or take) the sites, serve each on 127.0.0.1 and print what the first query costs."""
    if sys.argv[1:2] == ["--site"]:
        sites = [(Path(arg).name, Path(arg)) for arg in sys.argv[2:]]
        return measure_all(sites)
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    if not content.is_dir():
        print(f"{content}: not found; pass a content directory", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="atlas-search-bench-") as tmp:
        tripled = scaled_corpus(content.resolve(), 3, Path(tmp) / "content-3x")
        sites = []
        for label, source in (("corpus", content.resolve()), ("corpus ×3", tripled)):
            site = Path(tmp) / label.replace(" ", "-")
            seconds = build(source, site)
            print(f"{label}: built in {seconds:.0f} s")
            sites.append((label, site))
        return measure_all(sites)


def build(content: Path, site: Path) -> float:
    """Build a site from a content directory; seconds taken."""
    env = {**os.environ, "DOCS_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"build of {content} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - started


def measure_all(sites: list[tuple[str, Path]]) -> int:
    """Print the index size and each query's figures for every site."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        for label, site in sites:
            pages = sum(1 for _ in site.rglob("index.html"))
            folder = next((site / name for name in INDEX_FOLDERS if (site / name).is_dir()), None)
            index_bytes = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder else 0
            print(f"{label}: {pages} pages, search index {folder and folder.name}/ {index_bytes / 1e6:.1f} MB, "
                  f"{index_bytes / max(pages, 1) / 1e3:.1f} KB per page")
            base = serve(site)
            for query, expected in QUERIES:
                seconds, after_typing, fetched, requests, engine, found = first_query(browser, base, query, expected)
                print(f"  first query {query!r}: results {seconds:.2f} s after the first keystroke "
                      f"({after_typing:.2f} s after the last); {fetched / 1e3:.0f} KB in {requests} responses "
                      f"while typing, {engine / 1e3:.0f} KB of search files since the page was opened"
                      + (f"; expected result {'shown' if found else 'NOT shown'}" if expected else ""))
        browser.close()
    return 0


def serve(site: Path) -> str:
    """Serve a built site on 127.0.0.1 in a thread; its base URL."""
    handler = functools.partial(CountingHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def first_query(browser, base: str, query: str, expected: str) -> tuple[float, float, int, int, int, bool]:
    """Open the home page cold and type the query.

    Returns seconds to results (from the first and the last keystroke), bytes and responses from the first
    keystroke to the results, bytes of search files since the page was opened (Material fetches its whole
    index on page load, before any typing), and whether the expected result was shown.
    """
    context = browser.new_context()
    page = context.new_page()
    page.route(lambda url: not url.startswith(base), lambda route: route.abort())  # offline, as on an intranet
    CountingHandler.sent.clear()
    page.goto(base)
    page.wait_for_load_state("load")
    field = page.locator("input.md-search__input")
    field.click()
    page.wait_for_timeout(200)  # let anything the click started finish before counting
    before_typing = len(CountingHandler.sent)
    started = time.perf_counter()
    field.press_sequentially(query, delay=TYPING_DELAY_MS)
    typed = time.perf_counter()
    selector = f".md-search-result__item a[href*='{expected}']" if expected else ".md-search-result__item a"
    page.locator(selector).first.wait_for(state="visible", timeout=60_000)
    done = time.perf_counter()
    sent = list(CountingHandler.sent)
    typing = [size for _, size in sent[before_typing:]]
    engine = sum(size for path, size in sent if path.lstrip("/").startswith(SEARCH_FILES))
    found = page.locator(f".md-search-result__item a[href*='{expected}']").count() > 0 if expected else True
    context.close()
    return done - started, done - typed, sum(typing), len(typing), engine, found


if __name__ == "__main__":
    raise SystemExit(main())
