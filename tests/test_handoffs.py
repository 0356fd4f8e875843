"""Handoffs found by name: mentions, relation words, resolution, and each rule of what is not a handoff."""

from __future__ import annotations

from pathlib import Path

from conftest import CONTENT, write_collection

from docs_build.catalog import build_catalog
from docs_build.handoffs import analyse, find_handoffs
from docs_build.handoffs.context import MAX_LINE_CHARS, heading_id
from docs_build.handoffs.mentions import expand_numbers

AGENT = "---\nname: {name}\ndescription: {description}\n---\n\n# {name}\n\n{body}\n"
#: A small collection: the entry under test is `me`; the others are what it can name.
PEERS = {
    "c/agents/planner.md": AGENT.format(name="planner", description="Plans", body="x"),
    "c/agents/code-reviewer.md": AGENT.format(name="code-reviewer", description="Reviews", body="x"),
    "c/agents/docker.md": AGENT.format(name="docker", description="Containers", body="x"),
    "c/skills/tdd-workflow/SKILL.md": "---\nname: tdd-workflow\ndescription: TDD\n---\n\nx\n",
}


def handoffs_of(tmp_path: Path, body: str, description: str = "Does things", extra: dict[str, str] | None = None) -> list[tuple]:
    """(type, written target, resolved target id, direction, label) of every reference in `me`'s file."""
    files = {**PEERS, **(extra or {}), "c/agents/me.md": AGENT.format(name="me", description=description, body=body)}
    catalog = build_catalog(write_collection(tmp_path / "content", files))
    return [(h.ref.type, h.ref.target, h.target, h.ref.direction, h.ref.label)
            for h in find_handoffs(catalog) if h.source == "c/agents/me"]


def test_relation_verb_makes_a_mention_a_handoff(tmp_path: Path) -> None:
    """'Delegate to `planner`' is a handoff to the planner agent, labelled by its relation word."""
    assert handoffs_of(tmp_path, "Delegate to `planner` when the task is large.") == [
        ("handoff", "planner", "c/agents/planner", "to", "delegates to")]


def test_mention_without_a_relation_is_not_a_handoff(tmp_path: Path) -> None:
    """A line that only names another entry states no handoff."""
    assert handoffs_of(tmp_path, "The `planner` is one of our agents.\n\nThis file is short.") == []


def test_direction_comes_from_the_relation_word(tmp_path: Path) -> None:
    """Receiving from, being spawned by and collaborating set the direction."""
    body = "- Receive the plan from **planner**\n- Spawned by `code-reviewer` after each change\n- Collaborate with tdd-workflow on tests"
    found = {(target, direction) for _, target, _, direction, _ in handoffs_of(tmp_path, body)}
    assert found == {("planner", "from"), ("code-reviewer", "from"), ("tdd-workflow", "both")}


def test_other_entry_acting_on_this_one_points_inward(tmp_path: Path) -> None:
    """'`planner` calls this agent' says the planner hands work to this one."""
    assert [h[3] for h in handoffs_of(tmp_path, "`planner` calls this agent for every ticket.")] == ["from"]


def test_heading_and_label_line_state_the_relation_for_their_lists(tmp_path: Path) -> None:
    """Bullets that only name entries are handoffs under 'Integration with other agents:' or '## Delegation'."""
    body = "Integration with other agents:\n- planner: plans\n\n## Delegation\n\n- `code-reviewer` for reviews"
    assert [h[1] for h in handoffs_of(tmp_path, body)] == ["planner", "code-reviewer"]


def test_table_header_states_the_relation_of_its_rows(tmp_path: Path) -> None:
    """`| Agent | When dispatched |`: each row names an agent the entry dispatches to."""
    body = "| Agent | When dispatched |\n|---|---|\n| planner | Large tasks |\n| code-reviewer | After edits |"
    assert [(h[1], h[4]) for h in handoffs_of(tmp_path, body)] == [("planner", "routes to"), ("code-reviewer", "routes to")]


def test_arrow_chain_names_every_step(tmp_path: Path) -> None:
    """`planner → tdd-workflow → code-reviewer` is a handoff to each named entry."""
    assert [h[1] for h in handoffs_of(tmp_path, "Workflow: planner → tdd-workflow → code-reviewer")] == [
        "planner", "tdd-workflow", "code-reviewer"]


