"""One file never stops the build: a heading Python-Markdown cannot render is shown as text, and any page whose
Markdown makes the converter raise is reported at its file and shown with its body as plain text."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import build_site, make_project, write_collection
from mkdocs.commands.build import build
from mkdocs.config import load_config

from docs_build.limits import bounds
from docs_build.limits.bounds import bound_markdown

AGENT = "---\nname: {name}\ndescription: d\n---\n# {name}\n\n{body}\n"
EMPTY_ID = "## Task Status: {id}\n\nShows one task."  # MadAppGang autopilot/commands/status.md stopped the build


def test_a_heading_attribute_list_with_an_empty_id_is_shown_as_text():
    """`{id}`, `{: .c id}` after a heading (ATX or underlined) are escaped with a note; elsewhere they stay."""
    for heading in ("## Task Status: {id}", "## A {: .c id}", "Setext {id}\n---"):
        text, notes = bound_markdown(heading)
        assert "\\{" in text and len(notes) == 1
    for fine in ("## A {#anchor}", "para {id}", "```\n## x {id}\n```"):
        assert bound_markdown(fine) == (fine, [])


def test_the_file_that_stopped_the_build_builds(tmp_path: Path):
    """A real build over a command file with such a heading finishes; its page shows the heading's text."""
    content = write_collection(tmp_path / "content", {
        "c/agents/status.md": AGENT.format(name="status", body=EMPTY_ID),
        "c/agents/other.md": AGENT.format(name="other", body="Fine."),
    })
    site = build_site(content, tmp_path)
    assert site.returncode == 0, site.log[-3000:]
    page = (site.site_dir / "c/agents/status/index.html").read_text(encoding="utf-8")
    assert "Task Status: {id}<a" in page and "attribute list that sets an empty id" in site.log


def test_a_page_the_converter_cannot_convert_costs_only_itself(tmp_path: Path, monkeypatch):
    """With the heading let through, Python-Markdown raises on that page: it is reported as render-failed at its
    file, shows its body as text, and every other page is built as usual."""
    monkeypatch.setattr(bounds, "_bound_empty_ids", lambda *args: None)
    content = write_collection(tmp_path / "content", {
        "c/agents/status.md": AGENT.format(name="status", body=EMPTY_ID + "\n<!-- guard test -->"),
        "c/agents/other.md": AGENT.format(name="other", body="Fine."),
    })
    project = make_project(tmp_path)
    monkeypatch.setenv("DOCS_CONTENT_DIR", str(content))
    monkeypatch.setenv("ATLAS_SEARCH_STREAM", "0")
    monkeypatch.chdir(project)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    page = (tmp_path / "site/c/agents/status/index.html").read_text(encoding="utf-8")
    assert "## Task Status: {id}" in page and 'class="atlas-card' in page
    assert "Fine." in (tmp_path / "site/c/agents/other/index.html").read_text(encoding="utf-8")
    problems = json.loads((tmp_path / "site/catalog.json").read_text(encoding="utf-8"))["problems"]
    failed = [p for p in problems if p["code"] == "render-failed"]
    assert [(p["path"], p["line"]) for p in failed] == [("c/agents/status.md", 5)]
