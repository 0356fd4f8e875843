"""Handoffs on the real-world corpus and on the seed site."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from docs_build.catalog import build_catalog
from docs_build.handoffs import find_handoffs
from docs_build.links import agent_number, iter_lines

VOLTAGENT = "VoltAgent__awesome-claude-code-subagents"
INTEGRATION_RE = re.compile(r"^integration with other agents$", re.I)


def test_corpus_numbered_agents_resolve_to_their_own_files(corpus_dir: Path) -> None:
    """All 65 "Agent N" references resolve to the NN-* file of their own repository's agents folder."""
    catalog = build_catalog(corpus_dir)
    numbered = [h for h in find_handoffs(catalog) if agent_number(h.ref.target) is not None]
    singular = [h for h in numbered if re.search(rf"\b{h.ref.target}\b", h.ref.text)]
    assert len(singular) == 65
    for handoff in numbered:
        source, target = catalog.by_id[handoff.source], catalog.by_id[handoff.target] if handoff.target else None
        assert target is not None, handoff
        number = f"{agent_number(handoff.ref.target):02d}-"
        assert target.stem.startswith(number) or target.name.startswith(number), handoff
        assert posixpath.dirname(target.source) == posixpath.dirname(source.source)


def test_corpus_voltagent_integration_lists_resolve(corpus_dir: Path) -> None:
    """Of the bullets under "Integration with other agents" naming an agent of the collection, >= 90 % resolve."""
    catalog = build_catalog(corpus_dir)
    entries = [e for e in catalog.entries if e.collection == VOLTAGENT]
    names = {n.lower() for e in entries for n in (e.name, e.stem)}
    resolved = {(h.source, h.ref.line) for h in find_handoffs(catalog)
                if h.target and catalog.by_id[h.target].collection == VOLTAGENT}
    naming = hits = 0
    for entry in entries:
        for number, line, section, _ in iter_lines(entry.body, entry.body_line):
            if INTEGRATION_RE.match(section) and line.lstrip().startswith(("- ", "* ")):
                if set(re.findall(r"[a-z0-9][a-z0-9.-]*[a-z0-9]", line.lower())) & names:
                    naming += 1
                    hits += (entry.id, number) in resolved
    assert naming > 850 and hits / naming >= 0.9, (hits, naming)


def test_seed_site_links_skill_and_agent_both_ways(seed_site) -> None:
    """On the strict seed site, the skill page links its bonded agent and the agent page links the skill."""
    agent = seed_site.page("api-design/agents/02-backend-patterns")
    skill = seed_site.page("api-design/skills/backend-patterns")
    skills_section = re.search(r'id="atlas-skills".*?</table>', agent, re.S).group(0)
    assert 'href="../../skills/backend-patterns/"' in skills_section and "PRIMARY_BOND" in skills_section
    bonded = re.search(r'id="atlas-bonded-agents".*?</table>', skill, re.S).group(0)
    assert 'href="../../agents/02-backend-patterns/"' in bonded and "PRIMARY_BOND" in bonded
    out = re.search(r'id="atlas-handoffs-out".*?</table>', agent, re.S).group(0)
    assert "Agent 03" in out and "not in this catalog" in out and "Database queries" in out
    catalog = json.loads((seed_site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    entry = next(e for e in catalog["entries"] if e["id"] == "api-design/agents/02-backend-patterns")
    assert {"target", "text", "topic", "line", "kind", "resolved"} <= set(entry["handoffs"][0])
    assert {"skill", "agent", "type", "source", "line"} <= set(entry["bonds"][0])
    assert "Handoffs and bonds" in seed_site.page("health/handoffs")
