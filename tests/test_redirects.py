"""redirects.yml: the map read with its lines, bad lines reported, pages and aliases made for good ones."""

from __future__ import annotations

import json

from conftest import build_site, write_collection

from docs_build.atlas import reserved_urls
from docs_build.catalog import build_catalog
from docs_build.wiki.redirects import analyse, read_map

AGENT = "---\nname: {name}\ndescription: An agent.\n---\n\n# {name}\n\nBody.\n"


def catalog_with(tmp_path, redirects: str):
    """A one-collection catalog with agents `new` and `other`, and the given redirect map."""
    root = write_collection(tmp_path / "content", {
        "c/agents/new.md": AGENT.format(name="new"),
        "c/agents/other.md": AGENT.format(name="other"),
        "redirects.yml": redirects,
    })
    return build_catalog(root, reserved_urls())


def test_map_lines_are_read_with_their_line_numbers():
    """Each old: new pair keeps the line it was written on; comments and blank lines are skipped."""
    pairs, problems = read_map("# renamed\nc/agents/old.md: c/agents/new.md\n\n/c/agents/x.md: c/agents/y.md\n")
    assert pairs == [("c/agents/old.md", "c/agents/new.md", 2), ("c/agents/x.md", "c/agents/y.md", 4)]
    assert problems == []


def test_a_map_that_is_not_a_mapping_is_an_error_at_its_line():
    """A list, or a line without a target, is reported where it is."""
    _, problems = read_map("- c/agents/old.md\n")
    assert [(p.code, p.location.line, p.severity) for p in problems] == [("redirect-invalid", 1, "error")]
    _, problems = read_map("c/agents/a.md: c/agents/b.md\nc/agents/old.md:\n")
    assert [(p.code, p.location.line) for p in problems] == [("redirect-invalid", 2)]


def test_good_lines_make_pages_and_aliases_bad_lines_are_problems(tmp_path):
    """A missing target and an old path that still exists are warnings at their line; the good line redirects."""
    catalog = catalog_with(tmp_path, "c/agents/old.md: c/agents/new.md\nc/agents/gone.md: c/agents/nowhere.md\n"
                                     "c/agents/other.md: c/agents/new.md\n")
    result = analyse(catalog)
    assert [(str(p.location), p.code) for p in result.problems] == [
        ("redirects.yml:2", "redirect-target-missing"), ("redirects.yml:3", "redirect-source-exists"),
    ]
    assert result.entry_json["c/agents/new"] == {"aliases": ["c/agents/old"]}
    assert result.entry_json["c/agents/other"] == {"aliases": []}
    page = result.files["c/agents/old/index.html"]
    assert 'location.replace("../new/" + location.hash)' in page and 'url=../new/"' in page


def test_renamed_twice_lands_on_the_current_page(tmp_path):
    """old -> mid -> new: both old paths redirect to the entry that exists."""
    catalog = catalog_with(tmp_path, "c/agents/old.md: c/agents/mid.md\nc/agents/mid.md: c/agents/new.md\n")
    result = analyse(catalog)
    assert result.problems == [] and result.entry_json["c/agents/new"]["aliases"] == ["c/agents/old", "c/agents/mid"]


def test_build_with_a_bad_map_fails_strict_and_names_file_and_line(tmp_path):
    """mkdocs build --strict fails on a bad line, naming redirects.yml and the line; catalog.json has aliases."""
    root = write_collection(tmp_path / "content", {
        "c/agents/new.md": AGENT.format(name="new"),
        "redirects.yml": "c/agents/old.md: c/agents/new.md\nc/agents/x.md: c/agents/missing.md\n",
    })
    site = build_site(root, tmp_path, strict=True)
    assert site.returncode != 0 and "redirects.yml:2: warning: 'c/agents/x.md' is redirected to" in site.log
    site = build_site(root, tmp_path / "lenient")
    catalog = json.loads((site.site_dir / "catalog.json").read_text())
    assert catalog["entries"][0]["aliases"] == ["c/agents/old"]
    assert catalog["ignored"] == []  # the map is read, not ignored
    assert (site.site_dir / "c/agents/old/index.html").is_file()


def test_old_urls_the_site_serves_or_a_line_already_took_are_refused(tmp_path):
    """An old path whose URL is a site page (catalog/, a collection overview) or repeats a line's URL is a warning."""
    catalog = catalog_with(tmp_path, "catalog.md: c/agents/new.md\nc.md: c/agents/new.md\n"
                                     "c/agents/old.md: c/agents/new.md\nc/agents/OLD.md: c/agents/other.md\n")
    result = analyse(catalog)
    assert [(p.location.line, p.code) for p in result.problems] == [
        (1, "redirect-source-exists"), (2, "redirect-source-exists"), (4, "redirect-source-exists")]
    assert result.entry_json["c/agents/new"] == {"aliases": ["c/agents/old"]}
    assert result.entry_json["c/agents/other"] == {"aliases": []}


def test_a_map_that_is_not_utf8_is_reported_not_fatal(tmp_path):
    """A bad byte in redirects.yml is a problem at its line; the good lines still redirect."""
    catalog = catalog_with(tmp_path, "")
    (catalog.content_dir / "redirects.yml").write_bytes(b"# caf\xe9\nc/agents/old.md: c/agents/new.md\n")
    result = analyse(catalog)
    assert [(p.location.line, p.code) for p in result.problems] == [(1, "not-utf8")]
    assert result.entry_json["c/agents/new"] == {"aliases": ["c/agents/old"]}
