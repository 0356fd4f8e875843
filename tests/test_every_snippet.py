"""One test per snippet of the content directory ($DOCS_CONTENT_DIR or content/): every snippet parses.

Test ids name the file, the fence's line and the language: `api-design/agents/02-backend-patterns.md:151[typescript]`.
Snippets are lexed at collection; all are checked together on first use (Mermaid runs Node once).
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from conftest import ROOT, need

from docs_build import content_dir
from docs_build.catalog import build_catalog
from docs_build.snippets import Snippet, SnippetResult, catalog_snippets, check_snippets
from docs_build.snippets.registry import CHECKERS

CONTENT_DIR = content_dir(ROOT)


def _snippets() -> list[Snippet]:
    return catalog_snippets(build_catalog(CONTENT_DIR)) if CONTENT_DIR.is_dir() else []


SNIPPETS = _snippets()


@lru_cache(maxsize=1)
def _results() -> dict[str, SnippetResult]:
    return {result.snippet.id: result for result in check_snippets(SNIPPETS)}


def failure_message(result: SnippetResult) -> str:
    """The Markdown position and error, then the offending line with a caret under the column."""
    line, _ = result.position
    gutter = f"{line} | "
    caret = " " * (len(gutter) + (result.outcome.column or 1) - 1) + "^"
    return f"{result.describe()}\n{gutter}{result.source_line}\n{caret}"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[snippet.id for snippet in SNIPPETS])
def test_snippet_parses(snippet: Snippet) -> None:
    """The snippet parses with a real parser for its language (or is a documented fragment)."""
    result = _results()[snippet.id]
    if result.status == "failed":
        pytest.fail(failure_message(result), pytrace=False)
    if snippet.language == "mermaid" and result.status == "unchecked":
        need(False, CHECKERS["mermaid"].unavailable() or result.outcome.error)
    if result.status == "unchecked":
        pytest.skip(f"not checked: {result.outcome.error}")
    if result.status == "skipped":
        pytest.skip(f"opted out: {result.outcome.error}")
