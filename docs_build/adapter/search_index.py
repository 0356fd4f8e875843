"""Index a built site with Pagefind: its pages, plus documents that are parts of pages (table rows).

The whole index is written each time (Pagefind has no partial update). `index_site` indexes a finished site;
`BackgroundIndexer` does so after each `mkdocs serve` rebuild; `search_stream.StreamedIndex` while a full
build writes its pages. Pagefind's internals touched here are listed in `compat.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pagefind.service
from pagefind.index import IndexConfig, PagefindIndex

from ..model import SearchDocument
from ..search.documents import document_html

SEARCH_FOLDER = "pagefind"  # the bundle's folder at the site root; docs/assets/search.js loads it from there
NEXT_FOLDER = f"{SEARCH_FOLDER}.next"  # where a new bundle is written before it is swapped in
#: Parts of a page that are not its text: permalink marks, copy-link controls, diagram sources; and the rows of
#: troubleshooting tables that gather rows of many pages (the hub): each row is its own search document, and
#: the hub would otherwise be one record, fetched whole for its excerpt, growing with the site.
EXCLUDED = [".headerlink", ".atlas-ts-link", ".atlas-card__links", ".atlas-copy", ".mermaid", ".md-source-file",
            ".atlas-ts-hub__table tbody"]
FRAGMENT_SIGNATURE = b"pagefind_dcd"  # compat.PAGEFIND_FRAGMENTS  # what a decompressed fragment file starts with
#: Pagefind's own result interfaces: the site shows results in Material's dialog instead (docs/assets/search.js).
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


class _NoPollDelay:  # compat.PAGEFIND_POLL_DELAY
    """asyncio as pagefind.service sees it, without the 0.1 s sleep its reader takes before every response.

    pagefind 1.5.2 reads one reply per 0.1 s, so each row added as its own document cost 0.1 s: 730 corpus
    rows took 73 s and 2,700 rows 270 s. Its reader awaits the pipe anyway, so no sleep is needed there;
    asyncio.sleep is used nowhere else in that module.
    """

    def __getattr__(self, name: str) -> object:
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result: object = None) -> object:
        return await asyncio.sleep(0, result)


pagefind.service.asyncio = _NoPollDelay()  # type: ignore[assignment]


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run wrote."""

    pages: int  # pages with content to search (a page without data-pagefind-body, such as 404, has none)
    documents: int
    files: int
    bytes: int
    streamed: int = 0  # HTML files given to Pagefind as they were rendered; it read the others from the site


def index_site(site_dir: Path, documents: Iterable[SearchDocument] = (), nice: int = 0) -> IndexReport:
    """Index every page of a built site and the given documents; write the bundle to site_dir/pagefind/.

    The whole index is written each time (Pagefind has no partial update), so it is whole after any build.
    It is written beside the old one and swapped in, so a search under `mkdocs serve` never finds it half-written.
    `nice`: Pagefind's CPU priority (Unix niceness), for an index made in the background.
    """
    fresh = site_dir / NEXT_FOLDER
    shutil.rmtree(fresh, ignore_errors=True)
    documents = list(documents)
    # Pagefind's Python API is async; a thread of its own runs it even where a loop is already running
    # (a caller inside asyncio, or Playwright's sync API in the tests).
    for attempt in (1, 2):
        # Seen once in a full test run: an index whose files were not all written (JSONDecodeError on reading
        # them). One more run rather than a failed build; a second failure is raised.
        shutil.rmtree(fresh, ignore_errors=True)
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(lambda: _lower_priority(nice) or asyncio.run(_index(site_dir, fresh, documents))).result()
        try:
            read_entry(fresh)
            break
        except (OSError, ValueError):
            if attempt == 2:
                raise
    return publish(site_dir, documents)


def _lower_priority(nice: int) -> None:
    """Lower this thread's CPU priority; Pagefind, started from it, inherits it (Linux: niceness is per thread)."""
    if nice and hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)


def read_entry(bundle: Path) -> dict:
    """A written bundle's entry file (raises OSError or ValueError where it is missing or unwritten)."""
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))


def publish(site_dir: Path, documents: list[SearchDocument], streamed: int = 0) -> IndexReport:
    """Swap the bundle written in site_dir/pagefind.next/ in as site_dir/pagefind/, without the unused files."""
    target, fresh = site_dir / SEARCH_FOLDER, site_dir / NEXT_FOLDER
    for pattern in UNUSED:
        for path in fresh.glob(pattern):
            path.unlink()
    shutil.rmtree(target, ignore_errors=True)
    fresh.rename(target)
    written = [path for path in target.rglob("*") if path.is_file()]
    records = sum(language["page_count"] for language in read_entry(target)["languages"].values())
    size = sum(path.stat().st_size for path in written)
    return IndexReport(records - len(documents), len(documents), len(written), size, streamed)


#: Under `mkdocs serve` the index is made while the author edits on: the next rebuild comes first.
BACKGROUND_NICE = 10


class BackgroundIndexer:
    """`index_site` in a background thread, for `mkdocs serve`: the edited page shows at once, search follows.

    Lives as long as the server: runs one indexing at a time, and one queued behind a newer build is skipped
    (the newer one reads every page too).
    """

    def __init__(self) -> None:
        self._latest = 0
        self._one_at_a_time = threading.Lock()

    def index_soon(self, site_dir: Path, documents: Iterable[SearchDocument],
                   done: Callable[[IndexReport | Exception], None]) -> None:
        """Index the site after this build, in a thread; `done` gets the report or the error."""
        self._latest += 1
        build, documents = self._latest, list(documents)

        def run() -> None:
            with self._one_at_a_time:
                if build != self._latest:
                    return
                try:
                    done(index_site(site_dir, documents, nice=BACKGROUND_NICE))
                except Exception as error:  # noqa: BLE001 - reported by the plugin; the server keeps serving
                    done(error)

        threading.Thread(target=run, name="pagefind-index", daemon=True).start()


async def _index(site_dir: Path, target: Path, documents: list[SearchDocument]) -> None:
    """The Pagefind service's side of index_site."""
    async with PagefindIndex(config=index_config(target)) as index:
        await index.add_directory(str(site_dir))
        for document in documents:
            await index.add_html_file(content=document_html(document), url="/" + document.url)


def index_config(target: Path) -> IndexConfig:
    """How the site is indexed (one language, the parts of pages that are not text left out), written to target."""
    return IndexConfig(force_language="en", exclude_selectors=EXCLUDED, output_path=str(target))


def indexed_fragments(site_dir: Path) -> list[dict]:
    """Every record of a written index as Pagefind stores it (url, content, meta, filters): for checks."""
    fragments = []
    for path in sorted((site_dir / SEARCH_FOLDER / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        fragments.append(json.loads(data.removeprefix(FRAGMENT_SIGNATURE)))
    return fragments
