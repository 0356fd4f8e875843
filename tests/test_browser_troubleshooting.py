"""In Chromium: the hub filter, search for a symptom landing on its row, and row permalinks.

Material's instant navigation only takes over links listed in sitemap.xml, resolved against
`site_url` (protocol and host, not port): the instant-navigation tests use conftest's `instant_base`,
the seeds built with SITE_URL set to the local server's address.
"""

from __future__ import annotations

import re

import pytest
from conftest import build_site
from test_hub_split import generated_collections

expect = pytest.importorskip("playwright.sync_api").expect

ROW = "api-design/agents/02-backend-patterns/"
TARGETED = re.compile(r"\batlas-ts-target\b")


def own_errors(page) -> list[str]:
    """Script errors of the page (the site loads nothing from other hosts, so none is excused)."""
    return list(page.errors)


def visible_rows(page):
    """The hub rows the filter leaves visible."""
    return page.locator("[data-atlas-ts-hub] tbody tr:visible")


def test_hub_filter_narrows_rows_and_keeps_the_query_in_the_url(page, base):
    """Typing EADDRINUSE leaves only matching rows; the URL (?filter=) reopens the same filtered view."""
    page.goto(base + "troubleshooting/")
    expect(visible_rows(page)).to_have_count(11)
    page.locator("[data-atlas-ts-filter]").press_sequentially("EADDRINUSE")
    expect(visible_rows(page)).to_have_count(1)
    expect(visible_rows(page).first).to_contain_text("EADDRINUSE")
    assert page.url.endswith("troubleshooting/?filter=EADDRINUSE")
    page.goto(page.url)
    expect(visible_rows(page)).to_have_count(1)
    expect(page.locator("[data-atlas-ts-filter]")).to_have_value("EADDRINUSE")
    expect(page.locator("[data-atlas-ts-empty]")).to_be_hidden()
    expect(page.locator(".md-search__output")).to_be_hidden()  # the parameter does not open site search
    assert own_errors(page) == []


def test_hub_columns_sort(page, base):
    """Clicking the Symptom header sorts rows by symptom, a second click reverses them."""
    page.goto(base + "troubleshooting/")
    page.locator("[data-atlas-sort='0']").click()
    first = page.locator("[data-atlas-ts-hub] tbody tr td:first-child")
    symptoms = [text.replace("¶", "").strip() for text in first.all_inner_texts()]
    assert symptoms == sorted(symptoms, key=str.lower) and symptoms[0] == "401 Unauthorized"
    page.locator("[data-atlas-sort='0']").click()
    assert first.first.inner_text().replace("¶", "").strip() == "Unhandled Promise Rejection"


@pytest.mark.parametrize("site", ["base", "instant_base"])
def test_search_for_a_symptom_offers_the_row_and_lands_on_it(page, site, request):
    """The site search (Pagefind in Material's dialog) offers the ECONNRESET row; choosing it highlights the row."""
    page.goto(request.getfixturevalue(site))
    page.wait_for_load_state("networkidle")  # Material's scripts and the search script are mounted
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("ECONNRESET")
    result = page.locator("a.md-search-result__link[href*='#ts-econnreset']")
    expect(result).to_be_visible(timeout=20_000)  # the first query loads Pagefind and its index chunk
    expect(result).to_contain_text("ECONNRESET")
    # Results re-render as each typed prefix is searched; a click at the link's position could then land on the
    # page-level result above it, so the click is dispatched to the row's own link element.
    result.evaluate("link => link.click()")
    page.wait_for_url(re.compile(r"02-backend-patterns/.*#ts-econnreset$"))
    row = page.locator("#ts-econnreset")
    expect(row).to_have_class(TARGETED)
    expect(row).to_be_in_viewport()
    assert own_errors(page) == []


