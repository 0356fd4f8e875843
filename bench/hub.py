"""Benchmark: the troubleshooting hub in Chromium: page height, row heights, long tasks, cost of filtering.

Not a test: figures are printed for people and closing notes, never asserted.
Usage: python bench/hub.py SITE_DIR   (a built site, e.g. DOCS_CONTENT_DIR=../shared/corpus mkdocs build -d SITE_DIR)
"""

from __future__ import annotations

import functools
import http.server
import statistics
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
QUERY = "econnreset"
#: Long tasks since navigation start, observed with buffering so the load itself counts.
LONG_TASKS_JS = """() => new Promise(resolve => {
  const tasks = [];
  new PerformanceObserver(list => tasks.push(...list.getEntries().map(e => e.duration)))
    .observe({type: "longtask", buffered: true});
  setTimeout(() => resolve(tasks), 1500);
})"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Keep the figures readable."""


def main() -> int:
    """Serve the site, open the hub on a desktop and a phone viewport, print what it costs."""
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if site is None or not (site / "troubleshooting" / "index.html").is_file():
        print("usage: python bench/hub.py SITE_DIR (a built site with troubleshooting/)", file=sys.stderr)
        return 2
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/troubleshooting/"
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
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        before = _metrics(cdp)
        page.keyboard.type(QUERY, delay=40)  # a fast typist: 25 characters a second
        page.wait_for_function(f"new URL(location.href).searchParams.get('filter') === '{QUERY}'")
        page.wait_for_timeout(300)
        after = _metrics(cdp)
        per_key = {k: round((after[k] - before[k]) * 1000 / len(QUERY), 1) for k in ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")}
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


def _metrics(cdp) -> dict[str, float]:
    """Chromium's cumulative main-thread timings, in seconds."""
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


_OVERFLOW_JS = """() => { const t = document.querySelector('[data-atlas-ts-hub] table');
  return t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().width >
    document.querySelector('.md-content__inner').getBoundingClientRect().width + 1; }"""

if __name__ == "__main__":
    raise SystemExit(main())
