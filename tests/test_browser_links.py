"""In Chromium: copy-link buttons, the faceted catalog, a renamed file's old URL and the 404 page.

`base` is the seed site without SITE_URL; `instant_base` (conftest) the seeds built for their own local
server's address, so Material's instant navigation is on.
"""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import CONTENT, build_site

expect = pytest.importorskip("playwright.sync_api").expect

ENTRY = "api-design/agents/02-backend-patterns/"
RENAMED = "api-design/agents/backend-patterns-agent/"
PUBLIC_URL = "https://atlas.example.com/"


@pytest.fixture(scope="module")
def renamed_base(serve, tmp_path_factory) -> str:
    """The seeds with 02-backend-patterns.md renamed and mapped in redirects.yml, built for a public address."""
    tmp_path = tmp_path_factory.mktemp("renamed")
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    old = content / "api-design/agents/02-backend-patterns.md"
    old.rename(old.with_name("backend-patterns-agent.md"))
    (content / "redirects.yml").write_text(
        "# renamed in 2026\napi-design/agents/02-backend-patterns.md: api-design/agents/backend-patterns-agent.md\n"
    )
    site = build_site(content, tmp_path, strict=True, env={"SITE_URL": PUBLIC_URL})
    assert site.returncode == 0, site.log
    return serve(site.site_dir)


def clipboard_after(page, button) -> str:
    """Click a copy button and read what it put on the clipboard."""
    page.evaluate("navigator.clipboard.writeText('')")
    button.click()
    expect(button).to_have_class(re.compile(r"atlas-copy__button--copied"))
    return page.evaluate("navigator.clipboard.readText()")


def allow_clipboard(page, base: str) -> None:
    """Let the page read and write the clipboard, as a click would in a real browser."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))


def test_copy_buttons_put_url_markdown_and_wiki_links_on_the_clipboard(page, base):
    """Without SITE_URL the page's own address is used; rows copy links to their anchor."""
    allow_clipboard(page, base)
    page.goto(base + ENTRY)
    card = page.locator(".atlas-card__links")
    url = base + ENTRY
    assert clipboard_after(page, card.get_by_role("button", name="Copy the link to this page")) == url
    assert clipboard_after(page, card.get_by_role("button", name="Copy a Markdown link")) == f"[02-backend-patterns]({url})"
    assert clipboard_after(page, card.get_by_role("button", name="Copy a wiki link")) == f"[{url} 02-backend-patterns]"
    row = page.locator("tr#ts-econnreset")
    assert clipboard_after(page, row.get_by_role("button", name="Copy a Markdown link to this row")) == (
        f"[ECONNRESET (02-backend-patterns)]({url}#ts-econnreset)")
    assert clipboard_after(page, row.get_by_role("button", name="Copy a wiki link to this row")) == (
        f"[{url}#ts-econnreset ECONNRESET (02-backend-patterns)]")
    assert page.errors == []  # nothing is loaded from another host (Mermaid is the site's own)


def test_copy_buttons_use_the_public_address_when_the_build_has_one(page, renamed_base):
    """With SITE_URL set at build time, copied links (the card's and a row's ¶) point at the public site."""
    allow_clipboard(page, renamed_base)
    page.goto(renamed_base + RENAMED)
    button = page.locator(".atlas-card__links").get_by_role("button", name="Copy the link to this page")
    assert clipboard_after(page, button) == PUBLIC_URL + RENAMED
    page.locator("tr#ts-enomem .atlas-ts-link").click()
    expect(page.locator("tr#ts-enomem .atlas-ts-link")).to_have_class(re.compile(r"atlas-ts-link--copied"))
    assert page.evaluate("navigator.clipboard.readText()") == PUBLIC_URL + RENAMED + "#ts-enomem"


def test_the_old_url_of_a_renamed_file_lands_on_the_new_page_and_row(page, renamed_base):
    """The old address, fragment included, ends on the new page with the row highlighted."""
    page.goto(renamed_base + ENTRY + "#ts-econnreset")
    expect(page).to_have_url(renamed_base + RENAMED + "#ts-econnreset")
    expect(page.locator("h1")).to_contain_text("Backend")
    expect(page.locator("tr#ts-econnreset")).to_have_class(re.compile(r"\batlas-ts-target\b"))


