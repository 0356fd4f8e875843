"""Benchmark: the faceted catalog page (/catalog/) in Chromium: size, load long tasks, cost of filtering.

Not a test: figures are printed for people and closing notes, never asserted.
Usage: python bench/catalog.py [SITE_DIR]   (a built site; without one, ../shared/corpus is built first)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from browser import CHROMIUM, TIMINGS, metrics, serve, typing_cost
from hub import LONG_TASKS_JS
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
QUERY = "kubernetes"
ROWS = "[data-atlas-facets] tbody tr"


def main() -> int:
    """Measure a given site, or build the corpus into a temporary folder and measure that."""
    if len(sys.argv) > 1:
        return measure(Path(sys.argv[1]))
    if not CORPUS.is_dir():
        print(f"{CORPUS}: not found; pass a built SITE_DIR", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DOCS_CONTENT_DIR": str(CORPUS), "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", tmp], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        return measure(Path(tmp))


def measure(site: Path) -> int:
    """Open the catalog, type into its filter, pick facets, reopen a shared URL; print what each costs."""
    page_file = site / "catalog" / "index.html"
    if not page_file.is_file():
        print(f"{site}: no catalog/ page; is it a built Agent Atlas site?", file=sys.stderr)
        return 2
    root, server = serve(site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("https://**/*", lambda route: route.abort())  # offline: no CDN
        page.goto(root + "catalog/")
        tasks = page.evaluate(LONG_TASKS_JS)
        rows = page.locator(ROWS).count()
        print(f"catalog: {rows} rows, page {page_file.stat().st_size / 1024:.0f} KB of HTML")
        print(f"long tasks on load: {[round(t) for t in tasks]} ms")
        page.locator("[data-atlas-facet-text]").click()
        per_key = typing_cost(page, QUERY, f"new URL(location.href).searchParams.get('filter') === '{QUERY}'")
        print(f"typing '{QUERY}': main-thread cost per keystroke (ms): {per_key}")
        print(f"visible after filter: {page.locator(ROWS + ':visible').count()}")
        page.goto(root + "catalog/")
        select = page.locator("[data-atlas-facet='kind']")
        page.evaluate(LONG_TASKS_JS)  # let the load's own work finish first (1.5 s)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        before = metrics(cdp)
        select.select_option("agent")
        page.wait_for_function("new URL(location.href).searchParams.get('kind') === 'agent'")
        after = metrics(cdp)
        cost = {k: round((after[k] - before[k]) * 1000, 1) for k in TIMINGS}
        print(f"facet kind=agent: main-thread cost (ms): {cost} ({page.locator(ROWS + ':visible').count()} visible)")
        started = time.perf_counter()
        page.goto(root + "catalog/?kind=agent&tool=Bash&filter=test")
        page.wait_for_function("document.querySelector('[data-atlas-facets]').dataset.atlasReady === '1'")
        print(f"shared URL ?kind=agent&tool=Bash&filter=test: loaded and filtered in "
              f"{(time.perf_counter() - started) * 1000:.0f} ms wall clock "
              f"({page.locator(ROWS + ':visible').count()} visible)")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
