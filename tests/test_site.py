"""Real `mkdocs build` runs over the seeds and over tiny collections in tmp_path."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from conftest import CONTENT, build_site, write_collection

SEED_URLS = {
    "api-design/agents/02-backend-patterns/",
    "api-design/skills/backend-patterns/",
    "backend-roadmap/agents/02-backend-patterns/",
    "community/agents/backend-developer/",
    "fullstack/agents/03-backend-development/",
}


def parsed_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag of a page with its attributes, as a browser would see them."""
    tags = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append((tag, attrs))
    parser.feed(html)
    return tags


def test_seed_site_has_one_page_per_seed_with_card_and_body(seed_site):
    """Each seed gets its own page carrying its frontmatter card and its body text."""
    catalog = json.loads((seed_site.site_dir / "catalog.json").read_text())
    assert {e["url"] for e in catalog["entries"]} == SEED_URLS
    for entry in catalog["entries"]:
        html = seed_site.page(entry["url"])
        assert 'class="atlas-card' in html and entry["source"] in html
        body_line = (CONTENT / entry["source"]).read_text().split("\n---\n", 1)[1].strip().split("\n")[0]
        assert body_line.lstrip("# ") in html


def test_seed_namesakes_link_to_each_other(seed_site):
    """The two 02-backend-patterns pages have different URLs and each names the other."""
    first = seed_site.page("api-design/agents/02-backend-patterns/")
    second = seed_site.page("backend-roadmap/agents/02-backend-patterns/")
    assert 'href="../../../backend-roadmap/agents/02-backend-patterns/"' in first
    assert 'href="../../../api-design/agents/02-backend-patterns/"' in second


def test_catalog_json_shape(seed_site):
    """catalog.json carries the documented keys for every entry."""
    catalog = json.loads((seed_site.site_dir / "catalog.json").read_text())
    assert catalog["version"] == 1
    entry = next(e for e in catalog["entries"] if e["id"] == "community/agents/backend-developer")
    assert entry["name"] == "Backend Developer" and entry["kind"] == "agent" and entry["group"] is None
    assert entry["model"] == "claude-3-opus" and entry["source"] == "community/agents/backend-developer.md"
    skill = next(e for e in catalog["entries"] if e["kind"] == "skill")
    assert skill["collection"] == "api-design" and skill["tools"] == []


def test_home_and_collection_pages_count_and_list(seed_site):
    """The home page counts collections, agents and skills; a collection page lists its entries."""
    home = seed_site.page("")
    assert re.search(r"<strong>4</strong> collections, <strong>4</strong> agents and <strong>1</strong> skills", home)
    collection = seed_site.page("api-design/")
    assert 'href="agents/02-backend-patterns/"' in collection and 'href="skills/backend-patterns/"' in collection


def test_hostile_content_is_escaped_and_stripped(tmp_path):
    """Scripts in frontmatter values and in the body never reach the page as markup."""
    content = write_collection(tmp_path / "content", {
        "evil/agents/x.md": (
            '---\nname: "<script>alert(1)</script>"\ndescription: "<img src=x onerror=alert(2)>"\n'
            "tools: ['<b>t</b>']\n---\n# Title\n\n<script>alert(3)</script>\n\n"
            '<a href="javascript:alert(4)" onclick="alert(5)">link</a>\n'
        ),
    })
    site = build_site(content, tmp_path)
    assert site.returncode == 0, site.log
    html = site.page("evil/agents/x/")
    tags = parsed_tags(html)
    assert not [attrs for _, attrs in tags if any(name.startswith("on") for name, _ in attrs)]
    assert not [attrs for _, attrs in tags if any((value or "").startswith("javascript:") for _, value in attrs)]
    assert "<script>alert" not in html and "<b>t</b>" not in html and "&lt;b&gt;t&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "evil/agents/x.md:8: warning: active HTML" in site.log


def test_bad_files_are_reported_and_others_still_built(tmp_path):
    """Broken YAML, missing frontmatter and an unclosed fence each cost only a problem."""
    content = write_collection(tmp_path / "content", {
        "c/agents/good.md": "---\nname: good\ndescription: fine\n---\n# Good\n",
        "c/agents/yaml.md": "---\nname: y\ndescription: Use when: x\n---\n# Y\n",
        "c/agents/bare.md": "# Bare\n",
        "c/agents/fence.md": "---\nname: f\n---\n# F\n```python\nx = 1\n",
        "empty/README.md": "# A collection with no definitions yet\n",
    })
    site = build_site(content, tmp_path, strict=True)
    assert site.returncode != 0  # strict fails on the errors...
    site = build_site(content, tmp_path / "again")
    assert site.returncode == 0  # ...a normal build reports them and makes every page
    for stem in ["good", "yaml", "bare", "fence"]:
        assert (site.site_dir / "c/agents" / stem / "index.html").is_file()
    assert "c/agents/yaml.md:3: error: frontmatter is not valid YAML" in site.log
    assert "c/agents/bare.md:1: warning: file has no YAML frontmatter" in site.log
    assert "c/agents/fence.md:5: error: code fence" in site.log
    assert "docs_build: 2 collections, 4 agents, 0 skills, 1 ignored files" in site.log
    assert "0 agents and 0 skills" in site.page("empty/")


