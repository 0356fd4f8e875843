"""Troubleshooting rows: seeds, stable ids, anchors in HTML, search documents, catalog.json, the hub."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import CONTENT, build_site, write_collection

from docs_build.adapter.search_index import indexed_fragments
from docs_build.catalog import build_catalog
from docs_build.model import Entry
from docs_build.troubleshooting.rows import (
    BLOCK_ROWS,
    TroubleRow,
    anchor_rows,
    collect_rows,
    entry_rows,
    header_key,
    render_rows,
    short_collection,
    symptom_anchor,
)

TABLE = "## Troubleshooting\n\n| Symptom | Root Cause | Solution |\n|---|---|---|\n{rows}\n"


def entry_of(body: str, entry_id: str = "demo/agents/a") -> Entry:
    """An entry with just a body, as the catalog would give it."""
    return Entry(entry_id, "agent", "demo", None, entry_id + ".md", "a", "a", "", {}, {}, body, 5)


def rows_of(*rows: str) -> list[TroubleRow]:
    """The rows of one troubleshooting table built from Markdown row lines."""
    return entry_rows(entry_of(TABLE.format(rows="\n".join(rows))))[0]


def seed_rows(entry_id: str) -> list[TroubleRow]:
    """The rows of one seed entry."""
    return entry_rows(build_catalog(CONTENT).by_id[entry_id])[0]


def test_seed_api_design_agent_has_four_rows():
    """api-design 02-backend-patterns yields its four failure modes, with source line and heading."""
    rows = seed_rows("api-design/agents/02-backend-patterns")
    assert [r.symptom for r in rows] == ["ECONNRESET", "ENOMEM", "EADDRINUSE", "Unhandled Promise Rejection"]
    assert rows[0].cause == "Connection dropped" and rows[0].solution == "Implement retry with backoff"
    assert rows[0].heading == "Common Failure Modes" and rows[0].line == 592
    assert rows[0].url == "api-design/agents/02-backend-patterns/#ts-econnreset"


def test_seed_skill_has_three_rows():
    """The backend-patterns skill's 'Issue | Cause | Solution' table yields three rows."""
    rows = seed_rows("api-design/skills/backend-patterns")
    assert [r.symptom for r in rows] == ["ECONNREFUSED", "Memory leak", "Event loop blocked"]


def test_seed_fullstack_rows_keep_the_debug_steps_column():
    """fullstack 03-backend-development: four rows, Recovery as solution, Debug Steps kept as extra."""
    rows = seed_rows("fullstack/agents/03-backend-development")
    assert len(rows) == 4 and rows[0].symptom == "401 Unauthorized"
    assert rows[0].solution == "Refresh token or re-auth"
    assert dict(rows[0].extra) == {"Debug Steps": "1. Check token format 2. Verify signature 3. Check expiry"}


def test_seed_non_troubleshooting_tables_are_ignored():
    """The seeds' version, proficiency and fallback tables give no rows."""
    rows = seed_rows("fullstack/agents/03-backend-development")
    assert not {"1.0.0", "Node.js", "Runtime unknown"} & {r.symptom for r in rows}


def test_row_id_survives_a_row_inserted_above():
    """Inserting a row above an existing one leaves the existing row's id unchanged."""
    before = rows_of("| EADDRINUSE | Port bound | Kill it |")
    after = rows_of("| ECONNRESET | Dropped | Retry |", "| EADDRINUSE | Port bound | Kill it |")
    assert before[0].id == after[1].id == "demo/agents/a#ts-eaddrinuse"


def test_repeated_symptoms_get_distinct_deterministic_ids():
    """A repeated symptom keeps the plain id for its first row; later ones add their heading or content."""
    body = TABLE.format(rows="| Timeout | A | B |\n| Timeout | C | D |") + "\n## Network\n\n" + TABLE.format(
        rows="| Timeout | E | F |").split("\n\n", 1)[1]
    anchors = [r.anchor for r in entry_rows(entry_of(body))[0]]
    assert anchors[0] == "ts-timeout" and len(set(anchors)) == 3
    assert anchors == [r.anchor for r in entry_rows(entry_of(body))[0]]
    assert anchors[2] == "ts-timeout--network"


