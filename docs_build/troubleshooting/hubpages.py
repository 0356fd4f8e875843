"""The troubleshooting hub past its budget: an overview page, one hub page per collection (in parts), rows.json.

The overview's filter searches `troubleshooting/rows.json` (symptoms, their pages and row ids) and links each
match to its row on its collection's page, opened filtered and highlighted.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from ..catalog import Catalog, href, url_of
from ..model import GeneratedPage
from ..pages import render
from .hubsplit import HUB_FOLDER, HubPart, HubRow, plan

if TYPE_CHECKING:
    from .rows import TroubleRow

ROWS_JSON = f"{HUB_FOLDER}/rows.json"
#: Matches the overview lists at most; the count says how many more there are.
SHOWN_MATCHES = 50
DOM_PREFIX_RE = re.compile(r"--ts-.*$")
#: `render_rows(by_entry, from_src, collection)`: a hub table of some rows (troubleshooting.render_rows).
RowsRenderer = Callable[[dict[str, list["TroubleRow"]], str, str], str]


def hub_rows(catalog: Catalog, by_entry: dict[str, list[TroubleRow]]) -> dict[str, list[HubRow]]:
    """Every row with its entry, by collection, in the catalog's collection order."""
    grouped: dict[str, list[HubRow]] = defaultdict(list)
    for entry_id, rows in by_entry.items():
        entry = catalog.by_id[entry_id]
        grouped[entry.collection] += [HubRow(row, entry) for row in rows]
    return {name: grouped[name] for name in catalog.collections if grouped[name]}


def split_hub(
    catalog: Catalog, by_entry: dict[str, list[TroubleRow]], tables: dict[str, int], hub_src: str,
    rows_renderer: RowsRenderer,
) -> tuple[list[GeneratedPage], dict[str, str]] | None:
    """None when the rows fit one hub page; else the overview, the collection pages and rows.json."""
    grouped = hub_rows(catalog, by_entry)
    parts = plan(grouped)
    if parts is None:
        return None
    by_collection: dict[str, list[HubPart]] = defaultdict(list)
    for part in parts:
        by_collection[part.collection].append(part)
    pages = [_part_page(part, by_collection[part.collection], hub_src, rows_renderer) for part in parts]
    overview = render.render_template(
        "troubleshooting_overview.html",
        rows=sum(len(rows) for rows in grouped.values()),
        tables=sum(tables.values()),
        rows_json=href(hub_src, ROWS_JSON),
        shown=SHOWN_MATCHES,
        collections=[
            (name, tables.get(name, 0), len(grouped[name]),
             [(part.number, href(hub_src, _url(part.src_uri))) for part in by_collection[name]])
            for name in by_collection
        ],
    )
    page = render.page(hub_src, "Troubleshooting", f"# Troubleshooting\n\n{overview}",
                       "Every troubleshooting row of every agent and skill, by collection, searchable by symptom",
                       nav_section="Reference")
    page = replace(page, markdown=page.markdown.replace("---\n", "---\nhide:\n- toc\n", 1))
    return [page, *pages], {ROWS_JSON: rows_json(parts)}


def rows_json(parts: list[HubPart]) -> str:
    """The overview's search data: pages, entries (title, collection, row-id prefix), rows (symptom, entry, page, anchor).

    The anchor is "" when it is `symptom_anchor(symptom)` of an ASCII symptom (hub-overview.js `symptomAnchor`).
    """
    from .rows import symptom_anchor  # here: troubleshooting imports this module

    entries: dict[str, int] = {}
    entry_list: list[list[str]] = []
    rows: list[list[object]] = []
    for page_index, part in enumerate(parts):
        for item in part.rows:
            entry = item.entry
            if entry.id not in entries:
                entries[entry.id] = len(entry_list)
                entry_list.append([entry.title, entry.collection, DOM_PREFIX_RE.sub("", item.row.dom_id)])
            # Most anchors are the symptom's slug: left out ("") where the script can make it the same way.
            derived = item.row.symptom.isascii() and item.row.anchor == symptom_anchor(item.row.symptom)
            rows.append([item.row.symptom, entries[entry.id], page_index, "" if derived else item.row.anchor])
    data = {"pages": [_url(part.src_uri) for part in parts], "entries": entry_list, "rows": rows}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _part_page(part: HubPart, siblings: list[HubPart], hub_src: str, rows_renderer: RowsRenderer) -> GeneratedPage:
    """One collection's hub page (or one part of it), with a pager when there are several."""
    src = part.src_uri
    by_entry: dict[str, list[TroubleRow]] = defaultdict(list)
    for item in part.rows:
        by_entry[item.entry.id].append(item.row)
    header = render.render_template(
        "troubleshooting_part.html", collection=part.collection, number=part.number, rows=len(part.rows),
        hub_href=href(src, _url(hub_src)),
        pager=[(p.number, href(src, _url(p.src_uri)), p is part) for p in siblings] if len(siblings) > 1 else [],
    )
    table = rows_renderer(dict(by_entry), src, part.collection)
    title = f"Troubleshooting: {part.collection}" + (f" (part {part.number})" if part.number > 1 else "")
    page = render.held_page(src, title, [f"# {render.md_escape(title)}", header, table],
                       f"Troubleshooting rows of the collection {part.collection}")
    return replace(page, markdown=page.markdown.replace("---\n", "---\nhide:\n- toc\n", 1))


def _url(src_uri: str) -> str:
    """A page source's site URL ('troubleshooting/x.md' -> 'troubleshooting/x/')."""
    return url_of(src_uri)
