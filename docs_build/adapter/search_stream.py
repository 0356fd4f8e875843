"""Index a site while it is built: each page goes to Pagefind when it is rendered, not after the whole build."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from pagefind.service import PagefindService

from ..model import SearchDocument
from ..search.documents import document_html
from .search_index import (
    NEXT_FOLDER,
    IndexReport,
    index_config,
    index_site,
    publish,
    read_entry,
)

#: How long the end of a build waits for Pagefind to take the last pages and write the bundle (about 2 s on the
#: corpus); past it the index is reported as not written rather than the build hanging.
WAIT_SECONDS = 300.0
#: Set to 0 to index the finished site after the build instead (index_site), as before: to compare the two.
STREAM_ENV = "ATLAS_SEARCH_STREAM"
BODY_START = "<div data-pagefind-body>"  # as overrides/main.html writes it


def streaming_wanted() -> bool:
    """Index pages while they are rendered, unless ATLAS_SEARCH_STREAM=0."""
    return os.environ.get(STREAM_ENV, "1") != "0"


class _Html(str):
    """HTML for Pagefind, shown by its length: pagefind.service formats each request for its debug log, logged or not.

    That formatting is two copies of every page: 0.6 s on the corpus, holding the GIL the build thread needs.
    The request itself (json.dumps) reads the characters, not this repr.
    """

    def __repr__(self) -> str:
        return f"<HTML, {len(self)} characters>"


def indexed_part(html: str) -> str:
    """What Pagefind reads of a page of this site: its head, and its body reduced to the `data-pagefind-body`
    element (overrides/main.html), which ends where the theme's article does; the whole page if not so built.

    Pagefind indexes only that element once any page has one, so the navigation around it (more than half of
    a page) is left out before it is sent rather than parsed and dropped there: it makes the same records.
    """
    head = html.find("</head>")
    start = html.find(BODY_START, head)
    end = html.rfind("</article>")  # compat.MATERIAL_MARKUP  # the theme's: a page body may hold an article of its own
    if head < 0 or start < 0 or end < start:
        return html
    return f"{html[:head]}</head><body>{html[start:end]}</body></html>"


class StreamedIndex:
    """One full build's search index: fed page by page while MkDocs renders, written once the last page is.

    Pagefind's service is a process of its own, so it parses pages on the other core while MkDocs renders the
    next ones. Its asyncio client runs on a thread of its own; the build thread only queues each page.
    The bundle holds the records `index_site` would read from the finished site: a page is given by its path in
    the site (Pagefind derives its URL as from the file), and at the end (`seal`) every *.html file the build
    wrote that was not given here exactly once (404.html, redirect pages, HTML copied from docs/) is read from disk.
    """

    def __init__(self, site_dir: Path, documents: Iterable[SearchDocument], seconds: float = WAIT_SECONDS) -> None:
        self.site_dir, self.documents, self.seconds = site_dir, list(documents), seconds
        self._given: Counter[str] = Counter()
        self._on_disk: set[str] = set()
        self._unrendered: list[str] | None = None  # set by seal()
        self._queue: asyncio.Queue[dict[str, str] | None] = asyncio.Queue()
        self._loop = asyncio.new_event_loop()
        self._task = self._loop.create_task(self._serve())
        self._thread = threading.Thread(target=self._run, name="pagefind-stream", daemon=True)
        self._thread.start()
        for document in self.documents:
            self._put({"content": _Html(document_html(document)), "url": "/" + document.url})

    def add_page(self, path: str, html: str) -> None:
        """Queue one rendered page: its path in the site (`a/b/index.html`) and the HTML written there."""
        if path.endswith(".html"):  # Pagefind reads no other file of a site
            self._given[path] += 1
            self._put({"content": _Html(indexed_part(html)), "source_path": path})

    def seal(self) -> None:
        """No more pages: Pagefind is given the site's other HTML files and writes the bundle while the build ends.

        Every page must be written by now (on_post_build). Calling it again does nothing.
        """
        if self._unrendered is not None:
            return
        shutil.rmtree(self.site_dir / NEXT_FOLDER, ignore_errors=True)
        self._on_disk = {path.relative_to(self.site_dir).as_posix() for path in self.site_dir.rglob("*.html")}
        self._unrendered = sorted(path for path in self._on_disk if self._given[path] != 1)  # or rendered twice
        if set(self._given) <= self._on_disk:  # else a page was rendered and not written: finish indexes the site
            for path in self._unrendered:  # 404.html, redirect pages, HTML copied from docs/: the file counts
                self._put({"source_path": path})  # read by the Pagefind thread (a failure is finish's to report)
        self._put(None)

    def finish(self) -> IndexReport | Exception:
        """Wait for the bundle (sealing first if need be) and swap it in; what went wrong is returned."""
        try:
            self.seal()
            if not set(self._given) <= self._on_disk:
                return self._whole_directory()
            self._thread.join(timeout=self.seconds)
            if self._thread.is_alive():
                return TimeoutError(f"Pagefind did not write the index within {self.seconds:.0f} s")
            self._task.result()
            try:
                read_entry(self.site_dir / NEXT_FOLDER)
            except (OSError, ValueError):
                # Seen once with whole-directory indexing: an entry file not yet written. Index again, as there.
                return self._whole_directory()
            return publish(self.site_dir, self.documents, len(self._on_disk) - len(self._unrendered))
        except Exception as error:  # noqa: BLE001 - reported by the hook, like index_site_soon's errors
            return error
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind, writing nothing more (the build failed, or waiting is over); done twice is harmless."""
        if self._thread.is_alive():
            with contextlib.suppress(RuntimeError):  # the loop ended meanwhile
                self._loop.call_soon_threadsafe(self._task.cancel)
            self._thread.join(timeout=10)  # the thread ends Pagefind's process on its way out
        if not self._thread.is_alive():
            self._loop.close()

    def _whole_directory(self) -> IndexReport:
        """Index the written site as `index_site` does, the streamed index dropped."""
        self.close()
        return index_site(self.site_dir, self.documents)

    def _put(self, item: dict[str, str] | None) -> None:
        """Hand one file (None: the last) to the Pagefind thread; never waits for Pagefind."""
        with contextlib.suppress(RuntimeError):  # the loop is closed: Pagefind failed, and finish says why
            self._loop.call_soon_threadsafe(self._queue.put_nowait, item)

    def _run(self) -> None:
        """The Pagefind thread: its loop runs until the bundle is written or given up (the task keeps why)."""
        with contextlib.suppress(Exception, asyncio.CancelledError):
            self._loop.run_until_complete(self._task)

    async def _serve(self) -> None:
        """Send each file as it comes, without waiting for replies; then write the bundle."""
        service = await PagefindService().launch()
        sent: list[asyncio.Future] = []
        try:
            index = await service.create_index(index_config(self.site_dir / NEXT_FOLDER))
            # The service takes requests in the order sent, so a path given twice keeps its last HTML, as on disk.
            while (item := await self._queue.get()) is not None:
                if "content" not in item:  # as Pagefind reads a file: undecodable bytes replaced
                    text = (self.site_dir / item["source_path"]).read_text(encoding="utf-8", errors="replace")
                    item["content"] = _Html(text)
                sent.append(asyncio.ensure_future(index.add_html_file(**item)))
            for outcome in await asyncio.gather(*sent, return_exceptions=True):
                if isinstance(outcome, BaseException):
                    raise outcome
            await index.write_files()
        finally:
            await _stop(service)
            for request in sent:  # replies that will never come now
                request.cancel()
            await asyncio.gather(*sent, return_exceptions=True)


async def _stop(service: PagefindService) -> None:  # compat.PAGEFIND_SERVICE_STOP
    """End Pagefind's process, as PagefindService.close does, whatever replies are still due.

    close() (pagefind 1.5.2) first gathers the replies due, and a request cancelled while waiting for its reply
    (here: the wait for the bundle is over) makes that gather raise before the process is ended.
    """
    service._poll_task.cancel()
    if service._backend.returncode is None:
        service._backend.terminate()
    await service._backend.wait()
