"""The framework matrix: which agents and skills cover which framework, and the evidence for each.

Evidence comes from selection diagrams (rendered as real tables on the entry page), frontmatter
(enums, descriptions, validation patterns, triggers, capabilities, the entry's name), headings
('### FastAPI (Modern Async)') and tables under headings about a matrix, comparison or selection.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterator

from markupsafe import Markup

from ..catalog import Catalog, href
from ..markdown.linear import drop_bracketed
from ..markdown.tables import Heading, iter_headings, iter_tables, match_key, plain_text
from ..model import Analysis, Entry, GeneratedPage
from ..pages import render
from .diagrams import SelectionDiagram, iter_selections
from .frameworks import Framework, Vocabulary, load_vocabulary

MATRIX_PAGE = "frameworks.md"
#: The first URL segments this feature's pages take; see catalog.collection_url.
URLS = frozenset({"frameworks"})
#: Evidence kinds, most specific first: a cell links to the first kind an entry has.
KINDS = ("diagram", "table", "heading", "frontmatter")
MATRIX_HEADING_RE = re.compile(r"\b(matri(x|ces)|comparisons?|selection)\b", re.I)
#: Frontmatter keys that name other things (tools, models, skills) rather than what an entry covers.
IGNORED_KEYS = frozenset({
    "tools", "allowed-tools", "model", "color", "version", "license", "skills", "bonded_agent",
    "bond_type", "sasmp_version", "eqhm_enabled", "author",
})
PATTERN_KEYS = frozenset({"validation", "pattern", "regex"})
HIGHLIGHT_HTML_RE = re.compile(r'<div class="[^"]*\bhighlight\b[^"]*">.*?</pre>\s*</div>', re.S)
TAG_RE = re.compile(r"<[^>]+>")
HEADING_SPLIT_RE = re.compile(r"\s+vs\.?\s+|\s*[/&,+]\s*|\s+and\s+|\s+or\s+", re.I)
HEADING_NUMBER_RE = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+")
NAME_SPLIT_RE = re.compile(r"[-_\s]+")


@dataclass(frozen=True)
class Evidence:
    """Why an entry is listed for a framework, and where on its page to see it."""

    entry_id: str
    framework: str
    ecosystem: str
    kind: str  # one of KINDS
    detail: str
    line: int
    anchor: str = ""  # fragment on the entry page, '' for the page itself

    @property
    def url(self) -> str:
        """Site-relative URL of the evidence."""
        return f"{self.entry_id}/" + (f"#{self.anchor}" if self.anchor else "")

    def to_json(self) -> dict[str, Any]:
        """The evidence's shape in catalog.json."""
        return {"kind": self.kind, "detail": self.detail, "line": self.line, "url": self.url}


@dataclass
class PlacedDiagram:
    """A selection diagram of an entry with the id its table gets on the page."""

    diagram: SelectionDiagram
    anchor: str


@dataclass
class Matrix:
    """Everything the feature found: diagrams per entry and evidence per entry."""

    diagrams: dict[str, list[PlacedDiagram]]
    evidence: dict[str, list[Evidence]]
    vocabulary: Vocabulary

    def coverage(self, catalog: Catalog, collection: str | None = None) -> dict[str, dict[str, list[Evidence]]]:
        """Framework name -> entry id -> evidence (best first), for one collection or all."""
        found: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
        for entry_id, items in self.evidence.items():
            if collection is not None and catalog.by_id[entry_id].collection != collection:
                continue
            for item in items:
                found[item.framework][entry_id].append(item)
        for entries in found.values():
            for items in entries.values():
                items.sort(key=lambda e: (KINDS.index(e.kind), e.line))
        return found


def collect_matrix(catalog: Catalog, vocabulary: Vocabulary | None = None) -> Matrix:
    """Diagrams and evidence of every entry."""
    vocabulary = vocabulary or load_vocabulary()
    matrix = Matrix({}, {}, vocabulary)
    for entry in catalog.entries:
        placed, evidence = catalog.memory.call(entry.id, _entry_matrix, entry, vocabulary)
        if placed:
            matrix.diagrams[entry.id] = placed
        if evidence:
            matrix.evidence[entry.id] = evidence
    return matrix


def _entry_matrix(entry: Entry, vocabulary: Vocabulary) -> tuple[list[PlacedDiagram], list[Evidence]]:
    """One entry's placed diagrams and framework evidence."""
    headings = iter_headings(entry.body, entry.body_line)
    placed = place_diagrams(iter_selections(entry.body, entry.body_line, vocabulary), headings)
    return placed, entry_evidence(entry, vocabulary, headings, placed)


