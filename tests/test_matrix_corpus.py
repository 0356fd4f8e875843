"""The real-world corpus: box drawings are mostly trees and charts; only selection lists become tables."""

from __future__ import annotations

from docs_build.catalog import build_catalog
from docs_build.markdown.fences import iter_fences
from docs_build.matrix.coverage import collect_matrix
from docs_build.matrix.diagrams import BOX_CHARS_RE, parse_selection
from docs_build.matrix.frameworks import load_vocabulary


def test_only_the_selection_list_among_79_files_of_box_drawings(corpus_dir):
    """79 files carry box drawings in fenced blocks; one of them is a framework selection list."""
    catalog = build_catalog(corpus_dir)
    vocabulary = load_vocabulary()
    drawn, accepted = set(), []
    for entry in catalog.entries:
        for fence in iter_fences(entry.body, entry.body_line):
            if BOX_CHARS_RE.search(fence.code):
                drawn.add(entry.source)
                if parse_selection(fence, vocabulary):
                    accepted.append(entry.source)
    assert len(drawn) == 79
    assert accepted == ["pluginagentmarketplace__custom-plugin-api-design/agents/02-backend-patterns.md"]


def test_corpus_matrix_covers_expected_frameworks(corpus_dir):
    """Named specialists and skills land on their framework's row, with evidence."""
    catalog = build_catalog(corpus_dir)
    coverage = collect_matrix(catalog).coverage(catalog)
    assert "0xfurai__claude-code-subagents/agents/django-expert" in coverage["Django"]
    assert "0xfurai__claude-code-subagents/agents/fiber-expert" in coverage["Fiber"]
    php = "voltagent__awesome-claude-code-subagents/categories/02-language-specialists/php-pro"
    assert php in coverage["Laravel"] and php not in coverage["Fiber"]  # 'async/Fiber patterns' is PHP's
