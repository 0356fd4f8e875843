"""The faceted catalog page: facet values with counts, one row per entry, and a collection named 'catalog'."""

from __future__ import annotations

from conftest import write_collection

from docs_build.atlas import reserved_urls
from docs_build.catalog import build_catalog, collection_url
from docs_build.catalog_page.facets import facet_values, render_page

AGENT = "---\nname: {name}\ndescription: {description}\nmodel: {model}\ntools: {tools}\n---\n\nBody.\n"


def small_catalog(tmp_path):
    """Two agents and a skill in two collections, one without a model."""
    return build_catalog(write_collection(tmp_path, {
        "alpha/agents/a.md": AGENT.format(name="a", description="Deploys <apps>", model="opus", tools="Bash, Read"),
        "alpha/agents/b.md": AGENT.format(name="b", description="x" * 300, model="sonnet", tools="Read"),
        "owner__beta/skills/s/SKILL.md": "---\nname: s\ndescription: A skill.\n---\n\nBody.\n",
    }))


def test_facet_values_count_entries_most_common_first(tmp_path):
    """Tools and models are counted per entry; a missing model is its own value; collections sort by name."""
    values = facet_values(small_catalog(tmp_path).entries)
    assert values["tool"] == [("Read", 2), ("Bash", 1)]
    assert values["model"] == [("(not set)", 1), ("opus", 1), ("sonnet", 1)]
    assert values["collection"] == [("alpha", 2), ("owner__beta", 1)]
    assert values["kind"] == [("agent", 2), ("skill", 1)]


def test_page_has_a_row_per_entry_with_its_facets_escaped(tmp_path):
    """Each entry is one row carrying its facet values; descriptions are escaped and cut."""
    page = render_page(small_catalog(tmp_path))
    assert page.src_uri == "catalog.md" and page.full_markdown.count("<tr data-collection=") == 3
    assert 'data-model="opus" data-tools="|Bash|Read|"' in page.full_markdown
    assert "Deploys &lt;apps&gt;" in page.full_markdown and "x" * 160 not in page.full_markdown
    assert '<td title="owner__beta">beta</td>' in page.full_markdown
    assert "search:\n  exclude: true" in page.full_markdown


def test_a_collection_named_catalog_keeps_its_overview_apart():
    """The page owns /catalog/: a collection folder of that name has its overview at /catalog-collection/."""
    assert collection_url("catalog", reserved_urls()) == "catalog-collection/"


def test_values_differing_only_in_case_are_one_option(tmp_path):
    """'Read' and 'read' are one tool option (the page filters without case), shown in the commoner spelling."""
    catalog = build_catalog(write_collection(tmp_path, {
        f"c/agents/{n}.md": AGENT.format(name=n, description="x", model="opus", tools=tools)
        for n, tools in [("a", "Read, Bash"), ("b", "Read"), ("c", "read, READ")]
    }))
    assert facet_values(catalog.entries)["tool"] == [("Read", 3), ("Bash", 1)]
