"""Benchmark: the troubleshooting hub in Chromium: page height, row heights, long tasks, cost of filtering.

Not a test: figures are printed for people and closing notes, never asserted.
Usage: python bench/hub.py SITE_DIR   (a built site, e.g. DOCS_CONTENT_DIR=../shared/corpus mkdocs build -d SITE_DIR)
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from browser import CHROMIUM, serve, typing_cost
from playwright.sync_api import sync_playwright

QUERY = "econnreset"
#: Long tasks since navigation start, observed with buffering so the load itself counts.
LONG_TASKS_JS = """() => new Promise(resolve => {
  const tasks = [];
  new PerformanceObserver(list => tasks.push(...list.getEntries().map(e => e.duration)))
    .observe({type: "longtask", buffered: true});
  setTimeout(() => resolve(tasks), 1500);
})"""


def main() -> int:
    """Serve the site, open the hub on a desktop and a phone viewport, print what it costs."""
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if site is None or not (site / "troubleshooting" / "index.html").is_file():
        print("usage: python bench/hub.py SITE_DIR (a built site with troubleshooting/)", file=sys.stderr)
        return 2
    root, server = serve(site)
    base = root + "troubleshooting/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("https://**/*", lambda route: route.abort())  # offline: no CDN
        page.goto(base)
        tasks = page.evaluate(LONG_TASKS_JS)
        rows = page.locator("[data-atlas-ts-hub] tbody tr")
        heights = page.evaluate("[...document.querySelectorAll('[data-atlas-ts-hub] tbody tr')].map(r => r.offsetHeight)")
        print(f"rows: {rows.count()}")
        print(f"desktop page height: {page.evaluate('document.documentElement.scrollHeight')} px")
        print(f"row height: median {statistics.median(heights)} px, max {max(heights)} px")
        print(f"table wider than its column: {page.evaluate(_OVERFLOW_JS)}")
        print(f"long tasks on load: {[round(t) for t in tasks]} ms")
        page.locator("[data-atlas-ts-filter]").click()
        per_key = typing_cost(page, QUERY, f"new URL(location.href).searchParams.get('filter') === '{QUERY}'")
        print(f"typing '{QUERY}': main-thread cost per keystroke (ms): {per_key}")
        print(f"visible after filter: {page.locator('[data-atlas-ts-hub] tbody tr:visible').count()}")
        phone = browser.new_page(viewport={"width": 375, "height": 667}, is_mobile=True)
        phone.route("https://**/*", lambda route: route.abort())
        phone.goto(base)
        box = phone.locator("[data-atlas-ts-filter]").bounding_box()
        print(f"phone: filter box top at {box and round(box['y'])} px (viewport 667)")
        print(f"phone page height: {phone.evaluate('document.documentElement.scrollHeight')} px")
        browser.close()
    server.shutdown()
    return 0


_OVERFLOW_JS = """() => { const t = document.querySelector('[data-atlas-ts-hub] table');
  return t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().width >
    document.querySelector('.md-content__inner').getBoundingClientRect().width + 1; }"""

if __name__ == "__main__":
    raise SystemExit(main())
