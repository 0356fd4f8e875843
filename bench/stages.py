"""Agent Atlas's own work, stage by stage, in this process: discover, parse, each feature, page Markdown."""

from __future__ import annotations

import time
from pathlib import Path


def stage_seconds(content: Path) -> dict[str, float]:
    """Seconds per stage of `build_atlas`, in the order they run (no MkDocs involved)."""
    from docs_build.atlas import FEATURES, Atlas, reserved_urls
    from docs_build.catalog import build_catalog
    from docs_build.pages.nav import build_nav
    from docs_build.sources.discover import discover

    # A cold build: build_catalog starts with an empty Memory, nothing remembered from another column.
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    discover(content)
    seconds["discover"] = time.perf_counter() - started
    started = time.perf_counter()
    catalog = build_catalog(content, reserved_urls())
    seconds["parse"] = time.perf_counter() - started - seconds["discover"]
    analyses = []
    for feature in FEATURES:
        started = time.perf_counter()
        analyses.append(feature(catalog))
        seconds[analyses[-1].name] = time.perf_counter() - started
    atlas = Atlas(catalog, analyses)
    started = time.perf_counter()
    atlas.pages  # noqa: B018 - rendering the generated Markdown is what is timed
    build_nav(atlas, [])
    seconds["page Markdown + nav"] = time.perf_counter() - started
    return seconds


def snippet_rate(content: Path) -> float:
    """Snippets checked per second over the whole content (one pass, every checker)."""
    from docs_build.catalog import build_catalog
    from docs_build.snippets import catalog_snippets, check_snippets
    from docs_build.snippets.diagrams import MermaidChecker
    from docs_build.snippets.registry import CHECKERS

    snippets = catalog_snippets(build_catalog(content))
    started = time.perf_counter()
    check_snippets(snippets, {**CHECKERS, "mermaid": MermaidChecker()})
    return len(snippets) / (time.perf_counter() - started)
