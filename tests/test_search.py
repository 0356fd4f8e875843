"""Site search (Pagefind): what is indexed, what weighs, rows as documents, and an index whole after each build."""

from __future__ import annotations

import asyncio
import re
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import build_site, write_collection

from docs_build.adapter.search_index import (
    BackgroundIndexer,
    index_site,
    indexed_fragments,
)
from docs_build.catalog import build_catalog
from docs_build.model import SearchDocument
from docs_build.pages.render import render_card
from docs_build.search.documents import document_html
from docs_build.search.weights import frontmatter_weight

AGENT = """---
name: ledger-tracer
description: Finds flaky quantum widgets in payment ledgers
triggers: [zebra migration]
---

# Ledger tracer

Reads logs.
"""


def fragment(site_dir: Path, url: str) -> dict:
    """The indexed record of one URL."""
    return next(record for record in indexed_fragments(site_dir) if record["url"] == url)


def test_frontmatter_weights_come_from_the_data_file():
    """Keys that say what an entry does weigh above body text, whatever their case or separator."""
    assert frontmatter_weight("triggers") == 4 and frontmatter_weight("Use-When") == 4
    assert frontmatter_weight("license") is None


def test_card_weights_name_description_and_triggers(tmp_path: Path):
    """The card marks the description, the name and a triggers row with Pagefind weights, and the filters."""
    root = write_collection(tmp_path / "content", {"demo/agents/tracer.md": AGENT})
    entry = build_catalog(root).entries[0]
    card = render_card(entry, build_catalog(root).names)
    assert re.search(r'<p class="atlas-card__description" data-pagefind-weight="5">Finds flaky', card)
    assert '<dd data-pagefind-weight="8"><code>ledger-tracer</code>' in card
    assert re.search(r'<td data-pagefind-weight="4">.*zebra migration', card)
    assert 'data-pagefind-filter="kind:agent"' in card and 'data-pagefind-filter="collection:demo"' in card


def test_a_document_is_indexed_as_escaped_text():
    """A row's title and fields are text in the HTML Pagefind reads: markup in content never becomes markup."""
    document = SearchDocument("c/agents/a/#ts-x", "<b>boom</b>", (("Cause", "a & b"),), (("kind", "troubleshooting row"),))
    html = document_html(document)
    assert "<h1>&lt;b&gt;boom&lt;/b&gt;</h1>" in html and "<p>Cause: a &amp; b</p>" in html
    assert 'data-pagefind-filter="kind:troubleshooting row"' in html


def test_seed_site_has_a_pagefind_index_and_no_material_index(seed_site):
    """Every page and row is a search record; Material's whole-site search_index.json is gone."""
    assert not (seed_site.site_dir / "search").exists()
    urls = {record["url"] for record in indexed_fragments(seed_site.site_dir)}
    pages = {"/" + str(p.parent.relative_to(seed_site.site_dir)).replace(".", "") + "/"
             for p in seed_site.site_dir.rglob("index.html") if "pagefind" not in p.parts}
    assert {url.replace("//", "/") for url in pages} <= urls
    assert "/api-design/agents/02-backend-patterns/#ts-econnreset" in urls
    assert not any(name.startswith("pagefind-ui") for name in (p.name for p in (seed_site.site_dir / "pagefind").iterdir()))


def test_only_page_content_is_indexed(seed_site):
    """The navigation, header and permalink marks around a page are not part of its search text."""
    record = fragment(seed_site.site_dir, "/fullstack/agents/03-backend-development/")
    assert record["meta"]["title"] == "03 Backend Development Agent"
    assert "Skip to content" not in record["content"] and "¶" not in record["content"]
    assert "starts the body" not in record["content"]  # the card's source line is bookkeeping, not text
    assert "Link to this agent" not in record["content"] and "Markdown" not in record["content"]  # copy buttons
    assert "Collections" not in record["content"].split(".")[0]  # no sidebar before the title
    assert record["filters"] == {"kind": ["agent"], "collection": ["fullstack"]}


def test_the_hub_is_found_by_its_title_and_its_rows_each_on_their_own(seed_site):
    """The hub's rows are not part of its record (each row is a document): its record stays small at any size."""
    hub = fragment(seed_site.site_dir, "/troubleshooting/")
    assert hub["meta"]["title"] == "Troubleshooting" and "Connection dropped" not in hub["content"]
    assert "Connection dropped" in fragment(seed_site.site_dir, "/api-design/agents/02-backend-patterns/#ts-econnreset")["content"]


