"""The real-world corpus (../shared/corpus) builds, with one page per definition file.

Needs ../shared beside the checkout: skipped with a reason on a fresh clone, mandatory in CI.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

SKIP_NAMES = {"license", "sources.md", "readme.md"}


def definition_files(corpus: Path) -> list[str]:
    """Every agent/skill Markdown file of the corpus, found independently of docs_build."""
    return sorted(
        p.relative_to(corpus).as_posix()
        for p in corpus.rglob("*.md")
        if p.name.lower() not in SKIP_NAMES and p.parent != corpus
    )


def broken_frontmatter(corpus: Path, files: list[str]) -> set[str]:
    """Files whose frontmatter is missing or not loadable as a YAML mapping."""
    broken = set()
    for name in files:
        text = (corpus / name).read_text(encoding="utf-8-sig")
        parts = text.split("\n---", 1) if text.startswith("---") else None
        try:
            meta = yaml.safe_load(parts[0][3:]) if parts and len(parts) == 2 else None
        except yaml.YAMLError:
            meta = None
        if not isinstance(meta, dict):
            broken.add(name)
    return broken


def test_every_definition_file_has_an_entry_and_a_page(corpus_site, corpus_dir):
    """catalog.json has exactly one entry per corpus file, each with a built page."""
    catalog = json.loads((corpus_site.site_dir / "catalog.json").read_text())
    files = definition_files(corpus_dir)
    assert len(files) == 821
    assert sorted(e["source"] for e in catalog["entries"]) == files
    assert len({e["url"] for e in catalog["entries"]}) == 821
    missing = [e["url"] for e in catalog["entries"] if not (corpus_site.site_dir / e["url"] / "index.html").is_file()]
    assert missing == []
    kinds = [e["kind"] for e in catalog["entries"]]
    assert (kinds.count("agent"), kinds.count("skill")) == (544, 277)


def test_broken_frontmatter_files_have_entries_and_problems(corpus_site, corpus_dir):
    """The files with broken or missing frontmatter get pages and problems naming path and line."""
    catalog = json.loads((corpus_site.site_dir / "catalog.json").read_text())
    broken = broken_frontmatter(corpus_dir, definition_files(corpus_dir))
    assert len(broken) == 9
    sources = {e["source"]: e for e in catalog["entries"]}
    frontmatter_codes = {"invalid-yaml", "no-frontmatter", "frontmatter-not-mapping", "unclosed-frontmatter"}
    reported = {p["path"] for p in catalog["problems"] if p["code"] in frontmatter_codes}
    assert reported == broken
    for path in broken:
        assert sources[path]["name"] and sources[path]["url"]
        problem = next(p for p in catalog["problems"] if p["path"] == path)
        assert problem["line"] >= 1 and f"{path}:{problem['line']}: " in corpus_site.log


def test_invalid_yaml_files_keep_their_description(corpus_site):
    """The lenient fallback recovers name and description of the files YAML cannot load."""
    catalog = json.loads((corpus_site.site_dir / "catalog.json").read_text())
    invalid = {p["path"] for p in catalog["problems"] if p["code"] == "invalid-yaml"}
    entries = [e for e in catalog["entries"] if e["source"] in invalid]
    assert len(entries) == 8
    assert all(e["name"] == e["stem"] and len(e["description"]) > 20 for e in entries)


def test_navigation_is_pruned(corpus_site):
    """Pages carry only their own section of the navigation, not all 821 entries."""
    page = corpus_site.page("wshobson__agents/plugins/backend-development/agents/backend-architect/")
    assert page.count('class="md-nav__link') < 200
    assert "0xfurai__claude-code-subagents/agents/sqs-expert/" not in page
