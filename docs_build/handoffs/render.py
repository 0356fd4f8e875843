"""Handoffs and bonds on the site: entry sections, neighbourhood graphs, graph pages, the health page.

Agent pages gain "Hands off to", "Receives handoffs from", "Skills" and a neighbourhood graph;
skill pages gain their bonded agents and the agents that list them; cross-references ("Related
skills") are listed apart, under "Related". Each collection gets a graph page, and a health page
lists unresolved references and bond problems by collection.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Sequence

from ..catalog import Catalog, Names, entry_src, href, md_href, slug_path
from ..model import Entry, Problem
from ..pages import render
from .bonds import Bond
from .find import Handoff
from .graph import Graph

HEALTH_PAGE = "health/handoffs.md"
GRAPH_DIR = "graphs"
MAX_NEIGHBOURS = 24  # a neighbourhood graph larger than this is unreadable; the tables list everything


# --- Entry pages ---


def render_entry_sections(
    entry: Entry, handoffs: Sequence[Handoff], bonds: Sequence[Bond], names: Names, graph_src: str | None
) -> list[str]:
    """The Markdown sections appended to one entry's page."""
    src = entry_src(entry)
    related = [h for h in handoffs if h.ref.type == "related"]
    handoffs = [h for h in handoffs if h.ref.type == "handoff"]
    outbound = [h for h in handoffs if h.giver == entry.id]
    inbound = [h for h in handoffs if h.receiver == entry.id]
    out_title, in_title = ("Hands off to", "Receives handoffs from") if entry.kind == "agent" else ("Refers to", "Referred to by")
    sections = []
    if outbound:
        rows = [_handoff_row(h, entry, names, src, peer=h.receiver) for h in outbound]
        sections.append(_section(out_title, "atlas-handoffs-out", "handoffs_table.html", rows=rows, peer_heading="To"))
    if inbound:
        rows = [_handoff_row(h, entry, names, src, peer=h.giver) for h in inbound]
        sections.append(_section(in_title, "atlas-handoffs-in", "handoffs_table.html", rows=rows, peer_heading="From"))
    if entry.kind == "agent":
        own = [b for b in bonds if b.agent_id == entry.id]
        if own:
            rows = [_bond_row(b, entry, names, src, "skill") for b in own]
            sections.append(_section("Skills", "atlas-skills", "handoffs_bonds.html", rows=rows, peer_heading="Skill"))
        if graph := neighbourhood_graph(entry, handoffs, bonds, names):
            link = f"[Whole collection graph]({md_href(src, graph_src)})" if graph_src else ""
            sections.append(f"## Handoff graph {{#atlas-graph}}\n\n{graph.fence()}\n\n{link}".rstrip())
    else:
        stated = [b for b in bonds if b.declared_by == entry.id]
        listing = [b for b in bonds if b.skill_id == entry.id and b.declared_by != entry.id]
        if stated:
            rows = [_bond_row(b, entry, names, src, "agent") for b in stated]
            sections.append(_section("Bonded agents", "atlas-bonded-agents", "handoffs_bonds.html", rows=rows, peer_heading="Agent"))
        if listing:
            rows = [_bond_row(b, entry, names, src, "agent") for b in listing]
            sections.append(_section("Listed by agents", "atlas-listed-by", "handoffs_bonds.html", rows=rows, peer_heading="Agent"))
    if related:
        # Cross-references, not handoffs: no work is said to pass, so they stay out of the tables and graphs.
        rows = [_handoff_row(h, entry, names, src, peer=h.target if h.source == entry.id else h.source) for h in related]
        sections.append(_section("Related", "atlas-related", "handoffs_table.html", rows=rows, peer_heading="Entry"))
    return sections


def _section(title: str, anchor: str, template: str, **context: Any) -> str:
    """A Markdown heading with a fixed id, then one raw-HTML table."""
    return f"## {title} {{#{anchor}}}\n\n{render.render_template(template, **context)}"


def _handoff_row(handoff: Handoff, entry: Entry, names: Names, src: str, peer: str | None) -> dict[str, Any]:
    """One table row: the other end (link or not-in-catalog), topic, dialect, and where it is stated."""
    ref = handoff.ref
    other = names.by_id[peer] if peer else None
    stated_in = names.by_id[handoff.source]
    anchor = f"#{ref.anchor}" if ref.anchor else ""
    here = stated_in.id == entry.id
    return {
        "label": other.name if other else ref.target,
        "href": href(src, other.url) if other else None,
        "note": f"in {other.collection}" if other and other.collection != entry.collection else "",
        "topic": ref.topic,
        "kind": ref.label,
        "where": f"line {ref.line}" if here else f"{stated_in.name}, line {ref.line}",
        "where_href": (anchor or "#") if here else href(src, stated_in.url + anchor),
    }


