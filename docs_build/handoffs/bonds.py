"""Bonds between skills and agents: frontmatter and prose forms, resolved, and their audit.

A skill names its agent (`bonded_agent`, `bond_type`, or `**Bonded to:** \\`agent\\``); an agent lists
its skills (`skills:`, "Skill Binding" bullets, `| Skill | Bond Type |` tables). The audit reports a
skill whose agent does not list it back, and either side naming something the catalog lacks.

Severities: a broken *frontmatter* bond is a warning (tools read frontmatter, so it is a real
defect, and the seeds have none); the same in *prose* is a note (info), since prose often names
skills kept in another repository. A one-way bond is a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Literal

from ..catalog import Catalog
from ..model import Entry, Location, Problem
from .context import body_lines
from .resolve import resolve_name, suggest

BondSource = Literal["frontmatter", "prose"]
BOND_TYPE = r"(?:PRIMARY|SECONDARY|SUPPORT)(?:_BOND)?"
SKILL_NAME = r"[a-z0-9][a-z0-9._-]*"
#: `- **Primary**: \`backend-development\` (PRIMARY_BOND)`, `- \`go-docker\` (PRIMARY)`
BULLET_BOND_RE = re.compile(rf"^\s*[-*]\s+(?:\*\*[^*]+\*\*\s*:?\s*)?(?P<names>(?:`{SKILL_NAME}`[\s,]*)+)\((?P<type>{BOND_TYPE})\)")
#: `| code-quality-linting | PRIMARY_BOND | P0 | ESLint, Prettier in CI |`
TABLE_BOND_RE = re.compile(rf"^\s*\|\s*`?(?P<name>{SKILL_NAME})`?\s*\|\s*(?P<type>{BOND_TYPE})\s*\|")
#: `**Bonded to:** \`api-development-agent\` (Primary)` in a skill body.
BONDED_TO_RE = re.compile(r"\*\*Bonded to:?\*\*\s*:?\s*`(?P<name>[^`]+)`(?:\s*\((?P<type>primary|secondary|support)\))?", re.I)
NAME_IN_TICKS_RE = re.compile(rf"`({SKILL_NAME})`")


@dataclass(frozen=True)
class Bond:
    """A skill bound to an agent, as one file states it."""

    skill: str  # the skill's name as written (or the skill's own name when the skill states it)
    agent: str  # likewise for the agent
    type: str  # PRIMARY_BOND, SECONDARY_BOND, SUPPORT_BOND, or "" when an agent only lists the skill
    source: BondSource
    line: int
    declared_by: str  # id of the entry whose file states the bond
    skill_id: str | None
    agent_id: str | None

    @property
    def resolved(self) -> bool:
        """Both ends are entries of the catalog."""
        return self.skill_id is not None and self.agent_id is not None

    def to_json(self) -> dict[str, object]:
        """The shape of a bond in catalog.json."""
        return {
            "skill": self.skill_id, "agent": self.agent_id, "type": self.type or None, "source": self.source,
            "line": self.line, "declared_by": self.declared_by, "skill_name": self.skill, "agent_name": self.agent,
            "resolved": self.resolved,
        }


def bond_type(text: str | None) -> str:
    """PRIMARY, Primary, PRIMARY_BOND… as one spelling: PRIMARY_BOND."""
    if not text:
        return ""
    word = text.strip().upper()
    return word if word.endswith("_BOND") else f"{word}_BOND"


def find_bonds(catalog: Catalog) -> list[Bond]:
    """Every bond stated anywhere in the catalog, resolved against it."""
    bonds: list[Bond] = []
    for entry in catalog.entries:
        for name, kind, source, line in stated_bonds(entry):
            if entry.kind == "skill":
                agent = resolve_name(name, entry, catalog, "agent", anywhere=True)
                bonds.append(Bond(entry.name, name, kind, source, line, entry.id, entry.id, agent.id if agent else None))
            else:
                skill = resolve_name(name, entry, catalog, "skill", anywhere=True)
                bonds.append(Bond(name, entry.name, kind, source, line, entry.id, skill.id if skill else None, entry.id))
    return bonds


def stated_bonds(entry: Entry) -> Iterator[tuple[str, str, BondSource, int]]:
    """(other end's name, bond type, source, line) for each bond the entry's own file states."""
    if entry.kind == "skill":
        agents = entry.meta.get("bonded_agent")
        for name in agents if isinstance(agents, list) else [agents] if agents else []:
            yield str(name).strip(), bond_type(str(entry.meta.get("bond_type") or "")), "frontmatter", entry.line_of("bonded_agent")
    else:
        for name in entry.skills:
            yield name, "", "frontmatter", entry.line_of("skills")
    for line in body_lines(entry.body, entry.body_line):
        yield from ((name, kind, "prose", line.number) for name, kind in prose_bonds(line.text, entry.kind))


def prose_bonds(line: str, kind: str) -> list[tuple[str, str]]:
    """The (name, type) pairs one body line states, by the forms of the entry's kind."""
    if kind == "skill":
        match = BONDED_TO_RE.search(line)
        return [(match["name"].strip(), bond_type(match["type"]))] if match else []
    if match := BULLET_BOND_RE.match(line):
        return [(name, bond_type(match["type"])) for name in NAME_IN_TICKS_RE.findall(match["names"])]
    if match := TABLE_BOND_RE.match(line):
        return [(match["name"], bond_type(match["type"]))]
    return []


def audit_bonds(bonds: list[Bond], catalog: Catalog) -> list[Problem]:
    """One-way bonds and bonds naming what the catalog lacks, each at the line that states it."""
    problems: list[Problem] = []
    listed = {(b.agent_id, b.skill_id) for b in bonds if catalog.by_id[b.declared_by].kind == "agent"}
    for bond in bonds:
        entry = catalog.by_id[bond.declared_by]
        severity = "warning" if bond.source == "frontmatter" else "info"
        where = Location(entry.source, bond.line)
        if entry.kind == "skill" and bond.agent_id is None:
            problems.append(Problem(where, severity, "bond-unknown-agent",
                                    f"skill '{entry.name}' is bonded to agent '{bond.agent}', which is not in this catalog",
                                    _hint(bond.agent, entry, catalog, "agent", "fix the agent's name or stem")))
        elif entry.kind == "agent" and bond.skill_id is None:
            problems.append(Problem(where, severity, "bond-unknown-skill",
                                    f"agent '{entry.name}' lists skill '{bond.skill}', which is not in this catalog",
                                    _hint(bond.skill, entry, catalog, "skill", "fix the skill's name or folder")))
        elif entry.kind == "skill" and bond.source == "frontmatter" and (bond.agent_id, bond.skill_id) not in listed:
            agent = catalog.by_id[bond.agent_id]
            problems.append(Problem(where, "warning", "bond-one-way",
                                    f"skill '{entry.name}' is bonded to agent '{agent.name}' ({bond.type or 'no bond_type'}), "
                                    f"which does not list it back",
                                    f"add '{entry.stem}' to the skills: of {agent.source}, or change bonded_agent"))
    return problems


def _hint(name: str, entry: Entry, catalog: Catalog, kind: str, fallback: str) -> str:
    """A "did you mean" hint when a close name exists in the collection."""
    close = suggest(name, entry, catalog, kind)
    return f"did you mean '{close}'?" if close else fallback
