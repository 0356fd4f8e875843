"""Benchmark: one table of build, page, memory and authoring figures over the corpora, with a bare Material baseline.

Not a test: figures are printed for people and closing notes, never asserted. Every build runs in its own
process. Environment: BENCH_QUICK=1 builds once instead of three times; BENCH_SETS=corpus,3x picks columns
(content, corpus, 3x, extra, plugins); SERVE_ARGS are the `mkdocs serve` flags `make serve` uses.
Usage: python bench/run.py   (about 15 minutes on an idle 2-core machine; BENCH_QUICK=1 about 10)
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from builds import ROOT, baseline_project, median_build, scaled_corpus
from pageload import load_seconds
from serve_edit import edit_seconds
from site_figures import site_figures
from stages import snippet_rate, stage_seconds

SHARED = ROOT.parent / "shared"
#: Column name -> (content directory, how many times the corpus is repeated).
SETS = {"content": (ROOT / "content", 1), "corpus": (SHARED / "corpus", 1), "3x": (SHARED / "corpus", 3),
        "extra": (SHARED / "corpus-extra", 1), "plugins": (SHARED / "corpus-plugins", 1)}
#: Columns where an edit under `mkdocs serve` is timed (a server per column costs a full first build).
SERVED = {"content", "corpus"}


def main() -> int:
    """Measure each chosen column, then print the table."""
    quick = os.environ.get("BENCH_QUICK") == "1"
    chosen = os.environ.get("BENCH_SETS", ",".join(SETS)).split(",")
    serve_args = shlex.split(os.environ.get("SERVE_ARGS", ""))
    columns: dict[str, dict[str, object]] = {}
    for name in chosen:
        content, times = SETS[name]
        if not content.is_dir():
            print(f"{content}: not found; column '{name}' left out", file=sys.stderr)
            continue
        print(f"measuring {name} …", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
            columns[name] = measure(content, times, Path(tmp), 1 if quick or times > 1 else 3, name in SERVED, serve_args)
        print_table({name: columns[name]}, file=sys.stderr)  # each column as soon as it is measured
    print_table(columns)
    return 0


def measure(content: Path, times: int, tmp: Path, repeats: int, served: bool, serve_args: list[str]) -> dict[str, object]:
    """Every figure of one column."""
    from docs_build.sources.discover import discover

    if times > 1:
        content = scaled_corpus(content, times, tmp / "content")
    figures: dict[str, object] = {"stages": stage_seconds(content), "snippets/s": snippet_rate(content)}
    atlas, atlas_times = median_build(ROOT / "mkdocs.yml", tmp / "site", repeats, {"DOCS_CONTENT_DIR": str(content)})
    figures.update(site_figures(atlas.site), build=atlas.seconds, builds=atlas_times, rss=atlas.peak_mb)
    figures["largest load"] = load_seconds(atlas.site, str(figures["largest page"]))
    sources = [(s.path, s.abs_path) for s in discover(content).sources]
    try:
        bare, _ = median_build(baseline_project(sources, tmp / "bare"), tmp / "bare-site", repeats)
        figures.update(bare=bare.seconds, bare_rss=bare.peak_mb, bare_median_kb=site_figures(bare.site)["page median KB"])
    except RuntimeError as error:  # bare Material stops on a file Agent Atlas renders (the plugin corpus's `{id}` heading)
        print(f"bare Material could not build {content}: {str(error).strip().splitlines()[-1]}", file=sys.stderr)
    if served:
        from docs_build.catalog import build_catalog

        copy = shutil.copytree(content, tmp / "served")

        entry = build_catalog(copy).entries[0]
        figures["serve first"], figures["edit visible"] = edit_seconds(copy, entry.source, entry.url, repeats, serve_args)
    return figures


ROWS = [
    ("files (entries)", lambda f: f"{f['files']} ({f['entries']})"),
    ("pages", lambda f: f"{f['pages']}"),
    ("problems", lambda f: f"{f['problems']}"),
    ("build s (median)", lambda f: f"{f['build']:.1f}"),
    ("  each build s", lambda f: " ".join(f"{t:.1f}" for t in f["builds"])),
    ("bare Material s", lambda f: f"{f['bare']:.1f}" if "bare" in f else "fails"),
    ("ratio to bare", lambda f: f"{f['build'] / f['bare']:.2f}x" if "bare" in f else "–"),
    ("atlas own work s", lambda f: f"{sum(f['stages'].values()):.1f} ({sum(f['stages'].values()) / f['build']:.0%})"),
    ("peak RSS MB", lambda f: f"{f['rss']:.0f}"),
    ("bare peak RSS MB", lambda f: f"{f['bare_rss']:.0f}" if "bare" in f else "–"),
    ("page median KB", lambda f: f"{f['page median KB']:.0f}"),
    ("page p95 KB", lambda f: f"{f['page p95 KB']:.0f}"),
    ("page max KB", lambda f: f"{f['page max KB']:.0f}"),
    ("largest page load s", lambda f: f"{f['largest load']:.2f}" if f["largest load"] is not None else "–"),
    ("hub pages / largest KB", lambda f: f"{f['hub pages']} / {f['hub page max KB']:.0f}"),
    ("bare page median KB", lambda f: f"{f['bare_median_kb']:.0f}" if "bare" in f else "–"),
    ("site MB", lambda f: f"{f['site MB']:.1f}"),
    ("search KB", lambda f: f"{f['search KB']:.0f}"),
    ("snippets checked/s", lambda f: f"{f['snippets/s']:,.0f}"),
    ("serve: first build s", lambda f: f"{f['serve first']:.1f}" if "serve first" in f else "–"),
    ("serve: edit visible s", lambda f: f"{f['edit visible']:.2f}" if "edit visible" in f else "–"),
]


def print_table(columns: dict[str, dict[str, object]], file: TextIO = sys.stdout) -> None:
    """Rows of figures, one column per content set; stage times after the fixed rows."""
    names = list(columns)
    stages = list(dict.fromkeys(s for f in columns.values() for s in f["stages"]))
    rows = [(label, [show(columns[n]) for n in names]) for label, show in ROWS]
    rows += [(f"  {stage} s", [f"{columns[n]['stages'].get(stage, 0):.2f}" for n in names]) for stage in stages]
    width = max(len(label) for label, _ in rows)
    cells = [max(len(n), *(len(r[1][i]) for r in rows)) for i, n in enumerate(names)]
    print(f"{'':<{width}}  " + "  ".join(f"{n:>{w}}" for n, w in zip(names, cells)), file=file)
    for label, values in rows:
        print(f"{label:<{width}}  " + "  ".join(f"{v:>{w}}" for v, w in zip(values, cells)), file=file)
    for name in names:
        print(f"largest page ({name}): {columns[name]['largest page']}", file=file)
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}", file=file)


if __name__ == "__main__":
    sys.exit(main())
