"""The real-world corpus: every troubleshooting table found, nothing else, every row anchored."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from docs_build.catalog import build_catalog
from docs_build.tables import header_roles, iter_tables
from docs_build.troubleshooting import collect_rows

#: Tables and rows per collection, as measured on the corpus (SOURCES.md commits).
EXPECTED = {
    "pluginagentmarketplace__custom-plugin-api-design": (20, 83),
    "pluginagentmarketplace__custom-plugin-backend": (19, 78),
    "pluginagentmarketplace__custom-plugin-frontend": (44, 290),
    "pluginagentmarketplace__custom-plugin-fullstack": (7, 27),
    "pluginagentmarketplace__custom-plugin-go": (27, 91),
}
NOT_TROUBLESHOOTING = {
    ("Version", "Date", "Changes"),
    ("Parameter", "Type", "Required", "Default", "Description"),
    ("Domain", "Proficiency", "Key Technologies"),
}


@pytest.fixture(scope="module")
def corpus_catalog(corpus_dir):
    """The corpus, parsed once for this module."""
    return build_catalog(corpus_dir)


def test_all_117_troubleshooting_tables_are_found(corpus_catalog):
    """117 tables with a problem, a cause and a fix column; tables and rows per collection as measured."""
    found = collect_rows(corpus_catalog)
    rows = found.rows_per_collection(corpus_catalog)
    assert sum(found.tables.values()) == 117
    assert {c: (found.tables[c], rows[c]) for c in found.tables} == EXPECTED


def test_no_other_header_shape_is_taken(corpus_catalog):
    """Version, parameter and proficiency tables (present in the corpus) are never troubleshooting."""
    shapes = Counter(t.header for e in corpus_catalog.entries for t in iter_tables(e.body, e.body_line))
    assert NOT_TROUBLESHOOTING <= set(shapes)
    assert not any(header_roles(shape) for shape in NOT_TROUBLESHOOTING)
    taken = {shape for shape in shapes if header_roles(shape)}
    assert all(re.search(r"issue|error|symptom|failure", s[0], re.I) for s in taken)


def test_every_corpus_row_is_anchored_and_searchable(corpus_site):
    """Each row of catalog.json has its <tr id> on its page and its own search document."""
    catalog = json.loads((corpus_site.site_dir / "catalog.json").read_text())
    index = json.loads((corpus_site.site_dir / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    rows = [row for entry in catalog["entries"] for row in entry["troubleshooting"]]
    assert len(rows) == 569
    pages: dict[str, str] = {}
    for row in rows:
        path, anchor = row["url"].split("#")
        html = pages.setdefault(path, corpus_site.page(path))
        assert f'<tr id="{anchor}" class="atlas-ts-row">' in html, row["url"]
        assert row["url"] in locations
    assert len({row["id"] for row in rows}) == len(rows)