def test_command_and_path_forms_resolve(tmp_path: Path) -> None:
    """`/c:planner`, `skills/tdd-workflow/SKILL.md` and a relative link name entries of the collection."""
    body = "- Invoke `/c:planner` first\n- Then use skills/tdd-workflow/SKILL.md\n- Hand off to [the reviewer](code-reviewer.md)"
    assert [h[2] for h in handoffs_of(tmp_path, body)] == ["c/agents/planner", "c/skills/tdd-workflow", "c/agents/code-reviewer"]


def test_the_description_is_read_too(tmp_path: Path) -> None:
    """A description that says 'use after planner' states a handoff from the planner, at the description's line."""
    found = handoffs_of(tmp_path, "x", description="Use after `planner` has written the plan.")
    assert found == [("handoff", "planner", "c/agents/planner", "from", "receives from")]


def test_self_mention_is_not_a_handoff(tmp_path: Path) -> None:
    """N1: 'delegate to me' inside me's own file names itself."""
    assert handoffs_of(tmp_path, "Other agents delegate to `me` for this.") == []


def test_name_used_as_an_ordinary_word_is_not_a_handoff(tmp_path: Path) -> None:
    """N2: 'the code-reviewer design' and a capitalised plain word are words, not names."""
    assert handoffs_of(tmp_path, "Use the code-reviewer design for this.\nUse Planner tables for layout.") == []


def test_tool_sharing_a_name_is_not_a_handoff(tmp_path: Path) -> None:
    """N3: 'the docker CLI' and `docker build` are tools even though an agent is called docker."""
    assert handoffs_of(tmp_path, "Use the docker CLI to build.\nRun `docker build .` then push.") == []


def test_command_menu_for_the_user_is_not_a_handoff(tmp_path: Path) -> None:
    """N4: 'you can also run `/planner`' offers a command to the reader."""
    assert handoffs_of(tmp_path, "You can also run `/planner` to see the plan.") == []


def test_label_naming_nobody_gives_nothing(tmp_path: Path) -> None:
    """N5: a '**Handoff:**' label with no name of the catalog after it is no handoff."""
    assert handoffs_of(tmp_path, "**Handoff:** Deployment → the ops team") == []


def test_link_to_a_reference_document_is_not_a_handoff(tmp_path: Path) -> None:
    """N6: a link to a non-definition file is not a mention of an entry."""
    assert handoffs_of(tmp_path, "Hand off to [the guide](../references/planner-guide.md) for details.") == []


def test_negated_relation_is_not_a_handoff(tmp_path: Path) -> None:
    """'not delegated to `planner`' and 'unlike planner' state no handoff."""
    assert handoffs_of(tmp_path, "This is not delegated to `planner`.\nUnlike `code-reviewer`, we use checks.") == []


def test_related_lists_are_cross_references_apart(tmp_path: Path) -> None:
    """R: bullets under '## Related Skills' are typed `related`, not handoffs; a line with a verb stays a handoff."""
    body = "## Related Skills\n\n- `tdd-workflow` - tests first\n- Hand off to `planner` for plans"
    assert [(h[0], h[1]) for h in handoffs_of(tmp_path, body)] == [("related", "tdd-workflow"), ("handoff", "planner")]


def test_code_fences_are_skipped(tmp_path: Path) -> None:
    """A handoff line inside a fenced example is not a reference."""
    assert handoffs_of(tmp_path, "```\nDelegate to `planner`.\n```") == []


def test_hard_wrapped_sentence_is_read_whole(tmp_path: Path) -> None:
    """The relation word on the line before still applies when the sentence continues on this line."""
    assert [h[1] for h in handoffs_of(tmp_path, "When the plan is ready, the work is delegated\nto `planner`, who splits it.")] == [
        "planner"]


def test_lines_longer_than_the_limit_are_not_read(tmp_path: Path) -> None:
    """Pasted data past MAX_LINE_CHARS is not prose."""
    line = "Delegate to `planner` " + "x" * MAX_LINE_CHARS
    assert handoffs_of(tmp_path, line) == [] and handoffs_of(tmp_path, line[:100])


