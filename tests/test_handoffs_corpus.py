"""Handoffs on both real-world corpora, against the labelled development set, and on the seed site."""

from __future__ import annotations

import json
import posixpath
import re
import sys
from pathlib import Path

from conftest import ROOT

from docs_build.catalog import build_catalog
from docs_build.handoffs import find_handoffs
from docs_build.handoffs.context import body_lines

sys.path.insert(0, str(ROOT / "bench"))
import accuracy  # noqa: E402  (bench/accuracy.py: the `make accuracy` scorer)

VOLTAGENT = "VoltAgent__awesome-claude-code-subagents"
INTEGRATION_RE = re.compile(r"^integration with other agents$", re.I)


def test_corpus_numbered_agents_resolve_to_their_own_files(corpus_dir: Path) -> None:
    """Every "Agent N" handoff resolves to the NN-* file of its own repository's agents folder."""
    catalog = build_catalog(corpus_dir)
    numbered = [h for h in find_handoffs(catalog) if h.ref.target.startswith("Agent ")]
    assert len(numbered) >= 65
    for handoff in numbered:
        source, target = catalog.by_id[handoff.source], catalog.by_id[handoff.target] if handoff.target else None
        assert target is not None, handoff
        number = f"{int(handoff.ref.target.split()[1]):02d}-"
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
        for line in body_lines(entry.body, entry.body_line):
            if INTEGRATION_RE.match(line.label or "") and line.text.lstrip().startswith(("- ", "* ")):
                if set(re.findall(r"[a-z0-9][a-z0-9.-]*[a-z0-9]", line.text.lower())) & names:
                    naming += 1
                    hits += (entry.id, line.number) in resolved
    assert naming > 850 and hits / naming >= 0.9, (hits, naming)


def test_development_set_holds_the_floor(corpus_dir: Path, corpus_extra_dir: Path) -> None:
    """On the labelled lines of both corpora: precision >= 0.95, recall >= 0.90, targets resolved >= 0.90."""
    sheets = accuracy.load_devset()
    assert sum(len(sheet["lines"]) for sheet in sheets) >= 300
    total = accuracy.Score()
    for score in accuracy.score(sheets).values():
        total.add(score)
    assert total.precision >= 0.95 and total.recall >= 0.90 and total.resolution >= 0.90, "\n".join(total.misses)


def test_every_file_of_both_corpora_has_an_entry(corpus_dir: Path, corpus_extra_dir: Path) -> None:
    """821 + 805 definition files: each is an entry; only licences and the SOURCES.md files are passed over."""
    for folder, files in ((corpus_dir, 821), (corpus_extra_dir, 805)):
        catalog = build_catalog(folder)
        assert len(catalog.entries) == files
        assert all(i.path.endswith(("LICENSE", "LICENSE.md", "SOURCES.md")) for i in catalog.ignored), catalog.ignored


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


def test_second_corpus_builds_with_a_page_per_file_and_related_apart(corpus_extra_site) -> None:
    """Every entry of the second corpus has its page; a skill's `related-skills:` shows under Related, not as handoffs."""
    catalog = json.loads((corpus_extra_site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    assert len(catalog["entries"]) == 805
    for entry in catalog["entries"]:
        assert (corpus_extra_site.site_dir / entry["url"] / "index.html").is_file(), entry["url"]
    vue = next(e for e in catalog["entries"] if e["id"] == "jeffallan__claude-skills/skills/vue-expert")
    assert {r["written"] for r in vue["related"]} >= {"typescript-pro", "fullstack-guardian"}
    assert not {h["written"] for h in vue["handoffs"]} & {"typescript-pro", "fullstack-guardian"}
    page = corpus_extra_site.page("jeffallan__claude-skills/skills/vue-expert")
    related = re.search(r'id="atlas-related".*?</table>', page, re.S).group(0)
    assert 'href="../typescript-pro/"' in related