def test_macros_do_not_render_bodies(tmp_path):
    """`{{ … }}` in a body (Vue, Helm, Actions) is shown as written, not evaluated."""
    content = write_collection(tmp_path / "content", {
        "c/agents/vue.md": "---\nname: vue\n---\n# Vue\n\nUse {{ message }} and {% raw %} here.\n",
    })
    site = build_site(content, tmp_path, strict=True)
    assert site.returncode == 0, site.log
    assert "{{ message }}" in site.page("c/agents/vue/")


def test_body_links_to_other_definitions_are_repointed(tmp_path):
    """A relative link to another skill's SKILL.md leads to its page; a dead one becomes text."""
    content = write_collection(tmp_path / "content", {
        "c/skills/a/SKILL.md": "---\nname: a\n---\n# A\n\nSee [B](../b/SKILL.md) and [ref](references/x.md).\n",
        "c/skills/b/SKILL.md": "---\nname: b\n---\n# B\n",
    })
    site = build_site(content, tmp_path, strict=True)
    assert site.returncode == 0, site.log
    html = site.page("c/skills/a/")
    assert '<a href="../b/">B</a>' in html and "references/x.md" not in html.split("atlas-card")[-1]
    assert "c/skills/a/SKILL.md:6: info: link target 'references/x.md' is not a page" in site.log


def test_generated_pages_get_a_table_of_contents(seed_site):
    """Headings written by templates (raw HTML) still appear in the page's table of contents."""
    html = seed_site.page("problems/")
    toc = html.split('aria-label="Table of contents"', 1)[1].split("</nav>", 1)[0]
    assert 'href="#api-design"' in toc and 'href="#fullstack"' in toc


def test_every_folder_level_of_a_url_has_an_index(tmp_path):
    """Cutting an entry URL back to its plugin or kind folder lands on a page listing what is inside."""
    content = write_collection(tmp_path / "content", {
        "c/plugins/web/agents/api.md": "---\nname: api\ndescription: builds APIs\n---\n# API\n",
        "c/plugins/web/skills/rest/SKILL.md": "---\nname: rest\n---\n# REST\n",
        "c/plugins/data/agents/sql.md": "---\nname: sql\n---\n# SQL\n",
    })
    site = build_site(content, tmp_path, strict=True)
    assert site.returncode == 0, site.log
    plugin = site.page("c/plugins/web/")
    assert 'href="agents/api/"' in plugin and 'href="skills/rest/"' in plugin and "plugins/data" not in plugin
    assert 'href="api/"' in site.page("c/plugins/web/agents/")
    assert 'href="web/agents/api/"' in site.page("c/plugins/") and 'href="data/agents/sql/"' in site.page("c/plugins/")
    assert '<a href="../../">agent · web</a>' in site.page("c/plugins/web/agents/api/")


def test_description_examples_are_split_from_the_summary(tmp_path):
    """A Claude Code description with `\\n` and <example> blocks shows a clean summary and the examples apart."""
    description = "Use this agent to review code.\\n\\n<example>\\nContext: a PR\\nuser: review it\\n</example>"
    content = write_collection(tmp_path / "content", {"c/agents/r.md": f"---\nname: r\ndescription: {description}\n---\n# R\n"})
    site = build_site(content, tmp_path)  # "Context: a PR" makes the YAML invalid, as in real files
    assert site.returncode == 0 and "c/agents/r.md:3: error: frontmatter is not valid YAML" in site.log
    page = site.page("c/agents/r/")
    assert re.search(r'<p class="atlas-card__description"[^>]*>Use this agent to review code.</p>', page)  # weighted for search
    assert "<pre class=\"atlas-text\">Context: a PR\nuser: review it</pre>" in page
    assert "Use this agent to review code.</td>" in site.page("c/")


def test_reserved_top_level_names_cover_every_site_page(seed_site):
    """Every generated page outside the collections sits under a name collections cannot take over."""
    from docs_build.atlas import reserved_urls

    catalog = json.loads((seed_site.site_dir / "catalog.json").read_text())
    collections = {c.lower() for c in catalog["collections"]}
    tops = {p.relative_to(seed_site.site_dir).parts[0] for p in seed_site.site_dir.rglob("index.html")}
    assert tops - collections - {"index.html"} <= reserved_urls()


def test_graph_pages_are_grouped_in_the_navigation(seed_site):
    """Per-collection graph pages sit in one 'Handoff graphs' section, titled by collection."""
    nav = seed_site.page("graphs/api-design/").split('class="md-nav md-nav--primary"', 1)[1]
    section = " ".join(nav.split("Handoff graphs", 2)[2].split("</ul>", 1)[0].split())
    assert re.findall(r'<a href="([^"]+)"[^>]*> <span class="md-ellipsis"> ([\w-]+) </span>', section) == [
        ("./", "api-design"), ("../backend-roadmap/", "backend-roadmap"),
    ]
