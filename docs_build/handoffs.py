"""The handoffs-and-bonds feature: resolve references, audit bonds, and show both on the site.

Agent pages gain "Hands off to", "Receives handoffs from", "Skills" and a neighbourhood graph;
skill pages gain their bonded agents and the agents that list them. Each collection gets a graph
page, and a health page lists unresolved references and bond problems by collection.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from . import render
from .bodylinks import definition_paths
from .bonds import Bond, audit_bonds, find_bonds
from .catalog import Catalog, slug_path
from .graph import Graph
from .links import Reference, agent_number, extract_references, numbered_agents, resolve_name, resolve_number, suggest
from .model import Analysis, Entry, Location, Problem

HEALTH_PAGE = "health/handoffs.md"
GRAPH_DIR = "graphs"
MAX_NEIGHBOURS = 24  # a neighbourhood graph larger than this is unreadable; the tables list everything


@dataclass(frozen=True)
class Handoff:
    """A reference from one entry's file to another entry, resolved (target id) or not (None)."""

    source: str  # id of the entry whose file states it
    ref: Reference
    target: str | None

    @property
    def giver(self) -> str | None:
        """Id of the entry that hands work off (the target, for "receives from" statements)."""
        return self.source if self.ref.direction == "to" else self.target

    @property
    def receiver(self) -> str | None:
        """Id of the entry that receives the work."""
        return self.target if self.ref.direction == "to" else self.source

    def to_json(self) -> dict[str, Any]:
        """The shape of a handoff in catalog.json."""
        ref = self.ref
        return {
            "target": self.target, "text": ref.text, "topic": ref.topic, "line": ref.line, "kind": ref.kind,
            "resolved": self.target is not None, "direction": ref.direction, "phrase": ref.phrase, "written": ref.target,
        }


def find_handoffs(catalog: Catalog) -> list[Handoff]:
    """Every reference of every body, resolved; links to files the site lacks are left to bodylinks."""
    paths = definition_paths(catalog.entries)
    handoffs = []
    for entry in catalog.entries:
        for ref in extract_references(entry.body, entry.body_line, entry.kind):
            target = resolve_reference(ref, entry, catalog, paths)
            if ref.target_kind == "path" and target is None:
                continue  # a link to a non-definition file (references/…): not a handoff
            if target is not None and target.id == entry.id:
                continue  # "Agent 02" inside agent 02 is not a handoff
            handoffs.append(Handoff(entry.id, ref, target.id if target else None))
    return handoffs


def resolve_reference(ref: Reference, entry: Entry, catalog: Catalog, paths: dict[str, Entry]) -> Entry | None:
    """The entry a reference names: numbers within the folder, paths by file, names by name or stem."""
    if (number := agent_number(ref.target)) is not None:
        return resolve_number(number, entry, catalog)
    if ref.target_kind == "path":
        return paths.get(posixpath.normpath(posixpath.join(posixpath.dirname(entry.source), ref.target)))
    return resolve_name(ref.target, entry, catalog, ref.target_kind)


def handoff_problems(handoffs: list[Handoff], catalog: Catalog) -> list[Problem]:
    """Unresolved references as notes: often deliberate (an agent of the full repository), never fatal."""
    problems = []
    for handoff in handoffs:
        if handoff.target is not None:
            continue
        entry, ref = catalog.by_id[handoff.source], handoff.ref
        about = f" ({ref.topic})" if ref.topic else ""
        if agent_number(ref.target) is not None:
            known = ", ".join(numbered_agents(entry, catalog)) or "none"
            folder = posixpath.dirname(entry.source)
            message = f"handoff target '{ref.target}'{about} is not among the numbered agents of {folder} (known: {known})"
            hint = "shown as 'not in this catalog'; add the agent's file to the collection to link it"
        else:
            message = f"handoff target '{ref.target}'{about} names no {ref.target_kind} of collection '{entry.collection}'"
            close = suggest(ref.target, entry, catalog, ref.target_kind)
            hint = f"did you mean '{close}'?" if close else "shown as 'not in this catalog'"
        problems.append(Problem(Location(entry.source, ref.line), "info", "handoff-unresolved", message, hint))
    return problems


