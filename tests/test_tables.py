"""Markdown pipe tables, headings, and troubleshooting header detection, on in-memory strings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docs_build.markdown.tables import iter_headings, iter_tables, plain_text, split_row
from docs_build.troubleshooting.columns import header_roles

DATA = Path(__file__).parent / "data" / "tables"
HEADERS = yaml.safe_load((DATA / "headers.yml").read_text())
#: Every candidate header shape of both corpora, labelled by tests/data/tables/RULES.md.
CORPUS_HEADERS = yaml.safe_load((DATA / "corpus_headers.yaml").read_text())


@pytest.mark.parametrize("case", HEADERS, ids=[" | ".join(c["header"]) + " / " + ",".join(c.get("headings", [])) for c in HEADERS])
def test_header_roles_golden(case):
    """Each header shape, under its headings, is or is not a troubleshooting table, with the right columns."""
    assert header_roles(case["header"], case.get("headings", [])) == case["roles"]


def test_corpus_header_shapes_precision_recall_and_roles():
    """Over the labelled shapes of both corpora: precision and recall >= 0.95; the chosen columns have the labelled roles."""
    tp = fp = fn = 0
    for case in CORPUS_HEADERS:
        roles = header_roles(case["header"], case["headings"])
        tp, fp, fn = tp + bool(roles and case["troubleshooting"]), fp + bool(roles and not case["troubleshooting"]), \
            fn + bool(not roles and case["troubleshooting"])
        if roles and case["troubleshooting"]:
            labelled = case["roles"]
            assert labelled[roles["symptom"]] in ("symptom", "cause") and labelled[roles["solution"]] == "fix", case
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)


def test_header_words_are_whole_words():
    """'Default' holds no 'fault', 'Prefix' no 'fix': a word matches only whole."""
    assert header_roles(["Default", "Prefix"]) is None and header_roles(["Fault", "Fix"]) == {"symptom": 0, "solution": 1}


def test_split_row_keeps_escaped_and_code_pipes():
    """Pipes escaped or inside code spans stay in their cell (as written); outer pipes are optional."""
    cells = split_row("| a \\| b | `x | y` | c |")
    assert cells == ["a \\| b", "`x | y`", "c"] and plain_text(cells[0]) == "a | b"
    assert split_row("a | b") == ["a", "b"]


def test_plain_text_drops_markup():
    """Emphasis, code ticks, links, tags and entities reduce to readable text."""
    assert plain_text("**Bold** `code` [link](http://x) a<br>b &amp; snake_case") == "Bold code link a; b & snake_case"


def test_iter_tables_skips_fences_and_keeps_lines_and_headings():
    """A table inside a fenced block is ignored; a real one keeps its line and heading trail."""
    body = "# Top\n\n```\n| A | B |\n|---|---|\n```\n\n## Errors\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    [table] = iter_tables(body, first_line=10)
    assert table.header == ("A", "B") and table.rows == (("1", "2"),)
    assert table.line == 19 and table.row_lines == (21,)
    assert [h.text for h in table.headings] == ["Top", "Errors"] and table.heading == "Errors"


def test_iter_tables_needs_a_separator_of_the_same_width():
    """A pipe line without a matching separator line is prose, not a table."""
    assert iter_tables("a | b\nnot a separator\n") == []
    assert iter_tables("| a | b |\n|---|\n| 1 | 2 |\n") == []


def test_heading_anchors_follow_python_markdown_toc():
    """Heading ids are toc's slugs, numbered _1, _2 when repeated."""
    anchors = [h.anchor for h in iter_headings("## FastAPI (Modern Async)\n## Setup\n## Setup\n")]
    assert anchors == ["fastapi-modern-async", "setup", "setup_1"]
