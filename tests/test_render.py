"""Rendering helpers: Markdown escaping of content values."""

from __future__ import annotations

import posixpath

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from docs_build.catalog import relpath
from docs_build.pages.render import md_escape


def to_html(text: str) -> str:
    """Python-Markdown with the site's table extension, which adds '|' to the escapable characters."""
    return markdown.markdown(text, extensions=["tables"])


def test_md_escape_shows_text_as_written():
    """Markup, HTML and entities in a heading come out as the literal text, with no stray backslashes."""
    text = "a ~ b <img src=x onerror=alert(1)> R&D &lt; *y* _z_ `c` [l](u) | # \\"
    assert to_html(f"# {md_escape(text)}") == (
        "<h1>a ~ b &lt;img src=x onerror=alert(1)&gt; R&amp;D &amp;lt; *y* _z_ `c` [l](u) | # \\</h1>"
    )


def test_split_description_separates_examples():
    """Text outside <example> blocks is the summary; each block is kept apart, literal \\n decoded."""
    from docs_build.pages.render import split_description

    text = "Use it.\\n\\n<example>\\nContext: a\\n</example> Also <example>b"
    assert split_description(text) == ("Use it. Also", ["Context: a", "b"])
    assert split_description("plain") == ("plain", [])


SEGMENTS = st.sampled_from(["a", "b", "agents", "index.md", "x y", ".", "", "é"])


@settings(max_examples=400, deadline=None)
@given(st.lists(SEGMENTS, max_size=5).map("/".join), st.lists(SEGMENTS, max_size=5).map("/".join))
def test_relpath_is_posixpaths_for_site_relative_paths(path: str, start: str) -> None:
    assert relpath(path or ".", start or ".") == posixpath.relpath(path or ".", start or ".")