def _bond_row(bond: Bond, entry: Entry, names: Names, src: str, peer_kind: str) -> dict[str, Any]:
    """One bond row: the other end, the bond type and the file and line stating it."""
    peer = bond.skill_id if peer_kind == "skill" else bond.agent_id
    other = names.by_id[peer] if peer else None
    stated_in = names.by_id[bond.declared_by]
    here = stated_in.id == entry.id
    place = f"{bond.source}, line {bond.line}"
    return {
        "label": other.name if other else (bond.skill if peer_kind == "skill" else bond.agent),
        "href": href(src, other.url) if other else None,
        "note": f"in {other.collection}" if other and other.collection != entry.collection else "",
        "type": bond.type or "listed",
        "where": place if here else f"{stated_in.name}, {place}",
        "where_href": None if here else href(src, stated_in.url),
    }


def neighbourhood_graph(entry: Entry, handoffs: Sequence[Handoff], bonds: Sequence[Bond], names: Names) -> Graph | None:
    """The agent, who it hands off to, who hands off to it, and its skills; None when it has no neighbours."""
    graph = Graph()
    graph.node(entry.id, entry.name, "self")
    for handoff in handoffs:
        if handoff.ref.type != "handoff" or entry.id not in (handoff.source, handoff.target) or len(graph.nodes) > MAX_NEIGHBOURS:
            continue
        ends = []
        for end in (handoff.giver, handoff.receiver):
            if end is None:
                key = f"missing:{handoff.ref.target}"
                ends.append(key)
                graph.node(key, f"{handoff.ref.target} (not in catalog)", "missing")
            else:
                other = names.by_id[end]
                ends.append(end)
                graph.node(end, other.name, "agent" if other.kind == "agent" else "skill")
        graph.edge(ends[0], ends[1])
    for bond in sorted(bonds, key=lambda b: not b.type):  # a typed statement labels the edge first
        if bond.agent_id == entry.id and bond.skill_id and len(graph.nodes) <= MAX_NEIGHBOURS:
            graph.node(bond.skill_id, names.by_id[bond.skill_id].name, "skill")
            graph.edge(bond.skill_id, entry.id, bond.type.replace("_BOND", "").lower(), dotted=True)
    return graph if len(graph.nodes) > 1 else None


# --- Collection graph pages ---


def render_graph_pages(handoffs: list[Handoff], bonds: list[Bond], catalog: Catalog) -> dict[str, Any]:
    """One page per collection with resolved handoffs or bonds: one graph per plugin or category."""
    edges: dict[str, dict[str | None, list[tuple[str, str, bool]]]] = defaultdict(lambda: defaultdict(list))
    for handoff in handoffs:
        if handoff.ref.type == "handoff" and handoff.giver and handoff.receiver:
            giver = catalog.by_id[handoff.giver]
            edges[giver.collection][giver.group].append((handoff.giver, handoff.receiver, False))
    for bond in bonds:
        if bond.resolved:
            agent = catalog.by_id[bond.agent_id]
            edges[agent.collection][agent.group].append((bond.skill_id, bond.agent_id, True))
    pages = {}
    for collection in catalog.collections:
        if collection in edges:
            pages[collection] = _graph_page(collection, edges[collection], catalog)
    return pages


def _graph_page(collection: str, groups: dict[str | None, list[tuple[str, str, bool]]], catalog: Catalog) -> Any:
    """The graph page of one collection."""
    src = f"{GRAPH_DIR}/{slug_path(collection)}.md"
    parts = []
    for group in sorted(groups, key=lambda g: (g is not None, g or "")):
        graph = Graph()
        rows = []
        for source, target, dotted in dict.fromkeys(groups[group]):
            ends = [catalog.by_id[source], catalog.by_id[target]]
            for end in ends:
                style = "skill" if end.kind == "skill" else "agent"
                label = end.name
                if end.collection != collection or end.group != group:
                    style, label = "other", f"{end.name} ({end.group or end.collection})"
                graph.node(end.id, label, style)
            graph.edge(source, target, dotted=dotted)
            rows.append((ends[0].name, href(src, ends[0].url), "bonded to" if dotted else "hands off to",
                         ends[1].name, href(src, ends[1].url)))
        heading = f"## {render.md_escape(group)}\n\n" if group else ""
        table = render.render_template("graph_edges.html", rows=rows)
        parts.append(f"{heading}{graph.fence()}\n\n{table}")
    title = f"Handoff graph: {collection}"
    intro = ("Arrows: an agent hands work off to another. Dotted lines: a skill bonded to an agent. "
             "The list under each graph links every page.")
    content = f"# {render.md_escape(title)}\n\n{intro}\n\n" + "\n\n".join(parts)
    return render.page(src, title, content, f"Handoffs and bonds of {collection}",
                       nav_section="Reference/Handoff graphs", nav_title=collection)


# --- Health page ---


def render_health(problems: list[Problem], catalog: Catalog) -> Any:
    """Unresolved references and bond problems, grouped by collection, linking to the pages."""
    groups = render.problems_by_collection(problems, catalog, HEALTH_PAGE)
    counts = Counter(problem.code for problem in problems)
    content = render.render_template(
        "handoffs_health.html",
        counts=sorted(counts.items()),
        groups=groups,
        collection_ids={collection: render.slug(collection) for collection, _ in groups},
    )
    title = "Handoffs and bonds"
    return render.page(HEALTH_PAGE, title, f"# {title}\n\n{content}", "Unresolved handoffs and bond problems", nav_section="Health")
