"""How long the largest page takes to load in a real browser (Debian Chromium through Playwright), served over HTTP."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-dev-shm-usage"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def load_seconds(site: Path, url_path: str) -> float | None:
    """Seconds from navigation to the load event for one page; None without Chromium or Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    server.handle_error = lambda request, address: None  # the browser closing with requests in flight
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{url_path}", wait_until="load", timeout=120_000)
            seconds = time.perf_counter() - started
            browser.close()
            return seconds
    finally:
        server.shutdown()
        server.server_close()
