"""Handoff extraction and resolution on in-memory text and tiny collections."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONTENT, write_collection

from docs_build.catalog import build_catalog
from docs_build.handoffs import analyse, find_handoffs
from docs_build.bodylinks import blank_code_spans
from docs_build.links import DIALECTS, MAX_LINE_CHARS, extract_references, heading_id

#: The heading or label a sectioned dialect's example sits under.
SECTIONS = {"agent-table": "## Upstream Agents", "integration-list": "Integration with other agents:", "related-skills": "## Related Skills"}
AGENT = "---\nname: {name}\ndescription: d\n---\n\n# {name}\n\n{body}\n"


def refs(text: str, kind: str = "agent") -> list[tuple[str, str, str]]:
    """(kind, target, topic) of every reference in a body."""
    return [(r.kind, r.target, r.topic) for r in extract_references(text, 1, kind)]


@pytest.mark.parametrize("dialect", DIALECTS, ids=[d.kind for d in DIALECTS])
def test_every_dialect_reads_its_examples(dialect) -> None:
    """Each registered dialect has real example lines, and reads each of them as its own kind."""
    assert dialect.examples
    for example in dialect.examples:
        heading = SECTIONS.get(dialect.kind, "")
        found = extract_references(f"{heading}\n{example}", 1, dialect.entry_kind or "agent")
        assert found and {r.kind for r in found} == {dialect.kind}, example


def test_seed_handoff_line_yields_three_topics() -> None:
    """The **Handoff:** line splits into three targets, each with its topic."""
    line = "**Handoff:** Database queries → Agent 03 | Security review → Agent 05 | Deployment → Agent 04"
    assert refs(line) == [("handoff-line", "Agent 03", "Database queries"), ("handoff-line", "Agent 05", "Security review"),
                          ("handoff-line", "Agent 04", "Deployment")]


def test_ordinary_english_is_not_a_handoff() -> None:
    """Collaborate / escalate without a named target, and lists outside agent sections, yield nothing."""
    body = "- Collaborate with product-manager on features\n[DEBUG] retry_attempt=3 → Persistent failure, escalate\n" \
           "3. **Escalation**: Route to human architect if confidence < 0.3\n- **Next Steps**: Where to go from here"
    assert refs(body) == []


def test_code_fences_are_skipped() -> None:
    """A handoff line inside a fenced example is not a reference."""
    assert refs("```\n**Handoff:** Tests → Agent 06\n```") == []


def test_free_text_skips_compound_words() -> None:
    """In an agents list, "full-stack features" is a topic, not a target."""
    body = "Integration with other agents:\n- Support fullstack-developer on full-stack features"
    assert refs(body) == [("integration-list", "fullstack-developer", "full-stack features")]


def test_upstream_table_rows_point_inward() -> None:
    """Rows under "Upstream Agents" say the named agent hands off to this one."""
    found = extract_references("### Upstream Agents\n| 01-fullstack-fundamentals | API contracts |", 1)
    assert [(r.target, r.direction, r.anchor) for r in found] == [("01-fullstack-fundamentals", "from", "upstream-agents")]


def test_heading_ids_follow_toc() -> None:
    """Section anchors are Python-Markdown's toc ids, made unique the same way."""
    ids: set[str] = set()
    assert [heading_id("Integration Points", ids), heading_id("Integration Points", ids)] == ["integration-points", "integration-points_1"]


def test_numbers_resolve_within_their_own_collection(tmp_path: Path) -> None:
    """"Agent 03" links to 03-* of the same collection, never to another collection's 03."""
    root = write_collection(tmp_path / "content", {
        "one/agents/01-a.md": AGENT.format(name="01-a", body="**Handoff:** Data → Agent 03"),
        "one/agents/03-c.md": AGENT.format(name="03-c", body="x"),
        "two/agents/01-a.md": AGENT.format(name="01-a", body="**Handoff:** Data → Agent 03"),
        "two/agents/04-d.md": AGENT.format(name="04-d", body="x"),
    })
    targets = {h.source: h.target for h in find_handoffs(build_catalog(root))}
    assert targets == {"one/agents/01-a": "one/agents/03-c", "two/agents/01-a": None}


def test_unresolved_name_is_an_info_problem_with_a_suggestion(tmp_path: Path) -> None:
    """A name that is close to a real agent is reported as info with "did you mean"."""
    root = write_collection(tmp_path / "content", {
        "c/agents/a.md": AGENT.format(name="a", body="Integration with other agents:\n- Assist customer-success on adoption"),
        "c/agents/customer-success-manager.md": AGENT.format(name="customer-success-manager", body="x"),
    })
    [problem] = [p for p in analyse(build_catalog(root)).problems if p.code == "handoff-unresolved"]
    assert problem.severity == "info" and "did you mean 'customer-success-manager'" in problem.hint


def test_seed_handoffs_are_unresolved_notes() -> None:
    """The seed api-design agent hands off to Agents 03, 05, 04; none is in content/, so all are notes."""
    analysis = analyse(build_catalog(CONTENT))
    handoffs = analysis.entry_json["api-design/agents/02-backend-patterns"]["handoffs"]
    line = [(h["written"], h["topic"], h["resolved"]) for h in handoffs if h["kind"] == "handoff-line"]
    assert line == [("Agent 03", "Database queries", False), ("Agent 05", "Security review", False), ("Agent 04", "Deployment", False)]
    assert {p.severity for p in analysis.problems} == {"info"}


def test_seed_fullstack_tables_and_escalation_yield_handoffs() -> None:
    """The fullstack seed's Upstream/Downstream tables and ESCALATES TO line become handoffs."""
    handoffs = analyse(build_catalog(CONTENT)).entry_json["fullstack/agents/03-backend-development"]["handoffs"]
    kinds = {(h["kind"], h["written"], h["direction"]) for h in handoffs}
    assert {("agent-table", "01-fullstack-fundamentals", "from"), ("agent-table", "04-database-design", "to"),
            ("escalates-to", "Agent 04", "to"), ("escalates-to", "Agent 07", "to")} <= kinds


def test_lines_longer_than_the_limit_are_not_read() -> None:
    """A handoff buried in a line of pasted text past MAX_LINE_CHARS is skipped (the dialect regexes are quadratic)."""
    line = "**Handoff:** Reviews → Agent 02 " + "x" * MAX_LINE_CHARS
    assert refs(line) == [] and refs(line[:200]) == [("handoff-line", "Agent 02", "Reviews")]


def test_code_spans_pair_equal_backtick_runs() -> None:
    """`[a](b)` in a code span is hidden from the link scan; unequal runs and long runs are plain text."""
    assert blank_code_spans("`[a](b)` [c](d)") == "\0" * 8 + " [c](d)"
    assert blank_code_spans("``a` [c](d)") == "``a` [c](d)"
    assert blank_code_spans("`" * 5000 + " [c](d)") == "`" * 5000 + " [c](d)"
