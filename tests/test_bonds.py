"""Bonds: frontmatter and prose forms, and the audit, on seeds, tiny collections and the corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from conftest import CONTENT, write_collection

from docs_build.catalog import build_catalog
from docs_build.handoffs import analyse
from docs_build.handoffs.bonds import audit_bonds, find_bonds, prose_bonds

SKILL = "---\nname: {name}\ndescription: d\nbonded_agent: {agent}\nbond_type: PRIMARY_BOND\n---\n\n# {name}\n"
AGENT = "---\nname: {name}\ndescription: d\nskills:\n{skills}\n---\n\n# {name}\n"


def test_prose_forms() -> None:
    """Skill Binding bullets, Related Skills bullets, bond tables and "Bonded to" lines are read."""
    assert prose_bonds("- **Secondary**: `database-integration`, `fullstack-security` (SUPPORT_BOND)", "agent") == [
        ("database-integration", "SUPPORT_BOND"), ("fullstack-security", "SUPPORT_BOND")]
    assert prose_bonds("- `go-kubernetes` (PRIMARY)", "agent") == [("go-kubernetes", "PRIMARY_BOND")]
    assert prose_bonds("| core-web-vitals | SECONDARY_BOND | P1 | Performance monitoring |", "agent") == [("core-web-vitals", "SECONDARY_BOND")]
    assert prose_bonds("**Bonded to:** `backend-observability-agent` (Primary)", "skill") == [("backend-observability-agent", "PRIMARY_BOND")]
    assert prose_bonds("- **Primary**: the main one", "agent") == []


def test_seed_skill_and_agent_bond_both_ways() -> None:
    """Seed skill backend-patterns and agent 02-backend-patterns are bonded PRIMARY_BOND, each listing the other."""
    analysis = analyse(build_catalog(CONTENT))
    skill, agent = "api-design/skills/backend-patterns", "api-design/agents/02-backend-patterns"
    bonds = analysis.entry_json[agent]["bonds"]
    assert any(b["declared_by"] == skill and b["skill"] == skill and b["agent"] == agent and b["type"] == "PRIMARY_BOND" for b in bonds)
    assert any(b["declared_by"] == agent and b["skill"] == skill for b in bonds)
    assert any("## Skills" in s and "PRIMARY_BOND" in s and "backend-patterns" in s for s in analysis.entry_markdown[agent])
    assert any("Bonded agents" in s and "02-backend-patterns" in s for s in analysis.entry_markdown[skill])
    assert not [p for p in analysis.problems if p.code.startswith("bond-") and p.severity != "info"]


def test_one_way_and_unknown_bonds_are_warnings(tmp_path: Path) -> None:
    """A skill its agent does not list back, and frontmatter names the catalog lacks, are warnings with a line."""
    root = write_collection(tmp_path / "content", {
        "c/skills/s/SKILL.md": SKILL.format(name="s", agent="a"),
        "c/skills/t/SKILL.md": SKILL.format(name="t", agent="nobody"),
        "c/agents/a.md": AGENT.format(name="a", skills="  - missing-skill"),
    })
    catalog = build_catalog(root)
    problems = {(p.code, p.severity, p.location.line) for p in audit_bonds(find_bonds(catalog), catalog)}
    assert problems == {("bond-one-way", "warning", 4), ("bond-unknown-agent", "warning", 4), ("bond-unknown-skill", "warning", 4)}


def test_corpus_bonds_resolve_and_eight_are_one_way(corpus_dir: Path) -> None:
    """All 190 agent skills: entries and 96 bonded_agent values resolve; exactly 8 bonds are one-way."""
    catalog = build_catalog(corpus_dir)
    bonds = find_bonds(catalog)
    frontmatter = Counter((catalog.by_id[b.declared_by].kind, b.resolved) for b in bonds if b.source == "frontmatter")
    assert frontmatter == {("agent", True): 190, ("skill", True): 96}
    codes = Counter(p.code for p in audit_bonds(bonds, catalog))
    assert codes == {"bond-one-way": 8}
