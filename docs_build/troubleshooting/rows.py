"""Troubleshooting rows: one linkable, searchable row per symptom, and a hub page with all of them.

Each row gets an anchor derived from its symptom text (never its position), so inserting a row above
keeps every existing link working. The anchor is put on the rendered `<tr>` of the entry page.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from ..catalog import Catalog, href
from ..markdown.tables import (
    MarkdownTable,
    iter_headings,
    iter_tables,
    match_key,
    plain_text,
)
from ..model import Analysis, Entry, GeneratedPage, Location, Problem, SearchDocument
from ..pages import render
from . import hubpages
from .columns import ROLES, header_roles

HUB_PAGE = "troubleshooting.md"
#: The first URL segments this feature's pages take (the hub, split or whole); see catalog.collection_url.
URLS = frozenset({"troubleshooting"})
ANCHOR_PREFIX = "ts-"
MAX_SLUG_CHARS = 60
#: Hub rows per block (one table each, rendered only near the viewport); about 3,000 px on a desktop.
BLOCK_ROWS = 40
SLUG_RE = re.compile(r"[^a-z0-9]+")
TABLE_HTML_RE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
ROW_HTML_RE = re.compile(r"<tr\b(?P<attrs>[^>]*)>(?P<cells>.*?)</tr>", re.S)
CELL_HTML_RE = re.compile(r"<(?P<tag>t[hd])\b[^>]*>(?P<content>.*?)</(?P=tag)>", re.S)
TAG_RE = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class TroubleRow:
    """One row of a troubleshooting table, normalised, with its stable anchor on the entry page."""

    entry_id: str
    anchor: str
    symptom: str
    cause: str
    solution: str
    extra: tuple[tuple[str, str], ...]  # (header, value) of every other column, in table order
    line: int
    heading: str

    @property
    def id(self) -> str:
        """Globally unique and stable: the entry's id and the row's anchor."""
        return f"{self.entry_id}#{self.anchor}"

    @property
    def url(self) -> str:
        """Site-relative URL of the row on its entry page."""
        return f"{self.entry_id}/#{self.anchor}"

    @property
    def dom_id(self) -> str:
        """An HTML id for the row on pages that list rows of many entries (the hub)."""
        return f"{SLUG_RE.sub('-', self.entry_id.lower()).strip('-')}--{self.anchor}"

    def to_json(self) -> dict[str, Any]:
        """The row's shape in catalog.json."""
        return {
            "id": self.id,
            "url": self.url,
            "symptom": self.symptom,
            "cause": self.cause,
            "solution": self.solution,
            "extra": dict(self.extra),
            "line": self.line,
            "heading": self.heading,
        }


@dataclass
class Troubleshooting:
    """Every row of a catalog by entry id, the tables they came from and the problems met."""

    by_entry: dict[str, list[TroubleRow]]
    tables: Counter[str]  # troubleshooting tables per collection
    problems: list[Problem]
    # entry id -> header (as match keys) of each of its troubleshooting tables -> the symptom column,
    # so the rendered tables are found again without re-reading their headings.
    symptom_columns: dict[str, dict[tuple[str, ...], int]] = field(default_factory=dict)

    def rows_per_collection(self, catalog: Catalog) -> Counter[str]:
        """How many rows each collection has."""
        totals: Counter[str] = Counter()
        for entry_id, rows in self.by_entry.items():
            totals[catalog.by_id[entry_id].collection] += len(rows)
        return totals


def entry_rows(entry: Entry) -> tuple[list[TroubleRow], dict[tuple[str, ...], int], list[Problem]]:
    """Every troubleshooting row of one entry's body (anchors unique on its page), and its tables' symptom columns."""
    drafts: list[dict[str, Any]] = []
    problems: list[Problem] = []
    columns: dict[tuple[str, ...], int] = {}
    for table in iter_tables(entry.body, entry.body_line):
        roles = header_roles(table.header, [h.text for h in table.headings])
        if roles is None:
            continue
        columns[header_key(table.header)] = roles["symptom"]
        for cells, line in zip(table.rows, table.row_lines):
            draft = _draft(table, roles, cells, line)
            if draft["symptom"]:
                drafts.append(draft)
            else:
                problems.append(Problem(
                    Location(entry.source, line), "info", "troubleshooting-empty-symptom",
                    f"troubleshooting row under '{table.heading or 'the table'}' has an empty "
                    f"'{plain_text(table.header[roles['symptom']])}' cell; it gets no link and no search result",
                    "name the symptom in the first column, e.g. '| ECONNRESET | Connection dropped | Retry |'",
                ))
    reserved = {heading.anchor for heading in iter_headings(entry.body, entry.body_line)}
    anchors = assign_anchors(drafts, reserved)
    rows = [TroubleRow(entry.id, anchor, **draft) for draft, anchor in zip(drafts, anchors)]
    return rows, columns, problems