def test_index_is_whole_after_every_build(tmp_path: Path):
    """Indexing again (as after a rebuild under `mkdocs serve`) replaces the index: no stale or missing page."""
    root = write_collection(tmp_path / "content", {"demo/agents/tracer.md": AGENT})
    site = build_site(root, tmp_path)
    assert site.returncode == 0, site.log
    (site.site_dir / "demo" / "agents" / "tracer" / "index.html").unlink()
    report = index_site(site.site_dir, [SearchDocument("demo/#ts-a", "A row", ())])
    urls = {record["url"] for record in indexed_fragments(site.site_dir)}
    assert "/demo/agents/tracer/" not in urls and "/demo/#ts-a" in urls and "/demo/" in urls
    assert report.documents == 1 and report.pages == len(urls) - 1
    assert report.bytes == sum(p.stat().st_size for p in (site.site_dir / "pagefind").rglob("*") if p.is_file())


def test_indexing_works_where_an_event_loop_is_running(seed_site, tmp_path: Path):
    """index_site can be called from async code (or beside Playwright's sync API): Pagefind gets its own thread."""
    site = shutil.copytree(seed_site.site_dir, tmp_path / "site")

    async def index() -> int:
        return index_site(site).pages

    with ThreadPoolExecutor(max_workers=1) as pool:  # a thread with no loop yet, whatever runs in this one
        pages = pool.submit(asyncio.run, index()).result()
    assert pages == len([r for r in indexed_fragments(seed_site.site_dir) if "#" not in r["url"]])


@pytest.mark.parametrize("folder", ["graphs/", "health/"])
def test_folder_urls_are_pages(seed_site, folder):
    """/graphs/ lists the graph pages and /health/ every health page, under their section's name."""
    html = seed_site.page(folder)
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', html)
    assert links
    for href, _ in links:
        assert (seed_site.site_dir / folder / href / "index.html").resolve().is_file(), href
    if folder == "health/":
        assert "<h1" in html and ">Health<" in html
        assert {title for _, title in links} >= {"Content problems", "Handoffs and bonds", "Snippet health"}


def test_every_folder_of_the_site_has_an_index_page(seed_site):
    """No folder URL of the built site is bare (asset folders aside)."""
    bare = [folder for folder in seed_site.site_dir.rglob("*") if folder.is_dir()
            and not {"assets", "pagefind"} & set(folder.relative_to(seed_site.site_dir).parts)
            and not (folder / "index.html").is_file()]
    assert bare == []


def test_background_indexing_reports_once_and_only_the_newest_of_a_queue(seed_site, tmp_path: Path):
    """Under `mkdocs serve` indexing runs after the build returns; of indexings queued together only the newest runs."""
    site = shutil.copytree(seed_site.site_dir, tmp_path / "site")
    shutil.rmtree(site / "pagefind")
    reports: list = []
    indexer = BackgroundIndexer()  # the server's one
    for row in ("first", "second", "third"):
        indexer.index_soon(site, [SearchDocument(f"demo/#ts-{row}", row, ())], reports.append)
    deadline = time.monotonic() + 120
    while not any(getattr(r, "documents", 0) for r in reports) or "/demo/#ts-third" not in _urls(site):
        assert time.monotonic() < deadline, reports
        time.sleep(0.2)
    urls = {record["url"] for record in indexed_fragments(site)}
    assert "/demo/#ts-first" not in urls and "/demo/#ts-second" not in urls
    assert 1 <= len(reports) <= 2 and not any(isinstance(r, Exception) for r in reports)
    assert not (site / "pagefind.next").exists()


def _urls(site: Path) -> set[str]:
    """The URLs of a written index; none while it is being swapped in."""
    try:
        return {record["url"] for record in indexed_fragments(site)}
    except OSError:
        return set()


def test_the_background_index_runs_pagefind_at_a_lower_priority(tmp_path: Path, monkeypatch):
    """Under `mkdocs serve` Pagefind is started with BACKGROUND_NICE: the author's next rebuild gets the CPU first."""
    import pagefind.service

    from docs_build.adapter import search_index

    seen: list[int] = []
    launch = pagefind.service.PagefindService.launch

    async def launch_and_look(service):  # Pagefind's own niceness, read from /proc while it runs
        launched = await launch(service)
        seen.append(int(Path(f"/proc/{service._backend.pid}/stat").read_text().rsplit(")", 1)[1].split()[16]))
        return launched

    monkeypatch.setattr(pagefind.service.PagefindService, "launch", launch_and_look)
    site = write_collection(tmp_path / "site", {"index.html": '<html lang="en"><body><main>Words</main></body></html>'})
    done = threading.Event()
    BackgroundIndexer().index_soon(site, [], lambda outcome: done.set())
    assert done.wait(60)
    index_site(site, [])  # a full build's index: the build's own priority
    base = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[16])
    assert seen == [min(base + search_index.BACKGROUND_NICE, 19), base]
