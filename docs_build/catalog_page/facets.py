"""The faceted catalog page, "All agents and skills": every entry in one table, filtered by collection,
kind, model, tool and free text, sorted by any column; docs/assets/catalog.js keeps the filters in the URL.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..catalog import Catalog, href
from ..model import Analysis, Entry, GeneratedPage
from ..pages import render
from ..troubleshooting.rows import short_collection

PAGE = "catalog.md"
#: The first URL segments this feature's pages take; see catalog.collection_url.
URLS = frozenset({"catalog"})
#: Rows per block (one table each, laid out only near the viewport), as on the troubleshooting hub.
BLOCK_ROWS = 40
MAX_SUMMARY_CHARS = 160
NO_MODEL = "(not set)"
NO_GROUP = "(none)"
#: Filters, in the order of the controls: (URL parameter, label, row attribute).
FACETS = [
    ("collection", "Collection", "collection"),
    ("kind", "Kind", "kind"),
    ("plugin", "Plugin or category", "plugin"),
    ("model", "Model", "model"),
    ("tool", "Tool", "tools"),
]


def facet_values(entries: list[Entry]) -> dict[str, list[tuple[str, int]]]:
    """Each facet's values with how many entries have them, most common first (collections by name).

    Values that differ only in case are one option (the page filters without case), in their commonest spelling.
    """
    counts: dict[str, Counter[str]] = {name: Counter() for name, _, _ in FACETS}
    spellings: dict[str, Counter[str]] = {}
    for entry in entries:
        values = {"collection": [entry.collection], "kind": [entry.kind], "plugin": [entry.group or NO_GROUP],
                  "model": [entry.model or NO_MODEL],
                  "tool": {tool.lower(): tool for tool in entry.tools}.values()}
        for name, found in values.items():
            for value in found:
                counts[name][value.lower()] += 1
                spellings.setdefault(value.lower(), Counter())[value] += 1
    ordered = {
        name: sorted(((spellings[key].most_common(1)[0][0], n) for key, n in found.items()),
                     key=lambda item: (-item[1], item[0].lower()))
        for name, found in counts.items()
    }
    ordered["collection"] = sorted(ordered["collection"])
    return ordered


def summary(entry: Entry) -> str:
    """The description's summary, cut to one table line's worth."""
    text = render.split_description(entry.description)[0]
    return text if len(text) <= MAX_SUMMARY_CHARS else text[: MAX_SUMMARY_CHARS - 1].rstrip() + "…"


def render_page(catalog: Catalog) -> GeneratedPage:
    """The page: filters, a count, and the table of every entry (in path order)."""
    entries = sorted(catalog.entries, key=lambda e: e.id)
    rows = [
        {"entry": entry, "href": href(PAGE, entry.url), "model": entry.model or NO_MODEL, "plugin": entry.group or NO_GROUP,
         "tools": "|" + "|".join(entry.tools) + "|", "summary": summary(entry),
         "collection_label": short_collection(entry.collection)}
        for entry in entries
    ]
    content = render.render_template(
        "catalog_page.html", rows=rows, facets=FACETS, values=facet_values(entries), block_rows=BLOCK_ROWS,
    )
    page = render.held_page(PAGE, "All agents and skills", ["# All agents and skills", content],
                       "Every agent, skill and command, filtered by collection, kind, plugin, model and tool", nav_section="Reference")
    # One wide table: the table-of-contents sidebar would only take its width; the search index skips the copy.
    return replace(page, markdown=page.markdown.replace("---\n", "---\nhide:\n- toc\nsearch:\n  exclude: true\n", 1))


def analyse(catalog: Catalog) -> Analysis:
    """The faceted catalog feature: one page."""
    return Analysis(name="facets", pages=[render_page(catalog)])