def test_row_anchor_avoids_heading_ids():
    """A row named like a heading of the page ('TS Config') gets another id than the heading."""
    body = "## TS Config\n\n" + TABLE.format(rows="| Config | bad | fix |")
    assert entry_rows(entry_of(body))[0][0].anchor != "ts-config"


def test_symptom_anchor_of_non_ascii_text_is_a_digest():
    """Symptoms without ASCII letters still get a stable, non-empty id."""
    assert symptom_anchor("接続エラー") == symptom_anchor("接続エラー") != "ts-"


def test_empty_symptom_is_an_info_problem_not_a_row():
    """A row with an empty symptom cell is reported (info) and gets no anchor."""
    rows, tables, problems = entry_rows(entry_of(TABLE.format(rows="|  | A | B |")))
    assert rows == [] and len(tables) == 1 and [p.severity for p in problems] == ["info"]


def test_anchor_rows_marks_the_rendered_row_and_adds_a_copy_link():
    """The rendered <tr> whose symptom cell matches gets the id, a class and a ¶ link."""
    rows = rows_of("| `ECONNRESET` | Dropped | Retry |")
    html = ("<table><thead><tr><th>Symptom</th><th>Root Cause</th><th>Solution</th></tr></thead>"
            "<tbody><tr><td><code>ECONNRESET</code></td><td>Dropped</td><td>Retry</td></tr></tbody></table>")
    out = anchor_rows(html, rows, {header_key(["Symptom", "Root Cause", "Solution"]): 0})
    assert '<tr id="ts-econnreset" class="atlas-ts-row"><td><code>ECONNRESET</code><a class="atlas-ts-link"' in out
    assert 'href="#ts-econnreset"' in out


def test_anchor_rows_leaves_other_tables_alone():
    """A table whose header is not troubleshooting is returned unchanged."""
    html = "<table><tr><th>Version</th><th>Date</th></tr><tr><td>ECONNRESET</td><td>x</td></tr></table>"
    columns = {header_key(["Symptom", "Root Cause", "Solution"]): 0}
    assert anchor_rows(html, rows_of("| ECONNRESET | a | b |"), columns) == html


def test_seed_site_rows_are_anchored_searchable_and_in_catalog_json(seed_site):
    """The built seed site anchors each row, indexes it for search and lists it in catalog.json."""
    html = seed_site.page("api-design/agents/02-backend-patterns/")
    assert '<tr id="ts-econnreset" class="atlas-ts-row">' in html and 'class="atlas-ts-link"' in html
    records = indexed_fragments(seed_site.site_dir)
    doc = next(d for d in records if d["url"] == "/api-design/agents/02-backend-patterns/#ts-econnreset")
    assert doc["meta"]["title"] == "ECONNRESET" and "Cause: Connection dropped" in doc["content"]
    assert doc["filters"] == {"collection": ["api-design"], "kind": ["troubleshooting row"]}
    catalog = json.loads((seed_site.site_dir / "catalog.json").read_text())
    entry = next(e for e in catalog["entries"] if e["id"] == "fullstack/agents/03-backend-development")
    assert entry["troubleshooting"][0] == {
        "id": "fullstack/agents/03-backend-development#ts-401-unauthorized",
        "url": "fullstack/agents/03-backend-development/#ts-401-unauthorized",
        "symptom": "401 Unauthorized",
        "cause": "Token invalid/expired",
        "solution": "Refresh token or re-auth",
        "extra": {"Debug Steps": "1. Check token format 2. Verify signature 3. Check expiry"},
        "line": 195,
        "heading": "Common Failure Modes",
    }