def catalog_rows(page):
    """The catalog rows the filters leave visible."""
    return page.locator("[data-atlas-facets] tbody tr:visible")


def test_catalog_facets_narrow_rows_and_the_url_restores_the_view(page, base):
    """Model and text filters narrow the table, live in the URL, and come back from it; clearing shows all."""
    page.goto(base + "catalog/")
    expect(catalog_rows(page)).to_have_count(5)
    page.locator("[data-atlas-facet='model']").select_option("sonnet")
    expect(catalog_rows(page)).to_have_count(3)
    page.locator("[data-atlas-facet-text]").press_sequentially("fullstack")
    expect(catalog_rows(page)).to_have_count(1)
    expect(catalog_rows(page).first).to_contain_text("03-backend-development")
    expect(page).to_have_url(base + "catalog/?model=sonnet&filter=fullstack")
    # The other lists count what they would leave: one sonnet agent of fullstack uses Bash.
    expect(page.locator("[data-atlas-facet='tool'] option[value='Bash']")).to_have_text("Bash (1)")
    expect(page.locator("[data-atlas-facet='collection'] option[value='api-design']")).to_have_text("api-design (0)")
    page.goto(base + "catalog/?kind=skill")
    expect(catalog_rows(page)).to_have_count(1)
    expect(page.locator("[data-atlas-facet='kind']")).to_have_value("skill")
    page.goto(base + "catalog/?tool=Bash&model=sonnet")
    expect(catalog_rows(page)).to_have_count(1)
    expect(page.locator("[data-atlas-facet-count]")).to_have_text("1 of 5 entries")
    page.locator("[data-atlas-facet-reset]").click()
    expect(catalog_rows(page)).to_have_count(5)
    expect(page).to_have_url(base + "catalog/")


def test_catalog_sorts_by_column(page, base):
    """A click on Collection sorts by collection, a second reverses."""
    page.goto(base + "catalog/")
    header = page.locator("[data-atlas-facets] [data-atlas-sort='2']")
    header.click()
    cells = page.locator("[data-atlas-facets] tbody tr td:nth-child(3)")
    assert cells.all_inner_texts() == sorted(cells.all_inner_texts())
    header.click()
    assert cells.first.inner_text() == "fullstack"


def test_catalog_view_survives_instant_navigation_back_and_forward(page, instant_base):
    """Open an entry from a filtered catalog and come back: the filters and rows are as they were."""
    page.goto(instant_base + "catalog/?model=sonnet")
    expect(catalog_rows(page)).to_have_count(3)
    page.locator("[data-atlas-facet-text]").press_sequentially("roadmap")
    expect(catalog_rows(page)).to_have_count(1)
    expect(page).to_have_url(instant_base + "catalog/?model=sonnet&filter=roadmap")
    page.evaluate("window.atlasSamePage = true")
    catalog_rows(page).first.get_by_role("link").click()
    expect(page).to_have_url(instant_base + "backend-roadmap/agents/02-backend-patterns/")
    assert page.evaluate("window.atlasSamePage === true")  # no reload: instant navigation swapped the page
    page.go_back()
    expect(page).to_have_url(instant_base + "catalog/?model=sonnet&filter=roadmap")
    expect(catalog_rows(page)).to_have_count(1)
    expect(page.locator("[data-atlas-facet='model']")).to_have_value("sonnet")
    expect(page.locator("[data-atlas-facet-text]")).to_have_value("roadmap")
    page.go_forward()
    expect(page).to_have_url(instant_base + "backend-roadmap/agents/02-backend-patterns/")


def test_404_page_keeps_the_site_look_at_any_depth(page, renamed_base):
    """The 404 page served for a deep unknown URL loads the theme and links to home, catalog and search."""
    not_found = (renamed_base + "no/such/deep/page/")
    html = page.request.get(renamed_base + "404.html").text()
    page.route(not_found, lambda route: route.fulfill(status=404, body=html, content_type="text/html"))
    page.goto(not_found)
    expect(page.locator("h1")).to_have_text("Page not found")
    header = page.locator(".md-header")
    expect(header).to_be_visible()
    assert header.evaluate("e => getComputedStyle(e).position") == "sticky"  # Material's stylesheet loaded
    page.get_by_role("link", name="All agents and skills").last.click()
    expect(page).to_have_url(renamed_base + "catalog/")
    expect(catalog_rows(page)).to_have_count(5)