def place_diagrams(diagrams: list[SelectionDiagram], headings: list[Heading]) -> list[PlacedDiagram]:
    """Give each diagram an id from the heading above it ('fw-framework-selection-matrix')."""
    placed, taken = [], set()
    for diagram in diagrams:
        above = [h for h in headings if h.line < diagram.fence.start_line]
        base = "fw-" + (above[-1].anchor if above else "selection")
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        taken.add(anchor)
        placed.append(PlacedDiagram(diagram, anchor))
    return placed


def entry_evidence(
    entry: Entry, vocabulary: Vocabulary, headings: list[Heading], diagrams: list[PlacedDiagram]
) -> list[Evidence]:
    """Every piece of evidence that `entry` covers a framework, one per (framework, kind, line)."""
    found: dict[tuple[str, str, int], Evidence] = {}

    def add(framework: Framework, kind: str, detail: str, line: int, anchor: str = "") -> None:
        key = (framework.name, kind, line)
        if key not in found:
            found[key] = Evidence(entry.id, framework.name, framework.ecosystem, kind, detail, line, anchor)

    for placed in diagrams:
        for row in placed.diagram.rows:
            framework = vocabulary.by_value(row.framework)
            if framework:
                add(framework, "diagram", f"selection diagram: {row.language} {row.framework} → {row.when}",
                    row.line, placed.anchor)
    for table in iter_tables(entry.body, entry.body_line):
        if not any(MATRIX_HEADING_RE.search(h.text) for h in table.headings):
            continue
        anchor = table.headings[-1].anchor
        for cells, line in [(table.header, table.line), *zip(table.rows, table.row_lines)]:
            for cell in cells:
                for framework in vocabulary.in_values(plain_text(cell)):
                    add(framework, "table", f"table under '{table.heading}': {plain_text(cell)}", line, anchor)
    for heading in headings:
        for framework in heading_frameworks(heading.text, vocabulary):
            add(framework, "heading", f"heading '{heading.text}'", heading.line, heading.anchor)
    for framework in name_frameworks(entry, vocabulary):
        add(framework, "frontmatter", f"name: {entry.name}", entry.line_of("name"))
    for path, text, line in _frontmatter_texts(entry):
        frameworks = vocabulary.in_values(text) if path.rsplit(".", 1)[-1] in PATTERN_KEYS else vocabulary.in_text(text)
        for framework in frameworks:
            add(framework, "frontmatter", f"{path}: {_shorten(text)}", line)
    return list(found.values())


def heading_frameworks(text: str, vocabulary: Vocabulary) -> list[Framework]:
    """Frameworks a heading is about: those its words start with ('FastAPI (Modern Async)')."""
    head = HEADING_NUMBER_RE.sub("", text).split(":")[0]
    found = []
    # Not re.sub(r"\(.*?\)"): each '(' of a heading rescanned the rest of it (20,000 took seconds).
    for part in HEADING_SPLIT_RE.split(drop_bracketed(head, "(", ")")):
        words = part.split()
        for size in (3, 2, 1):
            framework = vocabulary.by_value(" ".join(words[:size])) if len(words) >= size else None
            if framework:
                if framework not in found:
                    found.append(framework)
                break
    return found


def name_frameworks(entry: Entry, vocabulary: Vocabulary) -> list[Framework]:
    """Frameworks an entry's name or file stem names ('nextjs-developer', 'spring-boot-engineer')."""
    found = []
    for name in {entry.name, entry.stem}:
        words = [w for w in NAME_SPLIT_RE.split(name.lower()) if w]
        index = 0
        while index < len(words):
            for size in (3, 2, 1):
                framework = vocabulary.by_value(" ".join(words[index:index + size]))
                if framework and index + size <= len(words):
                    if framework not in found:
                        found.append(framework)
                    index += size
                    break
            else:
                index += 1
    return found


def replace_diagrams(page_html: str, diagrams: list[PlacedDiagram]) -> str:
    """Render each selection diagram's code block as a table, the drawing kept in a <details>."""
    pending = {match_key(placed.diagram.fence.code): placed for placed in diagrams}

    def replace(match: re.Match[str]) -> str:
        placed = pending.pop(match_key(html.unescape(TAG_RE.sub("", match.group(0)))), None)
        if placed is None:
            return match.group(0)
        groups: dict[str, list[Any]] = defaultdict(list)
        for row in placed.diagram.rows:
            groups[row.language].append(row)
        template = render.environment().get_template("matrix_diagram.html")
        return template.render(anchor=placed.anchor, title=placed.diagram.title, groups=list(groups.items()),
                               original=Markup(match.group(0)))

    return HIGHLIGHT_HTML_RE.sub(replace, page_html)


