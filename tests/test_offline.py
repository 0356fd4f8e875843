"""A self-contained site: files served from installed packages, and a page for every folder URL."""

from __future__ import annotations

from pathlib import Path

from docs_build.assets import MERMAID_URI, site_assets
from docs_build.model import GeneratedPage
from docs_build.pages.folders import folder_pages


def generated(src: str, title: str, section: str | None = None) -> GeneratedPage:
    """A generated page with nothing in it but where it goes."""
    return GeneratedPage(src, title, "", nav_section=section)


def test_the_mermaid_bundle_is_a_site_asset(tmp_path: Path):
    """The installed bundle is served at assets/mermaid/; a missing one is an info problem saying how to get it."""
    bundle = tmp_path / "mermaid.min.js"
    bundle.write_text("var mermaid;")
    assert site_assets(bundle) == ({MERMAID_URI: bundle}, [])
    assets, problems = site_assets(tmp_path / "absent.js")
    assert assets == {} and [p.code for p in problems] == ["mermaid-bundle-missing"]
    assert problems[0].severity == "info" and "make setup" in problems[0].hint


def test_a_folder_without_a_page_gets_a_listing_named_after_its_section():
    """/graphs/ and /health/ list their section's pages (problems.md included); covered folders get nothing."""
    pages = [generated("graphs/a.md", "Handoff graph: a", "Reference/Handoff graphs"),
             generated("graphs/b.md", "Handoff graph: b", "Reference/Handoff graphs"),
             generated("health/handoffs.md", "Handoffs and bonds", "Health"),
             generated("problems.md", "Content problems", "Health"),
             generated("c/agents/x.md", "x"), generated("c/agents/index.md", "agents"), generated("c/index.md", "c")]
    made = {page.src_uri: page for page in folder_pages(pages)}
    assert set(made) == {"graphs/index.md", "health/index.md"}
    assert made["graphs/index.md"].title == "Handoff graphs" and 'href="a/"' in made["graphs/index.md"].markdown
    health = made["health/index.md"].markdown
    assert made["health/index.md"].title == "Health" and 'href="../problems/"' in health and 'href="handoffs/"' in health


def test_a_hand_written_index_covers_its_folder():
    """A folder whose index is a file in docs/ keeps it; a folder of mixed sections is named after itself."""
    pages = [generated("notes/a.md", "A", "Reference"), generated("notes/b.md", "B")]
    assert folder_pages(pages, ["notes/index.md"]) == []
    (page,) = folder_pages(pages)
    assert page.title == "Notes" and 'href="a/"' in page.markdown and 'href="b/"' in page.markdown
