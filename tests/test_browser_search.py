"""In Chromium: the site search (Pagefind in Material's dialog), a site that needs no other host, graphs as SVG."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from conftest import CountingHandler, build_site, need, write_collection
from test_serve import fetch_until, served

from docs_build.assets import MERMAID_BUNDLE, MERMAID_URI

expect = pytest.importorskip("playwright.sync_api").expect

DEMO = {
    "demo/agents/tracer.md": "---\nname: ledger-tracer\ndescription: Finds flaky quantum widgets in payment "
                             "ledgers\n---\n\n# Ledger tracer\n\nReads logs and reports.\n",
    # Says the description's words more often, in its body: the description must still weigh more.
    "demo/agents/chatty.md": "---\nname: chatty\ndescription: Writes weekly reports\n---\n\n# Chatty\n\n"
                             + "Quantum widgets are mentioned here. Flaky quantum widgets again. Widgets.\n" * 3,
    "demo/skills/zebra/SKILL.md": "---\nname: zebra\ndescription: Moves herds\ntriggers: [zebra migration]\n"
                                  "---\n\n# Zebra\n\nA short skill.\n",
    "other/agents/herd-notes.md": "---\nname: herd-notes\ndescription: Keeps notes\n---\n\n# Herd notes\n\n"
                                   + "The zebra migration runbook. Zebra migration steps.\n" * 3,
}
#: Pages of every kind the seed site has: home, collection, folder, entry (with its graph), graph, hub, health.
SEED_PAGES = ["", "api-design/", "api-design/agents/", "api-design/agents/02-backend-patterns/",
              "fullstack/agents/03-backend-development/", "graphs/", "graphs/api-design/", "troubleshooting/",
              "health/", "health/handoffs/", "snippets/", "problems/", "frameworks/", "catalog/", "guide/"]
#: Material draws a diagram into a closed shadow root; open it, so the test can see the SVG.
OPEN_SHADOW_JS = """{ const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (options) { return attach.call(this, { ...options, mode: "open" }); }; }"""


@pytest.fixture(scope="module")
def demo(serve, tmp_path_factory) -> str:
    """A small site whose words are placed to test what weighs in the search, served on 127.0.0.1."""
    tmp_path = tmp_path_factory.mktemp("search-demo")
    site = build_site(write_collection(tmp_path / "content", DEMO), tmp_path)
    assert site.returncode == 0, site.log
    return serve(site.site_dir)


def search(page, query: str):
    """Type a query into the header's search box; the result links."""
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    return page.locator("[data-atlas-search-results] a.md-search-result__link")


def settled(page, query: str) -> None:
    """Wait until the results shown are those of the whole query (the address says so)."""
    # Generous: the first query loads Pagefind's WebAssembly, slow when the two cores are busy with other tests.
    page.wait_for_function("q => new URL(location.href).searchParams.get('q') === q", arg=query, timeout=90_000)


@pytest.mark.parametrize(("query", "first"), [
    ("quantum widgets", "/demo/agents/tracer/"),  # its description; another agent's body repeats the words
    ("ledger-tracer", "/demo/agents/tracer/"),  # its name
    ("zebra migration", "/demo/skills/zebra/"),  # its trigger; another collection's body repeats the words
])
def test_an_entry_is_found_first_by_its_name_description_or_trigger(page, demo, query, first):
    """Name, description and triggers weigh above body text that says the same words more often."""
    page.goto(demo)
    results = search(page, query)
    settled(page, query)
    expect(results.first).to_have_attribute("href", re.compile(re.escape(first) + r"\?h="))
    assert len({link.get_attribute("href").split("?")[0] for link in results.all()}) >= 2  # the others are found too


def test_a_result_says_what_and_where_it_is(page, demo):
    """A result shows the page's title, an excerpt with the words marked, and its kind and collection."""
    page.goto(demo)
    results = search(page, "quantum widgets")
    settled(page, "quantum widgets")
    expect(results.first).to_contain_text("Ledger tracer")
    expect(results.first.locator("mark").first).to_have_text(re.compile("quantum", re.I))
    expect(results.first).to_contain_text("agent · demo")


def test_kind_and_collection_filters_narrow_the_results(page, demo):
    """Choosing a kind or a collection keeps only its results; the choices count what they would leave."""
    page.goto(demo)
    results = search(page, "zebra")
    settled(page, "zebra")
    expect(results).to_have_count(4)  # the skill, the notes, and the listings of their folders
    kind = page.locator("[data-atlas-search-filter='kind']")
    expect(kind.locator("option[value='skill']")).to_have_text("skill (1)")
    kind.select_option("agent")
    expect(results).to_have_count(1)
    expect(results.first).to_have_attribute("href", re.compile(r"/other/agents/herd-notes/"))
    kind.select_option("")
    page.locator("[data-atlas-search-filter='collection']").select_option("demo")
    expect(results).to_have_count(1)
    expect(results.first).to_have_attribute("href", re.compile(r"/demo/skills/zebra/"))


def test_typing_suggests_the_word_and_keeps_a_shareable_address(page, demo):
    """'quant' suggests 'quantum'; Tab takes it; the address (?q=) reopens the search with its results."""
    page.goto(demo + "guide/")
    search(page, "flaky quant")
    expect(page.locator("[data-atlas-search-suggest]")).to_have_text("flaky quantum")
    page.keyboard.press("Tab")
    expect(page.locator("input.md-search__input")).to_have_value("flaky quantum")
    settled(page, "flaky quantum")
    shared = page.url
    assert shared.endswith("guide/?q=flaky+quantum")
    page.goto(shared)
    expect(page.locator("#__search")).to_be_checked()
    expect(page.locator("input.md-search__input")).to_have_value("flaky quantum")
    expect(page.locator("[data-atlas-search-results] a").first).to_have_attribute("href", re.compile("tracer"))
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    assert "q=" not in page.url


