"""Rebuilds in one process: unchanged files are not parsed again, only changed pages are rebuilt."""

from __future__ import annotations

from conftest import write_collection

from docs_build.adapter import dirty as incremental
from docs_build.cache import Memory
from docs_build.catalog import build_catalog
from docs_build.pages import render

AGENT = "---\nname: {name}\ndescription: d\n---\n# {name}\n"


def test_an_unchanged_file_gives_back_the_same_entry(tmp_path):
    """Parsing is skipped for bytes seen before: the very same Entry object comes back; an edited file is read anew."""
    content = write_collection(tmp_path, {"c/agents/a.md": AGENT.format(name="a"), "c/agents/b.md": AGENT.format(name="b")})
    memory = Memory()
    first = build_catalog(content, memory=memory).by_id
    (content / "c/agents/b.md").write_text(AGENT.format(name="b2"), encoding="utf-8")
    second = build_catalog(content, memory=memory).by_id
    assert second["c/agents/a"] is first["c/agents/a"]
    assert second["c/agents/b"] is not first["c/agents/b"] and second["c/agents/b"].name == "b2"


def test_a_dirty_plan_rebuilds_changed_pages_and_a_new_nav_rebuilds_all(tmp_path):
    """Pages are compared with the last finished build; a changed navigation makes the build full."""
    site, nav, planner = str(tmp_path), [{"Home": "index.md"}], incremental.RebuildPlanner(serving_dirty=True)
    full = planner.plan(site, {"a.md": "A", "b.md": "B"}, nav)
    assert not full.dirty and full.changed == {"a.md", "b.md"}
    planner.finish(full)
    edited = planner.plan(site, {"a.md": "A2", "b.md": "B"}, nav)
    assert edited.dirty and edited.changed == {"a.md"}
    planner.finish(edited)
    assert not planner.plan(site, {"a.md": "A2", "b.md": "B"}, [*nav, {"New": "c.md"}]).dirty
    building = incremental.RebuildPlanner(serving_dirty=False)  # `mkdocs build`: always full
    building.finish(edited)
    assert not building.plan(site, {"a.md": "A2", "b.md": "B"}, nav).dirty


def test_a_listing_is_made_again_only_when_one_of_its_entries_changed(tmp_path):
    """A folder's listing is remembered while its entries are the same parsed objects; an edit shows in it."""
    content = write_collection(tmp_path, {"c/agents/a.md": AGENT.format(name="a"), "c/agents/b.md": AGENT.format(name="b")})
    memory = Memory()
    first = render.render_collection("c", build_catalog(content, memory=memory))
    assert render.render_collection("c", build_catalog(content, memory=memory)) is first
    (content / "c/agents/b.md").write_text(AGENT.format(name="b").replace("description: d", "description: new words"),
                                            encoding="utf-8")
    edited = render.render_collection("c", build_catalog(content, memory=memory))
    assert edited is not first and "new words" in edited.full_markdown and "new words" not in first.full_markdown