def test_row_permalink_opened_directly_scrolls_to_and_highlights_the_row(page, base):
    """Opening entry-url#row scrolls the row into view and highlights it (CSS :target and the class)."""
    page.goto(base + "fullstack/agents/03-backend-development/#ts-slow-response")
    row = page.locator("#ts-slow-response")
    expect(row).to_be_in_viewport()
    expect(row).to_have_class(TARGETED)
    assert page.evaluate("document.querySelector('tr:target')?.id") == "ts-slow-response"
    background = row.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_hub_source_link_lands_on_the_row_through_instant_navigation(page, instant_base):
    """From the hub, the source link opens the row highlighted without a full reload; the copy control re-targets."""
    page.goto(instant_base + "troubleshooting/")
    page.evaluate("window.__sameDocument = true")
    page.locator(f"[data-atlas-ts-hub] a[href$='{ROW}#ts-eaddrinuse']").click()
    page.wait_for_url(re.compile(r"#ts-eaddrinuse$"))
    expect(page.locator("#ts-eaddrinuse")).to_have_class(TARGETED)
    assert page.evaluate("window.__sameDocument") is True  # Material swapped the page in place
    page.locator("#ts-enomem .atlas-ts-link").click()
    assert page.url.endswith("#ts-enomem")
    expect(page.locator("#ts-enomem")).to_have_class(TARGETED)
    expect(page.locator("#ts-eaddrinuse")).not_to_have_class(TARGETED)


def test_hub_filter_works_after_instant_navigation(page, instant_base):
    """Reaching the hub through the navigation (no reload) still wires its filter."""
    page.goto(instant_base + ROW)
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-nav__link[href$='troubleshooting/']").first.click()
    page.wait_for_url(re.compile(r"troubleshooting/$"))
    page.locator("[data-atlas-ts-filter]").press_sequentially("refused")
    expect(visible_rows(page)).to_have_count(2)
    assert page.evaluate("window.__sameDocument") is True


def test_a_link_to_a_row_the_filter_hides_shows_the_row_and_says_so(page, base):
    """?filter=EADDRINUSE#<a fullstack row>: the targeted row is shown and highlighted, with a note why."""
    target = "fullstack-agents-03-backend-development--ts-slow-response"
    page.goto(base + f"troubleshooting/?filter=EADDRINUSE#{target}")
    expect(page.locator(f"#{target}")).to_be_visible()
    expect(page.locator(f"#{target}")).to_have_class(TARGETED)
    expect(visible_rows(page)).to_have_count(2)  # the match and the linked row
    expect(page.locator("[data-atlas-ts-note]")).to_contain_text("does not match the filter “EADDRINUSE”")
    page.locator("[data-atlas-ts-filter]").fill("ENOMEM")  # filtering again drops the exception and the note
    expect(visible_rows(page)).to_have_count(1)
    expect(page.locator("[data-atlas-ts-note]")).to_be_hidden()
    assert own_errors(page) == []


def test_a_search_result_link_with_h_filters_the_hub(page, base):
    """Material's search result for the hub links to ?h=<query>: that query filters the rows; ?filter= wins."""
    page.goto(base + "troubleshooting/?h=EADDRINUSE")
    expect(visible_rows(page)).to_have_count(1)
    expect(page.locator("[data-atlas-ts-filter]")).to_have_value("EADDRINUSE")
    page.goto(base + "troubleshooting/?filter=refused&h=EADDRINUSE")
    expect(visible_rows(page)).to_have_count(2)
    assert own_errors(page) == []


