"""Entry ids, name lookups and collisions across a whole content directory."""

from __future__ import annotations

from conftest import CONTENT, write_collection

from docs_build.catalog import build_catalog, entry_id


def test_ids_come_from_paths():
    """Ids are lowercase paths without .md; a SKILL.md is named by its folder."""
    assert entry_id("API-Design/agents/02-Backend Patterns.md") == "api-design/agents/02-backend-patterns"
    assert entry_id("c/skills/backend-patterns/SKILL.md") == "c/skills/backend-patterns"


def test_index_files_do_not_take_a_folder_page():
    """An `index.md` (or a skill folder named index) gets its own page, not its folder's or collection's URL."""
    assert entry_id("c/index.md") == "c/index-page"
    assert entry_id("c/agents/Index.md") == "c/agents/index-page"
    assert entry_id("c/skills/index/SKILL.md") == "c/skills/index-page"


def test_seed_namesakes_have_distinct_ids_and_point_at_each_other():
    """The two seed 02-backend-patterns files get different ids and know each other."""
    catalog = build_catalog(CONTENT)
    first = catalog.by_id["api-design/agents/02-backend-patterns"]
    second = catalog.by_id["backend-roadmap/agents/02-backend-patterns"]
    assert catalog.namesakes(first) == [second] and catalog.namesakes(second) == [first]


def test_ids_colliding_after_lowercasing_are_made_unique(tmp_path):
    """Two paths that differ only in case get distinct ids and a warning."""
    write_collection(tmp_path, {"c/agents/API.md": "---\nname: a\n---\n", "c/agents/api.md": "---\nname: b\n---\n"})
    catalog = build_catalog(tmp_path)
    assert sorted(e.id for e in catalog.entries) == ["c/agents/api", "c/agents/api-2"]
    assert [p.code for p in catalog.problems] == ["duplicate-id"]


def test_duplicate_name_in_one_collection_is_a_warning(tmp_path):
    """Two agents of one collection with one name make references ambiguous."""
    write_collection(tmp_path, {"c/agents/a.md": "---\nname: same\n---\n", "c/agents/b.md": "---\nname: same\n---\n"})
    problems = build_catalog(tmp_path).problems
    assert [(p.code, p.location.path) for p in problems] == [("duplicate-name", "c/agents/b.md")]


def test_find_by_name_or_stem_prefers_own_collection(tmp_path):
    """Lookups match the frontmatter name or the file stem, within the collection first."""
    write_collection(tmp_path, {
        "a/agents/01-api.md": "---\nname: api-designer\n---\n",
        "b/agents/api-designer.md": "---\nname: api-designer\n---\n",
    })
    catalog = build_catalog(tmp_path)
    assert [e.id for e in catalog.find("01-api")] == ["a/agents/01-api"]
    assert [e.id for e in catalog.find("API Designer", collection="b")] == ["b/agents/api-designer"]


def test_unreadable_bytes_do_not_cost_other_pages(tmp_path):
    """A file with invalid UTF-8 and another with broken YAML still both become entries."""
    write_collection(tmp_path, {"c/agents/ok.md": "---\nname: ok\n---\n", "c/agents/bad.md": "---\nname: [\n---\n"})
    (tmp_path / "c/agents/latin.md").write_bytes(b"---\nname: caf\xe9\n---\n")
    catalog = build_catalog(tmp_path)
    assert len(catalog.entries) == 3
    assert sorted(p.code for p in catalog.problems) == ["invalid-yaml", "not-utf8"]


def test_collection_named_like_a_site_page_keeps_its_overview(tmp_path):
    """A collection called 'snippets' gets its overview at snippets-collection/, beside the health page."""
    from docs_build.atlas import reserved_urls
    from docs_build.catalog import collection_url

    reserved = reserved_urls()
    assert collection_url("snippets", reserved) == "snippets-collection/"
    assert collection_url("api-design", reserved) == "api-design/"


def test_collections_with_one_url_are_reported(tmp_path):
    """Two collection folders differing only in case get a warning, not a silently lost page."""
    write_collection(tmp_path, {"Foo Bar/agents/a.md": "---\nname: a\n---\n", "foo-bar/agents/b.md": "---\nname: b\n---\n"})
    problems = build_catalog(tmp_path).problems
    assert [(p.code, p.location.path) for p in problems] == [("duplicate-collection-url", "foo-bar")]