def analyse(catalog: Catalog) -> Analysis:
    """Handoffs, bonds, their problems, entry sections, graph pages and the health page."""
    handoffs = find_handoffs(catalog)
    bonds = find_bonds(catalog)
    analysis = Analysis("handoffs")
    analysis.problems = handoff_problems(handoffs, catalog) + audit_bonds(bonds, catalog)
    graph_pages = render_graph_pages(handoffs, bonds, catalog)
    graph_srcs = {collection: page.src_uri for collection, page in graph_pages.items()}
    # Each entry only needs what touches it: index once instead of scanning everything per page.
    touching: dict[str, list[Handoff]] = defaultdict(list)
    for handoff in handoffs:
        for end in {handoff.source, handoff.target} - {None}:
            touching[end].append(handoff)
    bonded: dict[str, list[Bond]] = defaultdict(list)
    for bond in bonds:
        for end in {bond.skill_id, bond.agent_id, bond.declared_by} - {None}:
            bonded[end].append(bond)
    for entry in catalog.entries:
        analysis.entry_json[entry.id] = {
            "handoffs": [h.to_json() for h in touching[entry.id] if h.source == entry.id],
            "bonds": [b.to_json() for b in bonded[entry.id]],
        }
        sections = render_entry_sections(entry, touching[entry.id], bonded[entry.id], catalog, graph_srcs.get(entry.collection))
        if sections:
            analysis.entry_markdown[entry.id] = sections
    analysis.pages = [*graph_pages.values(), render_health(analysis.problems, catalog)]
    resolved = sum(h.target is not None for h in handoffs)
    analysis.summary = f"{len(handoffs)} handoffs ({resolved} resolved), {len(bonds)} bonds"
    return analysis


# --- Entry pages ---


def render_entry_sections(
    entry: Entry, handoffs: list[Handoff], bonds: list[Bond], catalog: Catalog, graph_src: str | None
) -> list[str]:
    """The Markdown sections appended to one entry's page."""
    src = render.entry_src(entry)
    outbound = [h for h in handoffs if h.giver == entry.id]
    inbound = [h for h in handoffs if h.receiver == entry.id]
    out_title, in_title = ("Hands off to", "Receives handoffs from") if entry.kind == "agent" else ("Refers to", "Referred to by")
    sections = []
    if outbound:
        rows = [_handoff_row(h, entry, catalog, src, peer=h.receiver) for h in outbound]
        sections.append(_section(out_title, "atlas-handoffs-out", "handoffs_table.html", rows=rows, peer_heading="To"))
    if inbound:
        rows = [_handoff_row(h, entry, catalog, src, peer=h.giver) for h in inbound]
        sections.append(_section(in_title, "atlas-handoffs-in", "handoffs_table.html", rows=rows, peer_heading="From"))
    if entry.kind == "agent":
        own = [b for b in bonds if b.agent_id == entry.id]
        if own:
            rows = [_bond_row(b, entry, catalog, src, "skill") for b in own]
            sections.append(_section("Skills", "atlas-skills", "handoffs_bonds.html", rows=rows, peer_heading="Skill"))
        if graph := neighbourhood_graph(entry, handoffs, bonds, catalog):
            link = f"[Whole collection graph]({render.md_href(src, graph_src)})" if graph_src else ""
            sections.append(f"## Handoff graph {{#atlas-graph}}\n\n{graph.fence()}\n\n{link}".rstrip())
    else:
        stated = [b for b in bonds if b.declared_by == entry.id]
        listing = [b for b in bonds if b.skill_id == entry.id and b.declared_by != entry.id]
        if stated:
            rows = [_bond_row(b, entry, catalog, src, "agent") for b in stated]
            sections.append(_section("Bonded agents", "atlas-bonded-agents", "handoffs_bonds.html", rows=rows, peer_heading="Agent"))
        if listing:
            rows = [_bond_row(b, entry, catalog, src, "agent") for b in listing]
            sections.append(_section("Listed by agents", "atlas-listed-by", "handoffs_bonds.html", rows=rows, peer_heading="Agent"))
    return sections