def render_matrix(catalog: Catalog, matrix: Matrix, from_src: str, collection: str | None = None,
                  heading_level: int = 2) -> str:
    """Markdown: one heading and one table per ecosystem; each cell links to its evidence."""
    coverage = matrix.coverage(catalog, collection)
    sections = []
    for ecosystem in matrix.vocabulary.ecosystems:
        rows = []
        for framework in matrix.vocabulary.in_ecosystem(ecosystem):
            entries = coverage.get(framework.name)
            if not entries:
                continue
            cells: dict[str, list[dict[str, Any]]] = {"agent": [], "skill": []}
            for entry_id, items in sorted(entries.items()):
                entry = catalog.by_id[entry_id]
                if entry.kind not in cells:
                    continue  # the matrix compares agents and skills; a command is neither
                cells[entry.kind].append({
                    "entry": entry,
                    "href": href(from_src, items[0].url),
                    "evidence": "; ".join(dict.fromkeys(f"{i.kind}: {i.detail}" for i in items[:3])),
                })
            for items in cells.values():
                titles = Counter(item["entry"].title for item in items)
                for item in items:
                    item["qualify"] = titles[item["entry"].title] > 1  # namesakes: say which collection
            rows.append({"framework": framework, "agents": cells["agent"], "skills": cells["skill"]})
        if rows:
            table = render.render_template("matrix_ecosystem.html", ecosystem=ecosystem, rows=rows)
            sections.append(f"{'#' * heading_level} {render.md_escape(ecosystem)}\n\n{table}")
    if not sections:
        where = f" in {collection}" if collection else ""
        return render.render_template("matrix_empty.html", where=where)
    return "\n\n".join(sections)


def render_diagram_index(catalog: Catalog, matrix: Matrix, from_src: str) -> str:
    """The table of every selection diagram's rows, with links to the diagrams."""
    items = []
    for entry_id, placed_list in matrix.diagrams.items():
        entry = catalog.by_id[entry_id]
        for placed in placed_list:
            for row in placed.diagram.rows:
                items.append({"row": row, "entry": entry, "href": href(from_src, f"{entry.url}#{placed.anchor}")})
    return render.render_template("matrix_diagrams.html", items=items)


def render_matrix_page(catalog: Catalog, matrix: Matrix) -> GeneratedPage:
    """The site-wide framework matrix page."""
    covered = matrix.coverage(catalog)
    entries = {entry_id for by_entry in covered.values() for entry_id in by_entry}
    intro = render.render_template(
        "matrix_intro.html", frameworks=len(covered), vocabulary=len(matrix.vocabulary.frameworks),
        entries=len(entries),
        diagrams=sum(len(d) for d in matrix.diagrams.values()),
        uncovered=[f.name for f in matrix.vocabulary.frameworks if f.name not in covered],
    )
    parts = ["# Framework matrix", intro, render_matrix(catalog, matrix, MATRIX_PAGE)]
    if matrix.diagrams:
        parts += ["## Selection diagrams", render_diagram_index(catalog, matrix, MATRIX_PAGE)]
    return render.page(MATRIX_PAGE, "Framework matrix", "\n\n".join(parts),
                       "Which agents and skills cover which framework, with the evidence", nav_section="Reference")


def analyse(catalog: Catalog) -> Analysis:
    """The framework matrix feature: diagram tables, per-entry frameworks and the matrix page."""
    matrix = collect_matrix(catalog)

    def transform(entry_id: str, page_html: str) -> str:
        diagrams = matrix.diagrams.get(entry_id)
        return replace_diagrams(page_html, diagrams) if diagrams else page_html

    entry_json = {}
    for entry in catalog.entries:
        by_framework: dict[str, list[Evidence]] = defaultdict(list)
        for item in matrix.evidence.get(entry.id, []):
            by_framework[item.framework].append(item)
        entry_json[entry.id] = {"frameworks": [
            {"name": name, "ecosystem": items[0].ecosystem, "evidence": [i.to_json() for i in items]}
            for name, items in by_framework.items()
        ]}
    covered = len(matrix.coverage(catalog))
    rows = sum(len(p.diagram.rows) for d in matrix.diagrams.values() for p in d)
    return Analysis(
        name="matrix",
        entry_json=entry_json,
        pages=[render_matrix_page(catalog, matrix)],
        summary=f"{covered} frameworks, {rows} selection-diagram rows",
        html_transform=transform,
    )


def _frontmatter_texts(entry: Entry) -> Iterator[tuple[str, str, int]]:
    """(key path, text, line) of every string in the frontmatter, except keys naming other things."""
    for key, value in entry.meta.items():
        if key not in IGNORED_KEYS and key != "name":
            yield from _walk(key, value, entry.line_of(key))


def _walk(path: str, value: Any, line: int) -> Iterator[tuple[str, str, int]]:
    """Strings of a YAML value with their key path."""
    if isinstance(value, dict):
        for key, item in value.items():
            if str(key) not in IGNORED_KEYS:
                yield from _walk(f"{path}.{key}", item, line)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _walk(path, item, line)
    elif isinstance(value, str) and value.strip():
        yield path, value, line


def _shorten(text: str, limit: int = 100) -> str:
    """One line of at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
