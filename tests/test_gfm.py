"""GitHub-style lists and tables under a paragraph line render as lists and tables."""

from __future__ import annotations

from docs_build.markdown.gfm import separate_blocks


def test_list_under_paragraph_gets_a_blank_line():
    """`**Boundaries:**` directly followed by `- item` becomes a separate list block."""
    assert separate_blocks("**Boundaries:**\n- a\n- b") == "**Boundaries:**\n\n- a\n- b"


def test_table_under_paragraph_gets_a_blank_line():
    """A table header row with its delimiter row under a paragraph line is separated."""
    assert separate_blocks("Text\n| a | b |\n|---|---|\n| 1 | 2 |") == "Text\n\n| a | b |\n|---|---|\n| 1 | 2 |"


def test_code_blocks_are_left_alone():
    """List-like lines inside a fence are code, not lists: no line is added."""
    text = "```yaml\nkey: v\n- item\n```"
    assert separate_blocks(text) == text


def test_list_continuations_are_left_alone():
    """Items after items, and lines under indented text, keep their layout."""
    text = "- a\n- b\n  text\n  - nested"
    assert separate_blocks(text) == text
