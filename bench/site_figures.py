"""What a built site weighs: page sizes, site size, search bytes, problems."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

#: Folders holding the search index, whichever search the site uses (Material's or Pagefind's).
SEARCH_FOLDERS = ("search", "pagefind")


def site_figures(site: Path) -> dict[str, object]:
    """Pages, page sizes (median, 95th percentile, largest), site size, search bytes, catalog counts."""
    pages = sorted(p.stat().st_size for p in site.rglob("*.html"))
    files = [p for p in site.rglob("*") if p.is_file()]
    search = sum(p.stat().st_size for name in SEARCH_FOLDERS for p in (site / name).rglob("*") if p.is_file())
    largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    figures: dict[str, object] = {
        "pages": len(pages),
        "page median KB": pages[len(pages) // 2] / 1024,
        "page p95 KB": statistics.quantiles(pages, n=20)[-1] / 1024 if len(pages) > 1 else pages[0] / 1024,
        "page max KB": pages[-1] / 1024,
        "largest page": largest.parent.relative_to(site).as_posix() + "/",
        "site MB": sum(p.stat().st_size for p in files) / 2**20,
        "search KB": search / 1024,
    }
    catalog = site / "catalog.json"
    if catalog.is_file():
        data = json.loads(catalog.read_text(encoding="utf-8"))
        figures["files"] = len(data["entries"]) + len(data["ignored"])
        figures["entries"] = len(data["entries"])
        figures["problems"] = len(data["problems"])
    return figures
