"""The troubleshooting hub past its budget: an overview, one page per collection, parts in stable order."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import build_site, write_collection

from docs_build.catalog import build_catalog
from docs_build.model import Entry
from docs_build.troubleshooting import hubsplit
from docs_build.troubleshooting.hubpages import hub_rows
from docs_build.troubleshooting.rows import TroubleRow, collect_rows

MAX_PAGE_BYTES = 2 * 2**20
TABLE = "## Troubleshooting\n\n| Symptom | Root Cause | Solution |\n|---|---|---|\n{rows}\n"


def generated_collections(root: Path, sizes: dict[str, tuple[int, int]]) -> Path:
    """Collections of generated agents: name -> (files, rows per file), each row a distinct error code."""
    files = {}
    for name, (count, rows) in sizes.items():
        for number in range(count):
            lines = "\n".join(f"| E{name.upper()}{number:03}X{row:03} failed | cause {row} of {number} | restart {row} |"
                              for row in range(rows))
            body = TABLE.format(rows=lines)
            files[f"{name}/agents/a{number:03}.md"] = f"---\nname: {name}-a{number:03}\ndescription: d\n---\n\n{body}"
    return write_collection(root, files)


def rows_by_collection(root: Path) -> dict[str, list[hubsplit.HubRow]]:
    """The hub rows of a content folder, grouped as the hub places them."""
    catalog = build_catalog(root)
    return hub_rows(catalog, collect_rows(catalog).by_entry)


def test_rows_under_the_budget_keep_one_hub_page(tmp_path: Path):
    """A few hundred rows fit: no plan, the hub stays one page."""
    grouped = rows_by_collection(generated_collections(tmp_path, {"small": (3, 100), "tiny": (1, 5)}))
    assert hubsplit.plan(grouped) is None


def test_rows_over_the_budget_go_on_one_page_each_in_source_then_line_order(tmp_path: Path):
    """Past MAX_ROWS: each collection gets parts within the budget; every row is on exactly one page, in order."""
    grouped = rows_by_collection(generated_collections(tmp_path, {"big": (25, 100), "small": (2, 10)}))
    parts = hubsplit.plan(grouped)
    assert [(p.collection, p.number, len(p.rows)) for p in parts] == [
        ("big", 1, hubsplit.MAX_ROWS), ("big", 2, hubsplit.MAX_ROWS), ("big", 3, 500), ("small", 1, 20)]
    placed = [(item.entry.source, item.row.line) for part in parts for item in part.rows]
    assert len(placed) == len(set(placed)) == 2520
    assert placed[:2520 - 20] == sorted(placed[:2520 - 20])
    assert all(hubsplit.fits(list(part.rows)) for part in parts)


def test_a_part_is_cut_by_bytes_before_rows():
    """Rows of 300 KB each: three to a part (under MAX_BYTES), whatever the row count allows."""
    entry = Entry("c/agents/a", "agent", "c", None, "c/agents/a.md", "a", "a", "", {}, {}, "", 5)
    rows = [hubsplit.HubRow(TroubleRow(entry.id, f"ts-e{line}", f"E{line}", "", "x" * 300_000, (), line, ""), entry)
            for line in range(7)]
    parts = hubsplit.split_parts("c", rows[::-1])
    assert [[item.row.line for item in part.rows] for part in parts] == [[0, 1, 2], [3, 4, 5], [6]]


def test_collection_hub_urls_are_stable_and_numbered():
    """Part 1 is the collection's own address; later parts are numbered below it."""
    assert hubsplit.collection_hub_src("Owner__API design") == "troubleshooting/owner__api-design.md"
    assert hubsplit.collection_hub_src("api", 3) == "troubleshooting/api/page-3.md"


def test_built_split_hub_pages_stay_small_and_are_all_linked(tmp_path: Path):
    """A generated catalog of 2,700 rows: every hub page ≤ 2 MB, the overview links every part, rows.json finds each row."""
    root = generated_collections(tmp_path / "content", {"big": (22, 100), "mid": (4, 100), "small": (1, 100)})
    site = build_site(root, tmp_path)
    assert site.returncode == 0, site.log
    hub_dir = site.site_dir / "troubleshooting"
    pages = sorted(p.relative_to(hub_dir).as_posix() for p in hub_dir.rglob("index.html"))
    assert pages == ["big/index.html", "big/page-2/index.html", "big/page-3/index.html", "index.html",
                     "mid/index.html", "small/index.html"]
    assert max(p.stat().st_size for p in site.site_dir.rglob("*.html")) < MAX_PAGE_BYTES
    overview = site.page("troubleshooting/")
    assert {"big/", "big/page-2/", "big/page-3/", "mid/", "small/"} <= set(re.findall(r'href="([^"#]+)"', overview))
    assert 'class="atlas-ts-row"' not in overview
    assert "troubleshooting/big/" not in site.page("") and "troubleshooting/" in site.page("")  # home: the overview only
    part = site.page("troubleshooting/big/page-2/")
    assert part.count('class="atlas-ts-row"') == 1000 and 'aria-current="page">2<' in part
    data = json.loads((hub_dir / "rows.json").read_text(encoding="utf-8"))
    assert len(data["rows"]) == 2700
    symptom, entry, page, anchor = next(row for row in data["rows"] if row[0] == "EBIG015X050 failed")
    assert anchor == ""  # the symptom's own slug: the overview's script makes it
    dom_id = f"{data['entries'][entry][2]}--ts-ebig015x050-failed"
    assert data["pages"][page] == "troubleshooting/big/page-2/"
    assert f'id="{dom_id}"' in site.page(data["pages"][page])