def test_numbers_resolve_within_their_own_folder(tmp_path: Path) -> None:
    """"Agent 03" links to 03-* of the same collection, never another collection's 03; unknown ones stay unresolved."""
    root = write_collection(tmp_path / "content", {
        "one/agents/01-a.md": AGENT.format(name="01-a", description="d", body="**Handoff:** Data → Agent 03"),
        "one/agents/03-c.md": AGENT.format(name="03-c", description="d", body="x"),
        "two/agents/01-a.md": AGENT.format(name="01-a", description="d", body="**Handoff:** Data → Agent 03"),
        "two/agents/04-d.md": AGENT.format(name="04-d", description="d", body="x"),
    })
    targets = {h.source: h.target for h in find_handoffs(build_catalog(root))}
    assert targets == {"one/agents/01-a": "one/agents/03-c", "two/agents/01-a": None}


def test_number_ranges_expand() -> None:
    """'Agents 01-04' names four agents; lists and 'to' work too."""
    assert expand_numbers("01-04") == [1, 2, 3, 4]
    assert expand_numbers("2, 3 and 5") == [2, 3, 5] and expand_numbers("1 to 3") == [1, 2, 3]


def test_unresolved_typed_name_is_an_info_problem_with_a_suggestion(tmp_path: Path) -> None:
    """A name the text calls an agent but the collection lacks is a note with 'did you mean'."""
    extra = {"c/agents/customer-success-manager.md": AGENT.format(name="customer-success-manager", description="d", body="x")}
    files = {**PEERS, **extra, "c/agents/me.md": AGENT.format(name="me", description="d", body="Hand off to the `customer-success` agent.")}
    problems = analyse(build_catalog(write_collection(tmp_path / "content", files))).problems
    [problem] = [p for p in problems if p.code == "handoff-unresolved"]
    assert problem.severity == "info" and "did you mean 'customer-success-manager'" in problem.hint


def test_heading_ids_follow_toc() -> None:
    """Section anchors are Python-Markdown's toc ids, made unique the same way."""
    ids: set[str] = set()
    assert [heading_id("Integration Points", ids), heading_id("Integration Points", ids)] == ["integration-points", "integration-points_1"]


def test_seed_handoffs_are_unresolved_notes() -> None:
    """The seed api-design agent hands off to Agents 03, 05, 04 with their topics; none is in content/, so all are notes."""
    analysis = analyse(build_catalog(CONTENT))
    handoffs = analysis.entry_json["api-design/agents/02-backend-patterns"]["handoffs"]
    line = [(h["written"], h["topic"], h["resolved"]) for h in handoffs if h["text"].startswith("**Handoff:**")]
    assert line == [("Agent 03", "Database queries", False), ("Agent 05", "Security review", False), ("Agent 04", "Deployment", False)]
    assert {p.severity for p in analysis.problems} == {"info"}


def test_seed_fullstack_tables_and_escalation_yield_handoffs() -> None:
    """The fullstack seed's Upstream/Downstream tables and ESCALATES TO line become handoffs, each way."""
    handoffs = analyse(build_catalog(CONTENT)).entry_json["fullstack/agents/03-backend-development"]["handoffs"]
    found = {(h["written"], h["direction"]) for h in handoffs}
    assert {("01-fullstack-fundamentals", "from"), ("04-database-design", "to"), ("Agent 04", "to"), ("Agent 07", "to")} <= found


def test_marked_name_after_a_handover_verb_is_kept_unresolved(tmp_path: Path) -> None:
    """'delegate to `security-guardian`' names an agent the collection lacks: a handoff shown as not in this catalog."""
    assert handoffs_of(tmp_path, "If security → delegate to `security-guardian`.") == [
        ("handoff", "security-guardian", None, "to", "delegates to")]
    assert handoffs_of(tmp_path, "Use `eslint-config` for linting.") == []  # a weaker verb: a tool as often as not


def test_gloss_that_opens_with_a_relation_word_is_a_routing_rule(tmp_path: Path) -> None:
    """'- **planner** — USE when …' under Related Skills routes work; a plain gloss there stays a cross-reference."""
    body = "## Related Skills\n\n- **planner** — USE when the task is large\n- `tdd-workflow` — tests first"
    assert [(h[0], h[1]) for h in handoffs_of(tmp_path, body)] == [("handoff", "planner"), ("related", "tdd-workflow")]


def test_verb_and_particle_may_stand_apart(tmp_path: Path) -> None:
    """'Defers schema design to `planner`' is 'defer … to'."""
    assert [h[4] for h in handoffs_of(tmp_path, "Defers schema design to `planner` (after the data layer).")] == ["delegates to"]
