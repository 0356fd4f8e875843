"""What the browser benchmarks share: a quiet local server for a built site, and Chromium's main-thread timings."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
#: The main-thread timings that add up to a keystroke's cost.
TIMINGS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Keep the figures readable."""


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve a built site on 127.0.0.1 in a thread; returns its base URL and the server (to shut down)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def metrics(cdp) -> dict[str, float]:
    """Chromium's cumulative main-thread timings, in seconds."""
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


def typing_cost(page, text: str, done_js: str) -> dict[str, float]:
    """Type `text` into the focused box as a fast typist does; main-thread ms per keystroke until `done_js` holds."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    before = metrics(cdp)
    page.keyboard.type(text, delay=40)  # 25 characters a second
    page.wait_for_function(done_js)
    page.wait_for_timeout(300)
    after = metrics(cdp)
    return {k: round((after[k] - before[k]) * 1000 / len(text), 1) for k in TIMINGS}
