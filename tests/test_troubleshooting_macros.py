"""The mkdocs-macros macros: hand-written pages embed a collection's troubleshooting table and matrix."""

from __future__ import annotations

from conftest import CONTENT, build_site

PAGE = """---
title: Guide
render_macros: true
---

# Our backend agents

{{ troubleshooting_table(collection="fullstack") }}

{{ framework_matrix(collection="api-design", heading_level=2) }}

{{ troubleshooting_table(collection="no-such-collection") }}
"""


def test_a_hand_written_page_embeds_both_macros(tmp_path):
    """A page with render_macros: true gets the rows of one collection and its framework matrix."""
    site = build_site(CONTENT, tmp_path, strict=True, extra_docs={"guide.md": PAGE})
    assert site.returncode == 0, site.log
    html = site.page("guide/")
    assert html.count('class="atlas-ts-row"') == 4  # fullstack only
    assert 'href="../fullstack/agents/03-backend-development/#ts-slow-response"' in html
    assert "ECONNRESET" not in html.split('data-atlas-ts-hub', 1)[1].split("</table>", 1)[0]
    assert '<h2 id="nodejs">Node.js' in html
    assert 'href="../api-design/agents/02-backend-patterns/#fw-framework-selection-matrix"' in html
    assert "No troubleshooting tables found in no-such-collection." in html


def test_shipped_guide_uses_the_macros(seed_site):
    """docs/guide.md renders its macros on the seed site."""
    html = seed_site.page("guide/")
    assert html.count('class="atlas-ts-row"') == 7  # api-design: 4 agent rows + 3 skill rows
    assert "{{" not in html and "atlas-chip" in html
