"""Pages carry their own collection's sidebar, compact theme HTML, and untouched content."""

from __future__ import annotations

import re

from conftest import build_site, write_collection

CODE = "```python\ndef f():\n\n        return  1\n```\n"


def _sidebar(html: str) -> str:
    """The primary navigation of a page."""
    return html[html.index('<nav class="md-nav md-nav--primary"'):html.index('<div class="md-sidebar md-sidebar--secondary"')]


def test_a_page_lists_its_own_collection_and_links_the_others(tmp_path):
    """An entry page's sidebar holds its collection's entries; other collections are one link to the home page's list."""
    content = write_collection(tmp_path / "content", {
        "c/agents/a.md": f"---\nname: alpha-agent\ndescription: d\n---\n# A\n\n{CODE}",
        "c/agents/b.md": "---\nname: bravo-agent\ndescription: d\n---\n# B\n",
        "d/agents/e.md": "---\nname: echo-agent\ndescription: d\n---\n# E\n",
    })
    site = build_site(content, tmp_path)
    assert site.returncode == 0, site.log
    sidebar = _sidebar(site.page("c/agents/a/"))
    assert "bravo-agent" in sidebar and "echo-agent" not in sidebar
    assert re.search(r'<a href="\.\./\.\./\.\./?" class="md-nav__link">\s*<span class="md-ellipsis">\s*All collections\s*</span>', sidebar)
    assert '"../../../d/"' not in sidebar
    home = _sidebar(site.page(""))
    assert '"c/"' in home and '"d/"' in home and "All collections" not in home  # outside collections: each one
    assert "bravo-agent" not in _sidebar(site.page("d/agents/e/")) and "echo-agent" in _sidebar(site.page("d/agents/e/"))


def test_theme_whitespace_is_folded_but_code_is_kept(tmp_path):
    """No blank indented lines outside the content; a code block keeps its blank line and indentation."""
    content = write_collection(tmp_path / "content", {"c/agents/a.md": f"---\nname: a\ndescription: d\n---\n# A\n\n{CODE}"})
    site = build_site(content, tmp_path)
    html = site.page("c/agents/a/")
    chrome = html[:html.index('<div class="md-content"')]
    assert not re.search(r"\n[ \t]*\n", chrome)
    code = re.search(r"<pre>.*?<code>(.*?)</code>", html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", code) == "def f():\n\n        return  1\n"
