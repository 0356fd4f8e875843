"""Classifying content paths by the layouts real collections use."""

from __future__ import annotations

import pytest

from docs_build.model import Source
from docs_build.sources.discover import classify, discover


@pytest.mark.parametrize(
    ("path", "kind", "group"),
    [
        ("c/agents/01-api.md", "agent", None),
        ("c/skills/api/SKILL.md", "skill", None),
        ("c/plugins/backend/agents/architect.md", "agent", "backend"),
        ("c/plugins/backend/skills/patterns/SKILL.md", "skill", "backend"),
        ("c/categories/01-core/api-designer.md", None, "01-core"),
    ],
)
def test_definition_layouts(path, kind, group):
    """Each real layout gives a source with its kind (or None: frontmatter decides) and group."""
    source = classify(path)
    assert isinstance(source, Source) and (source.kind, source.group) == (kind, group)


@pytest.mark.parametrize(
    "path", ["c/README.md", "c/LICENSE", "c/agents/README.md", "c/skills/api/references/guide.md", "c/logo.png"]
)
def test_non_definitions_are_ignored_with_a_reason(path):
    """READMEs, licences, skill references and non-Markdown files are not entries."""
    assert isinstance(classify(path), str)


def test_discover_counts_collections_and_ignored(tmp_path):
    """Top-level folders are collections; ignored files are listed, hidden folders skipped and listed once."""
    for name in ["a/agents/x.md", "a/LICENSE", "b/skills/s/SKILL.md", "b/.git/config", "loose.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("---\nname: x\n---\n")
    found = discover(tmp_path)
    assert found.collections == ["a", "b"]
    assert [s.path for s in found.sources] == ["a/agents/x.md", "b/skills/s/SKILL.md"]
    assert sorted(i.path for i in found.ignored) == ["a/LICENSE", "b/.git/", "loose.md"]


def test_claude_folder_and_skill_owned_agents_are_definitions() -> None:
    """`.claude/agents` and `skills/<skill>/agents/*.md` are agents (grouped under their skill); references are not."""
    agent = classify("c/.claude/agents/reviewer.md")
    owned = classify("c/skills/lead/agents/scout.md")
    assert isinstance(agent, Source) and agent.kind == "agent"
    assert isinstance(owned, Source) and (owned.kind, owned.group) == ("agent", "lead")
    assert classify("c/skills/lead/references/guide.md") == "supporting file of a skill (references, examples, assets)"


def test_hidden_files_are_listed_not_dropped(tmp_path):
    """A hidden file anywhere (`.draft.md`, a top-level `.cache/`) is listed as ignored with its reason, never dropped."""
    for name in ["a/agents/x.md", "a/agents/.draft.md", ".cache/agents/y.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("---\nname: x\n---\n")
    found = discover(tmp_path)
    assert [s.path for s in found.sources] == ["a/agents/x.md"]
    assert {i.path: i.reason for i in found.ignored} == {
        ".cache/": "hidden file or folder", "a/agents/.draft.md": "hidden file"}
