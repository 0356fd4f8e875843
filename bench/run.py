"""Benchmark: build the real-world corpus and print figures (time, memory, page sizes, problems).

Not a test: figures are printed for people and closing notes, never asserted.
Usage: python bench/run.py [CONTENT_DIR]   (default ../shared/corpus)
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from content_arg import content_dir_from_argv

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Build once, then print what the build cost and what it made."""
    content = content_dir_from_argv()
    if content is None:
        return 2
    from docs_build import build_atlas

    started = time.perf_counter()
    atlas = build_atlas(content)
    pages = atlas.pages
    analysis_seconds = time.perf_counter() - started
    print(f"analysis (parse, features, page Markdown): {analysis_seconds:.2f} s for {len(pages)} pages")

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "DOCS_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1"}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True, capture_output=True)
        build_seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        sizes = [p.stat().st_size / 1024 for p in site.rglob("index.html")]
        catalog = json.loads((site / "catalog.json").read_text())
        site_mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20

    kinds = Counter(entry["kind"] for entry in catalog["entries"])
    print(f"files: {len(catalog['entries'])} entries ({kinds['agent']} agents, {kinds['skill']} skills), "
          f"{len(catalog['ignored'])} ignored")
    print(f"mkdocs build: {build_seconds:.1f} s, peak RSS {peak_mb:.0f} MB")
    print(f"pages: {len(sizes)}, median {statistics.median(sizes):.0f} KB, max {max(sizes):.0f} KB, site {site_mb:.0f} MB")
    codes = Counter((p["severity"], p["code"]) for p in catalog["problems"])
    print("problems by code: " + ", ".join(f"{code} ({sev}) {n}" for (sev, code), n in sorted(codes.items())))
    print(atlas.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
