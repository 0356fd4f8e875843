"""Benchmark: the generated hostile collection (tests/hostile.py), file by file and as one real build.

Prints each file's time through the analysis (`python -m docs_build check` does the same work) and through
Python-Markdown with the site's extensions, slowest first, then one `mkdocs build` of the whole collection
with its wall time and largest pages. Figures are printed, never asserted.
Usage: python bench/hostile.py [SIZE]   (characters per pathological file, default 50,000)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402 - the generator lives with the tests, which build the same collection

from docs_build import build_atlas  # noqa: E402
from docs_build.markdown.sanitize import clean_html  # noqa: E402


def time_file(path: str, data: bytes, md: markdown.Markdown) -> tuple[float, float]:
    """Seconds of analysis and of Markdown rendering for one file alone in a collection."""
    with tempfile.TemporaryDirectory() as tmp:
        hostile.write_files(Path(tmp), {path: data})
        started = time.perf_counter()
        atlas = build_atlas(Path(tmp))
        pages = [p for p in atlas.pages if p.src_uri.startswith(f"{hostile.COLLECTION}/") and "/index.md" not in p.src_uri]
        analysis = time.perf_counter() - started
        started = time.perf_counter()
        for page in pages:
            clean_html(md.reset().convert(page.markdown))
        return analysis, time.perf_counter() - started


def main() -> int:
    """Time every hostile file, then build them all at once."""
    size = int(sys.argv[1]) if len(sys.argv) > 1 else hostile.DEFAULT_SIZE
    files = {**hostile.pathological_files(size), **hostile.odd_files(), **hostile.xss_files()}
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    rows = []
    for path, data in files.items():
        analysis, render = time_file(path, data, md)
        rows.append((analysis + render, analysis, render, len(data), path))
    rows.sort(reverse=True)
    print(f"{'total s':>8} {'check s':>8} {'md s':>8} {'KB':>6} {'s/100KB':>8}  file")
    for total, analysis, render, length, path in rows[:15]:
        print(f"{total:8.2f} {analysis:8.2f} {render:8.2f} {length / 1000:6.0f} {total / max(length, 1) * 1e5:8.2f}  {path[:70]}")
    # Per 100 KB only for files of 20 KB or more: a small file's time is the fixed cost of a build step
    # (starting Node for Mermaid), not a cost of its size.
    sized = [row for row in rows if row[3] >= 20_000]
    worst = max(sized, key=lambda row: row[0] / row[3])
    print(f"worst per-file time: {rows[0][0]:.2f} s ({rows[0][4]}); worst per 100 KB (files of 20 KB or more): "
          f"{worst[0] / worst[3] * 1e5:.2f} s ({worst[4]}); {len(rows)} files")

    with tempfile.TemporaryDirectory() as tmp:
        content, site = hostile.write_hostile(Path(tmp) / "content", size), Path(tmp) / "site"
        env = {**os.environ, "DOCS_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1"}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env,
                       check=True, capture_output=True)
        seconds = time.perf_counter() - started
        content_kb = sum(p.stat().st_size for p in content.rglob("*") if p.is_file()) / 1000
        pages = sorted(((p.stat().st_size, p.relative_to(site).parent.as_posix()) for p in site.rglob("index.html")), reverse=True)
    print(f"mkdocs build of the whole hostile collection: {seconds:.1f} s for {content_kb:.0f} KB of content "
          f"({seconds / content_kb * 100:.2f} s per 100 KB), {len(pages)} pages")
    print("largest pages: " + ", ".join(f"{url}/ {size / 1000:.0f} KB" for size, url in pages[:6]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
