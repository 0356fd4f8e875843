"""Both real-world corpora: troubleshooting tables as labelled, every row kept, anchored and searchable."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from docs_build.adapter.search_index import indexed_fragments
from docs_build.catalog import build_catalog
from docs_build.markdown.tables import iter_tables, plain_text
from docs_build.troubleshooting.columns import header_roles
from docs_build.troubleshooting.rows import collect_rows, header_key

NOT_TROUBLESHOOTING = {
    ("Version", "Date", "Changes"),
    ("Parameter", "Type", "Required", "Default", "Description"),
    ("Domain", "Proficiency", "Key Technologies"),
}

#: Header shapes of both corpora labelled by tests/data/tables/RULES.md (plain lowercase cells -> yes/no).
LABELS = {
    tuple(case["header"]): case["troubleshooting"]
    for case in yaml.safe_load((Path(__file__).parent / "data" / "tables" / "corpus_headers.yaml").read_text())
}


@pytest.fixture(scope="module")
def corpus_catalog(corpus_dir):
    """The corpus, parsed once for this module."""
    return build_catalog(corpus_dir)


@pytest.mark.parametrize("which", ["corpus", "corpus-extra"])
def test_tables_found_agree_with_the_labels_and_keep_every_row(which, corpus_dir, corpus_extra_dir):
    """Per table of each corpus: precision and recall >= 0.95 against the labelled shapes; every row with a symptom is kept."""
    catalog = build_catalog(corpus_dir if which == "corpus" else corpus_extra_dir)
    found = collect_rows(catalog)
    tp = fp = fn = 0
    for entry in catalog.entries:
        columns = found.symptom_columns.get(entry.id, {})
        expected_rows = 0
        for table in iter_tables(entry.body, entry.body_line):
            gold = LABELS.get(tuple(plain_text(cell).lower() for cell in table.header), False)
            taken = header_key(table.header) in columns
            tp, fp, fn = tp + (gold and taken), fp + (taken and not gold), fn + (gold and not taken)
            if taken:
                column = columns[header_key(table.header)]
                expected_rows += sum(1 for row in table.rows if column < len(row) and plain_text(row[column]))
        assert len(found.by_entry.get(entry.id, [])) == expected_rows, entry.source
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)


def test_parameter_and_version_tables_are_never_taken(corpus_catalog):
    """Version, parameter and proficiency tables (present in the corpus) are never troubleshooting."""
    shapes = Counter(t.header for e in corpus_catalog.entries for t in iter_tables(e.body, e.body_line))
    assert NOT_TROUBLESHOOTING <= set(shapes)
    assert not any(header_roles(shape, ["Troubleshooting"]) for shape in NOT_TROUBLESHOOTING)


def test_every_corpus_row_is_anchored_and_searchable(corpus_site):
    """Each row of catalog.json has its <tr id> on its page and its own search document."""
    catalog = json.loads((corpus_site.site_dir / "catalog.json").read_text())
    locations = {doc["url"].lstrip("/") for doc in indexed_fragments(corpus_site.site_dir)}
    rows = [row for entry in catalog["entries"] for row in entry["troubleshooting"]]
    assert len(rows) >= 569  # the rows of the three-column tables of the first version, and more
    pages: dict[str, str] = {}
    for row in rows:
        path, anchor = row["url"].split("#")
        html = pages.setdefault(path, corpus_site.page(path))
        assert f'<tr id="{anchor}" class="atlas-ts-row">' in html, row["url"]
        assert row["url"] in locations
    assert len({row["id"] for row in rows}) == len(rows)
