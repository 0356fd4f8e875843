"""The generated hostile collection (tests/hostile.py) built as a real site: every file reported and paged,
values shown as written, nothing written outside the site folder, and no payload running in Chromium.
"""

from __future__ import annotations

import json
from pathlib import Path

import hostile
import pytest
from conftest import Site, build_site

from docs_build.catalog import entry_id

expect = pytest.importorskip("playwright.sync_api").expect

#: Pages the XSS test opens, site-relative; a page added to the site is one more line here.
XSS_PAGES = [
    "hostile/agents/xssmarker/",  # the payload file's own page
    "hostile/agents/xssmarker-helper/",  # a page naming it in its handoffs
    "hostile/",  # its collection
    "hostile/agents/",  # its folder
    "troubleshooting/?filter=xssmarker",  # the hub's overview (2,000+ rows: split), its match listed from rows.json
    "troubleshooting/hostile/page-2/?filter=xssmarker",  # the collection's hub part after big-table's 1,500 rows
    "graphs/hostile/",  # the handoff graph
    "problems/",  # the content problems page, quoting its lines
    "catalog/?filter=xssmarker",  # the faceted catalog, filtered to it
]
#: (file, problem code, line): each odd file must be reported by path and line.
EXPECTED_PROBLEMS = [
    ("coerced.md", "yaml-coerced", 2),
    ("coerced.md", "yaml-coerced", 4),
    ("duplicate-keys.md", "duplicate-key", 4),
    ("utf16.md", "bom-encoded", 1),
    ("utf16be.md", "bom-encoded", 1),
    ("utf32.md", "bom-encoded", 1),
    ("mixed-endings.md", "mixed-line-endings", 2),
    ("nul-bytes.md", "nul-bytes", 6),
    ("huge-value.md", "frontmatter-value-bounded", 4),
    ("deep-value.md", "frontmatter-value-bounded", 4),
    ("caf\u00e9.md", "duplicate-id", 1),  # the precomposed name sorts after e + accent
    ("case-twin.md", "duplicate-id", 1),
    ("n" * 240 + ".md", "long-url-segment", 1),
    ("brackets.md", "markup-bounded", 6),
    ("link-openers.md", "markup-bounded", 6),
    ("html-open.md", "markup-bounded", 6),
    ("indented-lists.md", "markup-bounded", 23),
    ("ordered-markers.md", "markup-bounded", 6),
    ("definitions.md", "markup-bounded", 6),
    ("markdown-divs.md", "markup-bounded", 6),
    ("blank-headings.md", "markup-bounded", 106),  # the 101st empty heading
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Site, Path, set[Path]]:
    """The hostile collection, smaller than the benchmark's (20 KB files, 2,000 table rows), built once."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    content = hostile.write_hostile(tmp_path / "content", size=20_000, table_rows=2_000)
    before = _written(tmp_path)
    site = build_site(content, tmp_path)
    assert site.returncode == 0, site.log[-3000:]
    return site, content, before


def _written(tmp_path: Path) -> set[Path]:
    """Paths a traversal could reach: the build folder, the folders above it, and /tmp."""
    return {*tmp_path.iterdir(), *tmp_path.parent.rglob("*escape*"), *Path("/tmp").glob("*escape*")}


def catalog(site: Site) -> dict:
    return json.loads((site.site_dir / "catalog.json").read_text(encoding="utf-8"))


def test_every_hostile_file_has_its_page(hostile_site):
    """Each generated file is an entry with a page, valid neighbours included, whatever the others hold."""
    site, content, _ = hostile_site
    entries = catalog(site)["entries"]
    written = {p.relative_to(content).as_posix() for p in content.rglob("*.md")}
    assert {e["source"] for e in entries} == written
    assert all((site.site_dir / e["url"] / "index.html").is_file() for e in entries)
    assert "A valid file beside the odd ones" in site.page("hostile/agents/neighbour/")


def test_every_odd_file_is_reported_by_path_and_line(hostile_site):
    """Duplicate keys, BOMs, NULs, mixed endings, huge and deep values, twins, long names, bounded markup."""
    site, _, _ = hostile_site
    found = {(p["path"].split("/")[-1], p["code"], p["line"]) for p in catalog(site)["problems"]}
    assert [case for case in EXPECTED_PROBLEMS if case not in found] == []


def test_values_are_shown_as_written(hostile_site):
    """name: no, description: yes, version: 1.10, model: 0o17 and a date stay text, on the page and in catalog.json."""
    site, _, _ = hostile_site
    entry = next(e for e in catalog(site)["entries"] if e["source"].endswith("/coerced.md"))
    assert (entry["name"], entry["description"], entry["version"], entry["model"]) == ("no", "yes", "1.10", "0o17")
    page = site.page(entry["url"])
    assert "<dt>version</dt><dd>1.10</dd>" in page and "<code>no</code>" in page and "2024-01-02" in page
    utf16 = next(e for e in catalog(site)["entries"] if e["source"].endswith("/utf16.md"))
    assert utf16["name"] == "utf16-agent" and utf16["description"] == "Saved as UTF-16 — with a BOM"


def test_nothing_is_written_outside_the_site_folder(hostile_site):
    """Path-traversal names make ordinary URL segments; the build adds files only under the site folder."""
    site, _, before = hostile_site
    tmp_path = site.site_dir.parent
    new = _written(tmp_path) - before
    assert [p for p in new if p.parent == tmp_path and p.name not in ("site", "project")] == []
    assert [p for p in new if "escape" in p.name and site.site_dir not in p.parents] == []
    assert entry_id("hostile/agents/%2e%2e%2f%2e%2e%2fescape.md") == "hostile/agents/2e-2e-2f-2e-2e-2fescape"
    assert (site.site_dir / "hostile/agents/x..-..-..-escape/index.html").is_file()


@pytest.fixture(scope="module")
def hostile_base(hostile_site, serve) -> str:
    return serve(hostile_site[0].site_dir)


def watch(page) -> list[str]:
    """Record every dialog a payload could open (alert, confirm, prompt), dismissing it."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def ran(page) -> object:
    """What the payloads set, if any ran: each sets window.__xss."""
    return page.evaluate("window.__xss")