def _section(title: str, anchor: str, template: str, **context: Any) -> str:
    """A Markdown heading with a fixed id, then one raw-HTML table."""
    return f"## {title} {{#{anchor}}}\n\n{render.render_template(template, **context)}"


def _handoff_row(handoff: Handoff, entry: Entry, catalog: Catalog, src: str, peer: str | None) -> dict[str, Any]:
    """One table row: the other end (link or not-in-catalog), topic, dialect, and where it is stated."""
    ref = handoff.ref
    other = catalog.by_id[peer] if peer else None
    stated_in = catalog.by_id[handoff.source]
    anchor = f"#{ref.anchor}" if ref.anchor else ""
    here = stated_in.id == entry.id
    return {
        "label": other.name if other else ref.target,
        "href": render.href(src, other.url) if other else None,
        "note": f"in {other.collection}" if other and other.collection != entry.collection else "",
        "topic": ref.topic,
        "kind": ref.kind,
        "where": f"line {ref.line}" if here else f"{stated_in.name}, line {ref.line}",
        "where_href": (anchor or "#") if here else render.href(src, stated_in.url + anchor),
    }


def _bond_row(bond: Bond, entry: Entry, catalog: Catalog, src: str, peer_kind: str) -> dict[str, Any]:
    """One bond row: the other end, the bond type and the file and line stating it."""
    peer = bond.skill_id if peer_kind == "skill" else bond.agent_id
    other = catalog.by_id[peer] if peer else None
    stated_in = catalog.by_id[bond.declared_by]
    here = stated_in.id == entry.id
    place = f"{bond.source}, line {bond.line}"
    return {
        "label": other.name if other else (bond.skill if peer_kind == "skill" else bond.agent),
        "href": render.href(src, other.url) if other else None,
        "note": f"in {other.collection}" if other and other.collection != entry.collection else "",
        "type": bond.type or "listed",
        "where": place if here else f"{stated_in.name}, {place}",
        "where_href": None if here else render.href(src, stated_in.url),
    }


def neighbourhood_graph(entry: Entry, handoffs: list[Handoff], bonds: list[Bond], catalog: Catalog) -> Graph | None:
    """The agent, who it hands off to, who hands off to it, and its skills; None when it has no neighbours."""
    graph = Graph()
    graph.node(entry.id, entry.name, "self")
    for handoff in handoffs:
        if entry.id not in (handoff.source, handoff.target) or len(graph.nodes) > MAX_NEIGHBOURS:
            continue
        ends = []
        for end in (handoff.giver, handoff.receiver):
            if end is None:
                key = f"missing:{handoff.ref.target}"
                ends.append(key)
                graph.node(key, f"{handoff.ref.target} (not in catalog)", "missing")
            else:
                other = catalog.by_id[end]
                ends.append(end)
                graph.node(end, other.name, "agent" if other.kind == "agent" else "skill")
        graph.edge(ends[0], ends[1])
    for bond in sorted(bonds, key=lambda b: not b.type):  # a typed statement labels the edge first
        if bond.agent_id == entry.id and bond.skill_id and len(graph.nodes) <= MAX_NEIGHBOURS:
            graph.node(bond.skill_id, catalog.by_id[bond.skill_id].name, "skill")
            graph.edge(bond.skill_id, entry.id, bond.type.replace("_BOND", "").lower(), dotted=True)
    return graph if len(graph.nodes) > 1 else None


# --- Collection graph pages ---


def render_graph_pages(handoffs: list[Handoff], bonds: list[Bond], catalog: Catalog) -> dict[str, Any]:
    """One page per collection with resolved handoffs or bonds: one graph per plugin or category."""
    edges: dict[str, dict[str | None, list[tuple[str, str, bool]]]] = defaultdict(lambda: defaultdict(list))
    for handoff in handoffs:
        if handoff.giver and handoff.receiver:
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
            rows.append((ends[0].name, render.href(src, ends[0].url), "bonded to" if dotted else "hands off to",
                         ends[1].name, render.href(src, ends[1].url)))
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