def header_key(header: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """A header as both its Markdown and its rendered HTML reduce to."""
    return tuple(match_key(plain_text(cell)) for cell in header)


def assign_anchors(drafts: list[dict[str, Any]], reserved: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Anchors from the symptom text; a repeated symptom is told apart by heading, then content.

    `reserved` holds ids the page already uses (its headings'), which rows must not take.
    """
    taken: set[str] = set(reserved)
    anchors: list[str] = []
    for draft in drafts:
        base = symptom_anchor(draft["symptom"])
        candidates = [base]
        if draft["heading"]:
            candidates.append(f"{base}--{_slug(draft['heading'])[:MAX_SLUG_CHARS].strip('-')}")
        content = "\n".join([draft["cause"], draft["solution"], *(v for _, v in draft["extra"])])
        candidates.append(f"{base}--{_digest(content)}")
        anchor = next((c for c in candidates if c not in taken), None)
        number = 1
        while anchor is None or anchor in taken:
            number += 1
            anchor = f"{candidates[-1]}-{number}"
        taken.add(anchor)
        anchors.append(anchor)
    return anchors


def symptom_anchor(symptom: str) -> str:
    """'ECONNRESET' -> 'ts-econnreset'; text without ASCII letters or digits gets a digest."""
    slug = _slug(symptom)[:MAX_SLUG_CHARS].strip("-")
    return ANCHOR_PREFIX + (slug or _digest(symptom))


def collect_rows(catalog: Catalog) -> Troubleshooting:
    """Rows of every entry of the catalog."""
    found = Troubleshooting({}, Counter(), [])
    for entry in catalog.entries:
        rows, columns, problems = catalog.memory.call(entry.id, entry_rows, entry)
        found.problems += problems
        if columns:
            found.tables[entry.collection] += len(columns)
            found.symptom_columns[entry.id] = columns
        if rows:
            found.by_entry[entry.id] = rows
    return found


def anchor_rows(
    page_html: str, rows: list[TroubleRow], columns: dict[tuple[str, ...], int], page_title: str = ""
) -> str:
    """Give each rendered troubleshooting `<tr>` its row's id and copy-link controls.

    `columns`: the symptom column of each troubleshooting table, by header (see `entry_rows`);
    `page_title`: the entry's title, added to the rows' link text.
    """
    pending: dict[str, deque[TroubleRow]] = defaultdict(deque)
    for row in rows:
        pending[match_key(row.symptom)].append(row)

    def rewrite_table(table: re.Match[str]) -> str:
        found = list(ROW_HTML_RE.finditer(table.group(0)))
        if not found:
            return table.group(0)
        header = [_html_text(c["content"]) for c in CELL_HTML_RE.finditer(found[0]["cells"])]
        column = columns.get(header_key(header))
        if column is None:
            return table.group(0)

        def rewrite_row(match: re.Match[str]) -> str:
            cells = list(CELL_HTML_RE.finditer(match["cells"]))
            if column >= len(cells) or cells[column]["tag"] != "td":
                return match.group(0)
            queue = pending.get(match_key(_html_text(cells[column]["content"])))
            if not queue:
                return match.group(0)
            row = queue.popleft()
            cell = cells[column]
            link = render.render_template("troubleshooting_anchor.html", anchor=row.anchor)
            title = f"{row.symptom} ({page_title})" if page_title else row.symptom
            link += render.copy_controls(f"{row.entry_id}.md", row.url, title, row=True)
            inner = match["cells"]
            inner = inner[:cell.end("content")] + link + inner[cell.end("content"):]
            return f'<tr{match["attrs"]} id="{html.escape(row.anchor)}" class="atlas-ts-row">{inner}</tr>'

        return ROW_HTML_RE.sub(rewrite_row, table.group(0))

    return TABLE_HTML_RE.sub(rewrite_table, page_html)


def search_documents(catalog: Catalog, by_entry: dict[str, list[TroubleRow]]) -> list[SearchDocument]:
    """One search document per row, so a search for the symptom, cause or fix lands on the row itself."""
    documents = []
    for entry_id, rows in by_entry.items():
        entry = catalog.by_id[entry_id]
        for row in rows:
            fields = [("Cause", row.cause), ("Solution", row.solution), *row.extra]
            fields.append(("Troubleshooting", f"{entry.title} ({entry.collection})"))
            documents.append(SearchDocument(
                url=row.url,
                title=row.symptom,
                fields=tuple((label, value) for label, value in fields if value),
                filters=(("collection", entry.collection), ("kind", "troubleshooting row")),
            ))
    return documents


def render_rows(
    catalog: Catalog, by_entry: dict[str, list[TroubleRow]], from_src: str, collection: str | None = None,
    stats: str = "",
) -> str:
    """The filterable, sortable table of rows (one collection or all), linked from `from_src`.

    `stats` is HTML shown between the filter box and the table (the hub's per-collection counts).
    """
    items = []
    for entry_id, rows in by_entry.items():
        entry = catalog.by_id[entry_id]
        if collection is not None and entry.collection != collection:
            continue
        # Once per entry, not per row: relative paths were half the hub's render time at 20,000 rows.
        entry_href = href(from_src, f"{entry_id}/")
        collection_href = href(from_src, catalog.collection_url(entry.collection))
        for row in rows:
            items.append({
                "row": row,
                "entry": entry,
                "row_href": f"{entry_href}#{row.anchor}",
                "collection_href": collection_href,
                "collection_label": short_collection(entry.collection),
            })
    return render.render_template("troubleshooting_hub.html", items=items, collection=collection,
                                  stats=Markup(stats), block_rows=BLOCK_ROWS)


def short_collection(name: str) -> str:
    """'owner__custom-plugin-api-design' -> 'custom-plugin-api-design': the repository without its owner."""
    return name.split("__", 1)[-1] or name


def render_hub(catalog: Catalog, found: Troubleshooting) -> GeneratedPage:
    """The hub page: every row of every collection."""
    per_collection = found.rows_per_collection(catalog)
    intro = render.render_template(
        "troubleshooting_intro.html", rows=sum(per_collection.values()), tables=sum(found.tables.values()),
    )
    stats = render.render_template(
        "troubleshooting_stats.html",
        collections=[(name, found.tables[name], per_collection[name]) for name in catalog.collections
                     if found.tables[name]],
    )
    # The statistics go under the filter box, collapsed: on a phone the filter must be on the first screen.
    hub = render_rows(catalog, found.by_entry, HUB_PAGE, stats=stats)
    page = render.held_page(HUB_PAGE, "Troubleshooting", ["# Troubleshooting", intro, hub],
                       "Every troubleshooting row of every agent and skill, searchable by symptom",
                       nav_section="Reference")
    # The page has no sections: Material's table-of-contents sidebar would only take width from the table.
    return replace(page, markdown=page.markdown.replace("---\n", "---\nhide:\n- toc\n", 1))


def analyse(catalog: Catalog) -> Analysis:
    """The troubleshooting feature: rows in catalog.json, anchors, search documents and the hub."""
    found = collect_rows(catalog)
    rows = sum(len(rows) for rows in found.by_entry.values())
    split = hubpages.split_hub(catalog, found.by_entry, found.tables, HUB_PAGE,
                               lambda by_entry, src, name: render_rows(catalog, by_entry, src, name))
    pages, files = split or ([render_hub(catalog, found)], {})

    def transform(entry_id: str, page_html: str) -> str:
        entry_rows_ = found.by_entry.get(entry_id)
        if not entry_rows_:
            return page_html
        return anchor_rows(page_html, entry_rows_, found.symptom_columns[entry_id], catalog.by_id[entry_id].title)

    return Analysis(
        name="troubleshooting",
        problems=found.problems,
        entry_json={
            entry.id: {"troubleshooting": [row.to_json() for row in found.by_entry.get(entry.id, [])]}
            for entry in catalog.entries
        },
        pages=pages,
        files=files,
        summary=f"{rows} troubleshooting rows in {sum(found.tables.values())} tables",
        html_transform=transform,
        search_documents=search_documents(catalog, found.by_entry),
    )


def _draft(table: MarkdownTable, roles: dict[str, int], cells: tuple[str, ...], line: int) -> dict[str, Any]:
    """A row's fields before its anchor is known."""
    def cell(index: int) -> str:
        return plain_text(cells[index]) if index < len(cells) else ""

    role_columns = set(roles.values())
    extra = tuple(
        (plain_text(header) or f"Column {index + 1}", cell(index))
        for index, header in enumerate(table.header) if index not in role_columns
    )
    fields = {role: cell(roles[role]) if role in roles else "" for role in ROLES}
    return {**fields, "extra": extra, "line": line, "heading": table.heading}


def _html_text(fragment: str) -> str:
    """The text of an HTML fragment."""
    return html.unescape(TAG_RE.sub("", fragment))


def _slug(text: str) -> str:
    """ASCII letters and digits, lowercased, joined by '-'."""
    return SLUG_RE.sub("-", text.lower()).strip("-")


def _digest(text: str) -> str:
    """A short, stable digest of some text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