def test_hub_filters_and_sorts_by_collection_and_keeps_column_widths(page, base):
    """The collection (no column of its own) is filterable and sortable; filtering does not move the columns."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base + "troubleshooting/")
    headers = page.locator("[data-atlas-ts-hub] thead th")
    widths = [round(box["width"]) for box in (h.bounding_box() for h in headers.all())]
    page.locator("[data-atlas-ts-filter]").press_sequentially("fullstack")
    expect(visible_rows(page)).to_have_count(4)
    assert [round(h.bounding_box()["width"]) for h in headers.all()] == widths
    page.locator("[data-atlas-ts-filter]").fill("")
    expect(visible_rows(page)).to_have_count(11)
    page.locator("[data-atlas-sort='4']").click()
    order = page.locator("[data-atlas-ts-hub] tbody tr").evaluate_all("rows => rows.map(r => r.dataset.collection)")
    assert order == sorted(order) and order[0] == "api-design" and order[-1] == "fullstack"
    tables = page.locator("[data-atlas-ts-hub] table")
    assert tables.evaluate_all("ts => ts.every(t => t.scrollWidth <= t.clientWidth)")  # no horizontal scrolling


def test_hub_filter_is_on_the_first_screen_of_a_phone(page, base):
    """On a 375×667 phone the filter box is visible without scrolling."""
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base + "troubleshooting/")
    box = page.locator("[data-atlas-ts-filter]").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 667
    expect(page.locator("[data-atlas-ts-filter]")).to_be_in_viewport()


@pytest.fixture(scope="module")
def split_base(serve, tmp_path_factory) -> str:
    """A generated catalog of 2,300 rows (past the hub's budget) built and served: the hub is split by collection."""
    folder = tmp_path_factory.mktemp("split-hub")
    content = generated_collections(folder / "content", {"big": (20, 100), "small": (3, 100)})
    rows = "| Ошибка сети 42 | нет сети | проверить |\n| Ошибка сети 42 | другая | иначе |"  # anchors: digests
    odd = f"---\nname: odd\ndescription: d\n---\n\n## Troubleshooting\n\n| Symptom | Cause | Solution |\n|---|---|---|\n{rows}\n"
    (content / "small/agents/odd.md").write_text(odd, encoding="utf-8")
    site = build_site(content, folder)
    assert site.returncode == 0, site.log
    return serve(site.site_dir)


def test_split_hub_overview_filter_opens_the_row_on_its_collection_page(page, split_base):
    """On the overview, typing a symptom lists it; its link opens the collection's part, filtered, the row highlighted."""
    page.goto(split_base + "troubleshooting/")
    page.locator("[data-atlas-ts-filter]").press_sequentially("ebig012x042")
    matches = page.locator("[data-atlas-ts-matches] a")
    expect(matches).to_have_count(1)
    expect(matches.first).to_have_text("EBIG012X042 failed")
    assert page.url.endswith("troubleshooting/?filter=ebig012x042")
    matches.first.click()
    page.wait_for_url(re.compile(r"troubleshooting/big/page-2/\?filter=ebig012x042#big-agents-a012--ts-ebig012x042-failed$"))
    row = page.locator("#big-agents-a012--ts-ebig012x042-failed")
    expect(row).to_have_class(TARGETED)
    expect(row).to_be_in_viewport()
    expect(visible_rows(page)).to_have_count(1)
    assert own_errors(page) == []


def test_split_hub_keeps_filter_links_and_old_row_links(page, split_base):
    """?h= from a search result filters the overview; a link to a row of the one-page hub goes on to the row's page."""
    page.goto(split_base + "troubleshooting/?h=esmall002x")
    expect(page.locator("[data-atlas-ts-matches] a")).to_have_count(50)
    expect(page.locator("[data-atlas-ts-count]")).to_have_text("100 of 2302 rows")
    page.goto(split_base + "troubleshooting/?filter=nomatch#small-agents-a001--ts-esmall001x007-failed")
    page.wait_for_url(re.compile(r"troubleshooting/small/\?filter=nomatch#small-agents-a001--ts-esmall001x007-failed$"))
    row = page.locator("#small-agents-a001--ts-esmall001x007-failed")
    expect(row).to_have_class(TARGETED)
    expect(row).to_be_visible()  # the filter hides it; the link shows it anyway
    assert own_errors(page) == []


def test_split_hub_overview_links_rows_whose_anchor_is_not_their_symptom(page, split_base):
    """Non-ASCII and repeated symptoms (anchors from digests, set apart): each match opens its own row."""
    page.goto(split_base + "troubleshooting/?filter=" + "ошибка")
    matches = page.locator("[data-atlas-ts-matches] a")
    expect(matches).to_have_count(2)
    targets = [href.split("#")[1] for href in (matches.nth(i).get_attribute("href") for i in range(2))]
    assert len(set(targets)) == 2
    for target in targets:
        page.goto(split_base + "troubleshooting/?filter=" + "ошибка")
        page.locator(f"[data-atlas-ts-matches] a[href$='#{target}']").click()
        page.wait_for_url(re.compile(r"troubleshooting/small/"))
        expect(page.locator(f"[id='{target}']")).to_have_class(TARGETED)
    assert own_errors(page) == []
