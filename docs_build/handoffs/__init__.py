"""The handoffs-and-bonds feature: who hands work to whom, which skills are bonded to which agents.

names (what each entry can be called) -> mentions (found on a line) -> relations (what the line
says about them) -> resolve (which file is meant) -> find (handoffs of every entry); bonds (skills and
agents bound to each other, and their audit); render and graph (the site's sections and pages).
A new relation word is one word in docs_build/data/relations.yml.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from ..catalog import Catalog
from ..model import Analysis, Location, Problem
from .bonds import Bond, audit_bonds, find_bonds
from .find import Handoff, find_handoffs
from .render import (
    GRAPH_DIR,
    HEALTH_PAGE,
    render_entry_sections,
    render_graph_pages,
    render_health,
)
from .resolve import numbered_agents, suggest

__all__ = ["Handoff", "analyse", "find_handoffs", "handoff_problems"]
#: The first URL segments this feature's pages take (graphs, the health page); see catalog.collection_url.
URLS = frozenset({GRAPH_DIR, HEALTH_PAGE.split("/")[0]})


def analyse(catalog: Catalog) -> Analysis:
    """Handoffs, cross-references, bonds, their problems, entry sections, graph pages and the health page."""
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
        own = [h for h in touching[entry.id] if h.source == entry.id]
        analysis.entry_json[entry.id] = {
            "handoffs": [h.to_json() for h in own if h.ref.type == "handoff"],
            "related": [h.to_json() for h in own if h.ref.type == "related"],
            "bonds": [b.to_json() for b in bonded[entry.id]],
        }
        # Sections name and link the entries at the other end: the catalog's names, not the whole catalog.
        sections = catalog.memory.call(entry.id, render_entry_sections, entry, tuple(touching[entry.id]),
                                       tuple(bonded[entry.id]), catalog.names, graph_srcs.get(entry.collection))
        if sections:
            analysis.entry_markdown[entry.id] = sections
    analysis.pages = [*graph_pages.values(), render_health(analysis.problems, catalog)]
    real = [h for h in handoffs if h.ref.type == "handoff"]
    resolved = sum(h.target is not None for h in real)
    analysis.summary = (f"{len(real)} handoffs ({resolved} resolved), {len(handoffs) - len(real)} cross-references, "
                        f"{len(bonds)} bonds")
    return analysis


def handoff_problems(handoffs: list[Handoff], catalog: Catalog) -> list[Problem]:
    """Unresolved references as notes: often deliberate (an agent of the full repository), never fatal."""
    problems = []
    for handoff in handoffs:
        if handoff.target is not None:
            continue
        entry, ref = catalog.by_id[handoff.source], handoff.ref
        about = f" ({ref.topic})" if ref.topic else ""
        if ref.target.startswith("Agent "):
            known = ", ".join(numbered_agents(entry, catalog)) or "none"
            folder = posixpath.dirname(entry.source)
            message = f"handoff target '{ref.target}'{about} is not among the numbered agents of {folder} (known: {known})"
            hint = "shown as 'not in this catalog'; add the agent's file to the collection to link it"
        else:
            message = f"handoff target '{ref.target}'{about} names no agent or skill of collection '{entry.collection}'"
            close = suggest(ref.target, entry, catalog, None)
            hint = f"did you mean '{close}'?" if close else "shown as 'not in this catalog'"
        problems.append(Problem(Location(entry.source, ref.line), "info", "handoff-unresolved", message, hint))
    return problems