@pytest.mark.parametrize("url", XSS_PAGES)
def test_no_payload_runs_and_its_text_is_shown(page, hostile_base, url):
    """Scripts, handlers, javascript: and data: links in every field and the body never run; the text stays."""
    dialogs = watch(page)
    page.goto(hostile_base + url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # image error handlers fire after load
    assert ran(page) is None and dialogs == []
    assert hostile.XSS_MARKER in page.locator("body").text_content()  # graphs draw in a shadow root; their lists fold
    assert page.locator("script:not([src])").evaluate_all(
        "nodes => nodes.filter(n => n.textContent.includes('__xss')).length") == 0
    hrefs = page.locator("a[href]").evaluate_all("nodes => nodes.map(n => n.getAttribute('href').trim().toLowerCase())")
    assert [h for h in hrefs if h.startswith(("javascript:", "data:"))] == []


def test_payload_text_is_shown_escaped_on_its_page(page, hostile_base):
    """The payload is visible as text in the card: escaped, not dropped."""
    page.goto(hostile_base + "hostile/agents/xssmarker/")
    card = page.locator(".atlas-card").inner_text()
    assert f"{hostile.XSS_MARKER} description {hostile.SCRIPT}" in card
    assert hostile.IMG in card and hostile.SVG in card


def test_no_payload_runs_in_search(page, hostile_base):
    """A site search for the payload file lists it, and neither the results nor opening one run anything."""
    dialogs = watch(page)
    page.goto(hostile_base)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(hostile.XSS_MARKER)
    result = page.locator("a.md-search-result__link").first
    expect(result).to_be_visible(timeout=20_000)  # the first query loads Pagefind and its index pieces
    assert hostile.XSS_MARKER in page.locator(".md-search-result").inner_text()
    page.wait_for_timeout(300)
    assert ran(page) is None and dialogs == []
    result.click()
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert ran(page) is None and dialogs == []
