"""What each speed trick that reaches into MkDocs, Material or Pagefind internals pays (docs_build/adapter/compat.py).

The corpus is built with every trick on and with each one off, in one run, round after round (so a busy spell
of the machine falls on all of them alike); the table gives the median of each and what the trick saves. A
trick that saves less than KEEP_SHARE of the build is not worth the internals it touches. Pagefind's reply
delay is timed apart: a small site indexed with and without the adapter's patch, per search document.

Usage: python bench/tricks.py [CONTENT_DIR]   (BENCH_QUICK=1: one round instead of three; about 5 minutes idle)
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from builds import ROOT, run_build
from content_arg import content_dir_from_argv

KEEP_SHARE = 0.05
#: (trick, the environment that turns it off, its compat records)
TRICKS = [
    ("page worker (and forked handoffs)", {"ATLAS_RENDER_WORKER": "0"},
     "PAGE_WORKER, BUILD_PAGE, PAGE_RENDER_REPLACED, TITLE_FROM_RENDER, CURRENT_PAGE"),
    ("sidebar cache", {"ATLAS_NAV_CACHE": "0"}, "MATERIAL_NAV_MACRO"),
    ("search index streamed during the build", {"ATLAS_SEARCH_STREAM": "0"}, "PAGEFIND_SERVICE_STOP, MATERIAL_MARKUP"),
]
DOCUMENTS = 40  # search documents indexed to time Pagefind's reply delay


def main() -> int:
    content = content_dir_from_argv()
    if content is None:
        return 1
    rounds = 1 if os.environ.get("BENCH_QUICK") == "1" else 3
    configs = [("every trick on", {}, "")] + TRICKS
    times: dict[str, list[float]] = {name: [] for name, _, _ in configs}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            for name, env, _ in configs:
                build = run_build(ROOT / "mkdocs.yml", Path(tmp) / "site", {"DOCS_CONTENT_DIR": str(content), **env})
                times[name].append(build.seconds)
        delay = reply_delay(Path(tmp) / "tiny")
    on = statistics.median(times["every trick on"])
    print(f"Speed tricks that touch internals, {content.name}, median of {rounds} build(s) each")
    print(f"{'trick':42} {'off (s)':>8} {'saves (s)':>9} {'share':>6}  verdict  compat records")
    print(f"{'every trick on':42} {on:8.1f}")
    for name, _, records in TRICKS:
        off = statistics.median(times[name])
        share = (off - on) / off
        verdict = "keep" if share >= KEEP_SHARE else "drop?"
        print(f"{name:42} {off:8.1f} {off - on:9.1f} {share:6.0%}  {verdict:7}  {records}")
    print(f"Pagefind's reply delay (PAGEFIND_POLL_DELAY): {delay[1]:.3f} s per search document unpatched, "
          f"{delay[0]:.3f} s patched ({DOCUMENTS} documents into a one-page site)")
    return 0


def reply_delay(site: Path) -> tuple[float, float]:
    """Seconds per search document indexed into a one-page site, with the adapter's patch and without it."""
    import pagefind.service

    site.mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text('<html lang="en"><body><main>Words</main></body></html>', encoding="utf-8")

    from docs_build.adapter.search_index import index_site
    from docs_build.model import SearchDocument

    documents = [SearchDocument(f"timing/#row-{n}", f"row {n}", (("Cause", "words"),)) for n in range(DOCUMENTS)]
    patched = pagefind.service.asyncio
    seconds = []
    for replacement in (patched, asyncio):
        pagefind.service.asyncio = replacement
        try:
            started = time.perf_counter()
            index_site(site, documents)
            seconds.append((time.perf_counter() - started) / DOCUMENTS)
        finally:
            pagefind.service.asyncio = patched
    return seconds[0], seconds[1]


if __name__ == "__main__":
    sys.exit(main())