def test_seed_hub_lists_every_row_with_links(seed_site):
    """The hub page has all eleven seed rows, a filter box, sort buttons and links to the rows."""
    html = seed_site.page("troubleshooting/")
    assert html.count('class="atlas-ts-row"') == 11
    assert "data-atlas-ts-filter" in html and html.count("data-atlas-sort=") == 5
    assert 'href="../api-design/agents/02-backend-patterns/#ts-eaddrinuse"' in html
    assert 'id="api-design-agents-02-backend-patterns--ts-eaddrinuse"' in html


def test_seed_hub_shows_the_collection_under_the_source_not_in_a_column(seed_site):
    """Four columns; each row names its collection (sortable, filterable) under the source link."""
    html = seed_site.page("troubleshooting/")
    hub = html.split("data-atlas-ts-hub", 1)[1]
    colgroups = re.findall(r"<colgroup>(.*?)</colgroup>", hub)
    assert colgroups and all(group.count("<col ") == 4 for group in colgroups) and ">Collection<" not in hub
    assert 'data-atlas-sort="4" data-atlas-sort-key="collection"' in hub
    assert 'id="fullstack-agents-03-backend-development--ts-slow-response" class="atlas-ts-row" data-collection="fullstack"' in hub
    assert 'Common Failure Modes · <a href="../fullstack/" title="Collection fullstack">fullstack</a>' in hub


def test_seed_hub_puts_the_filter_before_the_collapsed_statistics(seed_site):
    """The per-collection counts sit in a closed <details> after the filter box; the TOC sidebar is hidden."""
    html = seed_site.page("troubleshooting/")
    assert html.index("data-atlas-ts-filter") < html.index('<details class="atlas-ts-hub__stats">')
    assert "<li>fullstack: 1 table, 4 rows</li>" in html
    assert 'data-md-type="toc" hidden>' in html  # Material's `hide: [toc]`: the width goes to the table


def test_hub_rows_come_in_blocks_under_one_header(tmp_path: Path):
    """45 rows: a header table, then blocks of BLOCK_ROWS rows, each its own table (rendered lazily)."""
    rows = "\n".join(f"| E{n} | cause {n} | fix {n} |" for n in range(45))
    root = write_collection(tmp_path, {"c/agents/a.md": f"---\nname: a\ndescription: d\n---\n\n{TABLE.format(rows=rows)}"})
    catalog = build_catalog(root)
    hub = render_rows(catalog, collect_rows(catalog).by_entry, "troubleshooting.md")
    blocks = hub.split("data-atlas-ts-block")[1:]
    assert [block.count('class="atlas-ts-row"') for block in blocks] == [BLOCK_ROWS, 45 - BLOCK_ROWS]
    assert hub.count("<thead>") == 1 and hub.index("<thead>") < hub.index("data-atlas-ts-block")


def test_short_collection_drops_the_owner():
    """'owner__repo' collections are shown as 'repo'; plain names stay as they are."""
    assert short_collection("pluginagentmarketplace__custom-plugin-api-design") == "custom-plugin-api-design"
    assert short_collection("fullstack") == "fullstack"


def test_hub_and_search_escape_content(tmp_path: Path):
    """Markup written as entities in a symptom cell is shown as text on the hub and in search, never run."""
    body = TABLE.format(rows="| &lt;script&gt;alert(1)&lt;/script&gt; boom | a | b |")
    root = write_collection(tmp_path / "content", {"c/agents/a.md": f"---\nname: a\ndescription: d\n---\n\n{body}"})
    site = build_site(root, tmp_path)
    assert site.returncode == 0, site.log
    hub = site.page("troubleshooting/")
    assert "<script>alert(1)" not in hub and "&lt;script&gt;alert(1)&lt;/script&gt; boom" in hub
    row = next(d for d in indexed_fragments(site.site_dir) if "#ts-" in d["url"])
    assert row["meta"]["title"] == "<script>alert(1)</script> boom"  # text, which the search shows as text
