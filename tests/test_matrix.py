"""Framework vocabulary, selection diagrams and evidence, on strings; the seed site's matrix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT

from docs_build.catalog import build_catalog
from docs_build.markdown.fences import iter_fences
from docs_build.matrix.coverage import collect_matrix, heading_frameworks
from docs_build.matrix.diagrams import iter_selections, parse_selection
from docs_build.matrix.frameworks import load_vocabulary, parse_vocabulary

DIAGRAMS = yaml.safe_load((Path(__file__).parent / "data" / "tables" / "diagrams.yml").read_text())
VOCABULARY = load_vocabulary()


def names(frameworks) -> list[str]:
    """The display names of some frameworks."""
    return [f.name for f in frameworks]


@pytest.mark.parametrize("case", DIAGRAMS, ids=[c["name"] for c in DIAGRAMS])
def test_diagrams_golden(case):
    """Selection lists become rows; trees, decision trees, flow charts and other lists do not."""
    [fence] = iter_fences(f"```\n{case['code']}```\n")
    diagram = parse_selection(fence, VOCABULARY)
    rows = None if diagram is None else [[r.language, r.framework, r.when] for r in diagram.rows]
    assert rows == case["rows"]


def test_seed_selection_matrix_rows():
    """api-design 02-backend-patterns: Node.js, Python, Go and Java frameworks with when-to-use text."""
    entry = build_catalog(CONTENT).by_id["api-design/agents/02-backend-patterns"]
    [diagram] = iter_selections(entry.body, entry.body_line, VOCABULARY)
    groups: dict[str, list[str]] = {}
    for row in diagram.rows:
        groups.setdefault(row.language, []).append(row.framework)
    assert groups == {
        "Node.js": ["Express.js", "Fastify", "NestJS"],
        "Python": ["Django", "FastAPI", "Flask"],
        "Go": ["Gin", "Echo", "Fiber"],
        "Java": ["Spring Boot"],
    }
    assert diagram.rows[0].when == "Lightweight, flexible, most middleware" and diagram.rows[0].canonical == "Express"


def test_aliases_name_one_framework():
    """express, express.js and expressjs all name Express; versions and markup are ignored."""
    assert {VOCABULARY.by_value(v).name for v in ["express", "Express.js", "expressjs", "**Express 5**"]} == {"Express"}


def test_values_in_descriptions_and_validation_patterns():
    """A parenthesised list and a regex alternation both name their frameworks."""
    assert names(VOCABULARY.in_text("Target framework (express, fastify, gin, spring)")) == [
        "Express", "Fastify", "Gin", "Spring Boot"]
    assert names(VOCABULARY.in_values("^(django|flask)$")) == ["Django", "Flask"]


def test_common_words_need_the_framework_spelling_in_prose():
    """'express', 'spring' and 'react' as everyday words are not frameworks; capitalised they are."""
    assert names(VOCABULARY.in_text("we express intent in spring and react quickly")) == []
    assert names(VOCABULARY.in_text("Build UIs with React and Spring")) == ["Spring Boot", "React"]


def test_value_only_names_never_match_prose():
    """'Fiber' in running text (a PHP and React concept too) is not the Go framework."""
    assert names(VOCABULARY.in_text("async/Fiber patterns")) == []
    assert names(VOCABULARY.in_values("Fiber")) == ["Fiber"]


def test_headings_name_the_framework_they_start_with():
    """'FastAPI (Modern Async)' and 'Expo vs React Native' name frameworks; 'Next Steps' does not."""
    assert names(heading_frameworks("FastAPI (Modern Async)", VOCABULARY)) == ["FastAPI"]
    assert names(heading_frameworks("2. Expo vs React Native", VOCABULARY)) == ["Expo", "React Native"]
    assert heading_frameworks("Next Steps", VOCABULARY) == []


def test_vocabulary_is_easy_to_extend():
    """A framework added to the YAML structure is recognised by every alias."""
    vocabulary = parse_vocabulary({"ecosystems": [{"name": "Zig", "frameworks": [{"name": "Zap", "aliases": ["zigzap"]}]}]})
    assert vocabulary.by_value("zigzap").name == "Zap" and vocabulary.by_value("ZAP").ecosystem == "Zig"


def test_seed_evidence_kinds():
    """The seeds give evidence from the diagram, headings, enums, descriptions and validation patterns."""
    catalog = build_catalog(CONTENT)
    matrix = collect_matrix(catalog, VOCABULARY)
    coverage = matrix.coverage(catalog)
    agent = {e.kind for e in coverage["Express"]["api-design/agents/02-backend-patterns"]}
    assert agent == {"diagram", "heading", "frontmatter"}
    skill = coverage["Flask"]["api-design/skills/backend-patterns"]
    assert [e.detail for e in skill] == ["parameters.validation: ^(express|nestjs|fastify|django|fastapi|flask|gin|spring)$"]
    assert "fullstack/agents/03-backend-development" in coverage["Gin"]  # enum: [express, …, gin]
    assert coverage["FastAPI"]["backend-roadmap/agents/02-backend-patterns"][0].anchor == "fastapi-modern-fast"


def test_seed_page_renders_the_diagram_as_a_table(seed_site):
    """The seed's drawing becomes a real table with an id; the drawing stays in a closed <details>."""
    html = seed_site.page("api-design/agents/02-backend-patterns/")
    start = html.index('<div class="atlas-matrix" id="fw-framework-selection-matrix">')
    block = html[start:html.index("</details>", start)]
    assert '<td rowspan="3">Node.js</td><td>Express.js</td><td>Lightweight, flexible, most middleware</td>' in block
    assert "<td rowspan=\"1\">Java</td><td>Spring Boot</td>" in block
    assert '<details class="atlas-matrix__original"><summary>Original diagram</summary>' in block
    assert "├─ Express.js" in block


def test_seed_matrix_page_links_each_name_to_its_evidence(seed_site):
    """The framework matrix page groups by ecosystem and links names to the evidence anchors."""
    html = seed_site.page("frameworks/")
    for ecosystem in ("Node.js", "Python", "Go", "Java / JVM"):
        assert f">{ecosystem}<" in html
    assert 'href="../api-design/agents/02-backend-patterns/#fw-framework-selection-matrix"' in html
    assert 'href="../backend-roadmap/agents/02-backend-patterns/#django-full-featured"' in html


def test_seed_catalog_json_lists_frameworks(seed_site):
    """catalog.json entries carry their frameworks with the evidence."""
    catalog = json.loads((seed_site.site_dir / "catalog.json").read_text())
    entry = next(e for e in catalog["entries"] if e["id"] == "api-design/skills/backend-patterns")
    flask = next(f for f in entry["frameworks"] if f["name"] == "Flask")
    assert flask["ecosystem"] == "Python" and flask["evidence"][0]["kind"] == "frontmatter"


def test_seed_matrix_intro_counts_against_the_vocabulary(seed_site):
    """The summary says how many of the vocabulary's frameworks have evidence, then names the others."""
    html = seed_site.page("frameworks/")
    total = len(VOCABULARY.frameworks)
    match = re.search(r"(\d+) of the (\d+) frameworks in the vocabulary have evidence in \d+ agents and skills", html)
    assert match and int(match[2]) == total
    others = re.search(r"The other (\d+), named by no agent or skill: ", html)
    assert others and int(match[1]) + int(others[1]) == total
    assert "frameworks covered by" not in html