def test_a_result_opens_its_page_with_the_terms_highlighted(page, demo):
    """The page a result opens marks the searched words, as Material's search.highlight did."""
    page.goto(demo)
    results = search(page, "weekly reports")
    settled(page, "weekly reports")
    results.first.click()
    page.wait_for_url(re.compile(r"/demo/agents/chatty/\?h=weekly\+reports$"))
    marks = page.locator("article mark[data-atlas-highlight]")
    expect(marks.first).to_be_visible()
    assert {text.lower() for text in marks.all_inner_texts()} == {"weekly", "reports"}
    expect(page.locator("#__search")).not_to_be_checked()


def test_graphs_render_as_svg_from_the_sites_own_mermaid(page, base):
    """A graph page draws every graph as SVG with Mermaid served by the site, and no Mermaid error."""
    need(MERMAID_BUNDLE.is_file(), f"{MERMAID_BUNDLE} is absent: `make setup` installs it with npm (needs Node)")
    page.add_init_script(OPEN_SHADOW_JS)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + "graphs/api-design/")
    diagrams = page.locator("div.mermaid")
    expect(diagrams.first.locator("svg")).to_be_visible()
    assert diagrams.count() >= 1 and page.locator("pre.mermaid").count() == 0  # no diagram left as source
    for index in range(diagrams.count()):
        svg = diagrams.nth(index).locator("svg")
        expect(svg).to_be_visible()
        assert "Syntax error" not in svg.inner_html()
    assert base + MERMAID_URI in requested
    assert page.locator("[id^='d__mermaid']").count() == 0  # Mermaid's error graphic, left in the body
    assert page.errors == []


def test_no_page_requests_another_host(browser, base):
    """Every kind of page (and a search) loads only from the site: no CDN, no web fonts, no scripts elsewhere."""
    need(MERMAID_BUNDLE.is_file(), f"{MERMAID_BUNDLE} is absent: `make setup` installs it with npm (needs Node)")
    context = browser.new_context()
    foreign: list[str] = []
    context.on("request", lambda request: None if urlsplit(request.url).hostname == "127.0.0.1"
               else foreign.append(request.url))
    context.route(lambda url: urlsplit(url).hostname != "127.0.0.1", lambda route: route.abort())
    page = context.new_page()
    page.add_init_script(OPEN_SHADOW_JS)
    for url in SEED_PAGES:
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        if page.locator(".mermaid").count():
            expect(page.locator("div.mermaid svg").first).to_be_visible()
    search(page, "ECONNRESET")
    expect(page.locator("a[href*='#ts-econnreset']").first).to_be_visible()
    context.close()
    assert foreign == []


@pytest.mark.parametrize("folder", ["graphs/", "health/"])
def test_folder_urls_are_pages_in_the_sites_look(page, base, folder):
    """/graphs/ and /health/ answer with a page of the site (header, navigation) linking to what they gather."""
    response = page.goto(base + folder)
    assert response.status == 200
    expect(page.locator("header.md-header")).to_be_visible()
    links = page.locator("article .atlas-folder-index a")
    expect(links.first).to_be_visible()
    links.first.click()
    expect(page.locator("article h1")).to_be_visible()
    assert page.url != base + folder


def test_corpus_search_lands_on_a_row_within_the_byte_budget(page, corpus_site, serve):
    """On the corpus, the first query fetches under 500 KB (index pieces, not the index) and opens the row."""
    base = serve(corpus_site.site_dir)
    page.goto(base)
    page.wait_for_load_state("networkidle")
    CountingHandler.sent.clear()
    results = search(page, "ECONNRESET")
    row = page.locator("[data-atlas-search-results] a[href*='#ts-econnreset']").first
    expect(row).to_be_visible()
    settled(page, "ECONNRESET")
    fetched = sum(size for _, size in CountingHandler.sent)
    assert 0 < fetched < 500_000, CountingHandler.sent
    assert results.count() >= 3
    row.evaluate("link => link.click()")
    page.wait_for_url(re.compile(r"#ts-econnreset$"))
    expect(page.locator("#ts-econnreset")).to_have_class(re.compile(r"\batlas-ts-target\b"))
    expect(page.locator("#ts-econnreset")).to_be_in_viewport()


def test_search_under_mkdocs_serve_finds_what_was_just_edited(page, tmp_path):
    """After an edit, `mkdocs serve` rebuilds and re-indexes: the new words are found, the old ones are gone."""
    content = write_collection(tmp_path / "content", {"c/agents/a.md": "---\nname: a\ndescription: walrus\n---\n# A\n"})
    with served(tmp_path, content) as base:
        assert "walrus" in fetch_until(base + "c/agents/a/", "walrus")
        entry = fetch_until(base + "pagefind/pagefind-entry.json", '"page_count"')
        (content / "c/agents/a.md").write_text("---\nname: a\ndescription: narwhal\n---\n# A\n")
        assert "narwhal" in fetch_until(base + "c/agents/a/", "narwhal")
        # Pages are written before the index (on_post_build); the entry file names the new index when it is there.
        assert _changed(base + "pagefind/pagefind-entry.json", entry)
        for word, found in (("narwhal", 1), ("walrus", 0)):
            page.goto(f"{base}?q={word}")
            expect(page.locator("[data-atlas-search-meta]")).to_contain_text("match" if found else "No matching")
            expect(page.locator("[data-atlas-search-results] a[href*='/c/agents/a/']")).to_have_count(found)


def _changed(url: str, before: str, seconds: float = 60) -> bool:
    """Poll a served file until its text differs from `before`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = fetch_until(url, "", 5)
        if text and text != before:
            return True
        time.sleep(0.5)
    return False
