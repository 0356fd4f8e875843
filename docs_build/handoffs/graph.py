"""Mermaid flowcharts of handoffs and bonds, as text for a ```mermaid fence.

Labels come from third-party files, so every character outside a small safe set is written as a
Mermaid entity (`#35;`), which also keeps quotes, brackets and backticks from ending the label or
the fence. Node ids are generated (`n0`, `n1`…), never taken from content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SAFE_LABEL_CHARS = frozenset(" -_.,:/()+'")
MAX_LABEL = 48
SHAPES = {"agent": ('["', '"]'), "skill": ('(["', '"])'), "missing": ('["', '"]')}
CLASS_DEFS = (
    "classDef self stroke-width:3px",
    "classDef missing stroke-dasharray:4 4",
    "classDef skill fill:#eef",
    "classDef other stroke-dasharray:2 2",
)


def mermaid_label(text: str, limit: int = MAX_LABEL) -> str:
    """A quoted Mermaid label: shortened, with every unsafe character as an entity code."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return '"' + "".join(c if c.isalnum() or c in SAFE_LABEL_CHARS else f"#{ord(c)};" for c in text) + '"'


@dataclass
class Graph:
    """A small flowchart: nodes keyed by any string, edges between keys."""

    direction: str = "LR"
    nodes: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key -> (id, label, style)
    edges: list[tuple[str, str, str, bool]] = field(default_factory=list)  # (from, to, label, dotted)

    def node(self, key: str, label: str, style: str = "agent") -> str:
        """Add a node once (style: agent, skill, missing, self, other); returns its id."""
        if key not in self.nodes:
            self.nodes[key] = (f"n{len(self.nodes)}", label, style)
        return self.nodes[key][0]

    def edge(self, source: str, target: str, label: str = "", dotted: bool = False) -> None:
        """Add an edge between two added nodes, once per pair and style."""
        if not any(e[0] == source and e[1] == target and e[3] == dotted for e in self.edges):
            self.edges.append((source, target, label, dotted))

    def to_mermaid(self) -> str:
        """The flowchart's Mermaid text."""
        lines = [f"graph {self.direction}"]
        for node_id, label, style in self.nodes.values():
            opening, closing = SHAPES.get(style, SHAPES["agent"])
            css = "" if style == "agent" else f":::{style}"
            lines.append(f"  {node_id}{opening}{mermaid_label(label)[1:-1]}{closing}{css}")
        for source, target, label, dotted in self.edges:
            a, b = self.nodes[source][0], self.nodes[target][0]
            arrow = "-.-" if dotted else "-->"
            lines.append(f"  {a} {arrow}|{mermaid_label(label, 32)}| {b}" if label else f"  {a} {arrow} {b}")
        lines += [f"  {definition}" for definition in CLASS_DEFS]
        return "\n".join(lines)

    def fence(self) -> str:
        """The chart as a fenced block that pymdownx.superfences turns into `<pre class="mermaid">`."""
        return f"```mermaid\n{self.to_mermaid()}\n```"
