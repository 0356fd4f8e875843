"""Generated pages converted from Markdown by a forked worker (docs_build.forked) while MkDocs converts the rest.

Converting Markdown is most of a build and MkDocs does it on one core. In a full `mkdocs build` the plugin
forks a worker that converts entry pages from the end of MkDocs' order backwards while MkDocs goes
forwards (docs_build.forked); where they meet depends on their speeds. A page the worker converted is
taken as if MkDocs' own `Page.render` had made it. The worker runs the
very same steps (the plugins' pre-page and page-Markdown events, then `Page.render`) on its fork of the
same objects, and what `render` would log is logged by the parent when it takes the page, so strict
builds fail on the same warnings. A page the worker could not do is rendered by MkDocs as usual.

Then, while MkDocs puts pages into the theme from the first, the worker does the same for the pages it
converted, from the last (`_page_html`, MkDocs' steps for one page); MkDocs writes the
HTML the worker made for a page it reaches that the worker has done.

The steps of one page are MkDocs' own (`mkdocs.commands.build._build_page`), redone here for the worker:
every private name they touch is listed in `compat.py` with the version it was written against.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.commands.build import get_context
from mkdocs.structure.pages import Page

from ..forked import NOT_DONE, ForkedMap

#: Set to 0 to do all work in the MkDocs process: no page worker, no forked feature (the tests compare both ways).
WORKER_ENV = "ATLAS_RENDER_WORKER"
MIN_PAGES = 50  # below this a fork costs more than it saves


@dataclass
class Rendered:
    """What MkDocs' Page.render sets on a page, in a form that pickles; and what it logged."""

    content: str  # final: after the hook's `finish`
    toc: Any
    title: str | None
    anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    seconds: float
    records: list[tuple[str, int, str]]  # (logger, level, message)


@dataclass
class Themed:
    """A page's whole HTML as the worker put it into the theme, and what that logged."""

    html: str
    records: list[tuple[str, int, str]]


class _Captured(logging.Handler):
    """The worker's log records, kept to be logged by the parent instead of printed twice."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def can_fork(command: str) -> bool:
    """Work may go to forked processes: a full build (`mkdocs build`, `gh-deploy`), on more than one core.

    Never under `mkdocs serve`: its server threads would be forked mid-request, and its rebuilds are small.
    """
    return (command in ("build", "gh-deploy") and hasattr(os, "fork") and (os.cpu_count() or 1) > 1
            and os.environ.get(WORKER_ENV, "1") != "0")


def wanted(command: str, dirty: bool, pages: int) -> bool:
    """Fork the page worker: a full build of enough pages."""
    return can_fork(command) and not dirty and pages >= MIN_PAGES


class PageWorker:  # compat.PAGE_WORKER
    """The page worker of one full build: forked at `on_nav`, closed at `on_post_build` (or a failed build).

    `pages` are the generated pages in MkDocs' order; `finish(page, html)` is the plugin's pure per-page step
    after conversion (held HTML put back, sanitising), done by the worker too, so the parent skips it for the
    pages it takes from there. `on_child` runs first in the forked process (the plugin notes it is there).
    """

    def __init__(self, pages: Sequence[Any], config: Any, files: Any, nav: Any,
                 finish: Callable[[Any, str], str], on_child: Callable[[], None]) -> None:
        self.config, self.files, self.nav = config, files, nav
        self.index = {page.file.src_uri: index for index, page in enumerate(pages)}
        self.pages = len(pages)
        self.converted: set[str] = set()  # src_uri of pages taken converted from the worker
        self.themed: set[str] = set()  # … and of those also taken in the theme
        self._env: Any = None  # the worker's theme environment, made for its first page
        captured = _Captured()

        def setup() -> None:
            on_child()
            _capture_logs(captured)

        def render(page: Any) -> Rendered:
            captured.records = []
            started, content = self._convert(page)
            seconds = time.perf_counter() - started  # the slow-page budget's measure: conversion alone
            links = page.links_to_anchors
            page.content = finish(page, content)  # as the parent will have it, for the second stage
            return Rendered(page.content, page.toc, page._title_from_render, page.present_anchor_ids,  # compat.TITLE_FROM_RENDER
                            None if links is None else {file.src_uri: found for file, found in links.items()},
                            seconds, captured.records)

        def theme(page: Any) -> Themed:
            captured.records = []
            return Themed(self._page_html(page), captured.records)

        self._map: ForkedMap[Any] = ForkedMap(pages, render, setup=setup, then=theme)

    def wants(self, page: Any) -> bool:
        """Whether the page is one of the worker's (a generated page)."""
        return page.file.src_uri in self.index

    def take(self, page: Any) -> Rendered | None:
        """Set the worker's conversion of the page on it as Page.render would; None: MkDocs converts it here."""
        rendered = self._map.result(self.index[page.file.src_uri])
        if rendered is NOT_DONE:
            return None
        _log_again(rendered.records)
        # compat.TITLE_FROM_RENDER: what Page.render leaves on a page
        page.content, page.toc, page._title_from_render = rendered.content, rendered.toc, rendered.title
        page.present_anchor_ids = rendered.anchor_ids
        if rendered.links_to_anchors is not None:
            page.links_to_anchors = {self.files.get_file_from_path(src): found
                                     for src, found in rendered.links_to_anchors.items()}
        self.converted.add(page.file.src_uri)
        return rendered

    def take_html(self, page: Any) -> str | None:
        """The page's whole HTML as the worker made it, if it converted the page and then themed it too."""
        if page.file.src_uri not in self.converted:
            return None
        themed = self._map.result(self.index[page.file.src_uri], stage=1)
        if themed is NOT_DONE:
            return None
        _log_again(themed.records)
        self.themed.add(page.file.src_uri)
        return themed.html

    def close(self) -> str:
        """Stop the worker; the log line that says what it did."""
        self._map.close()
        return (f"docs_build: {len(self.converted)} of {self.pages} generated pages converted by the page worker, "
                f"{len(self.themed)} of them put into the theme there")

    def _convert(self, page: Any) -> tuple[float, str]:
        """In the worker: MkDocs' steps up to the page's HTML (pre-page and page-Markdown events, Page.render)."""
        config, files = self.config, self.files
        config._current_page = page  # compat.CURRENT_PAGE
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        started = time.perf_counter()
        Page.render(page, config, files)
        return started, page.content

    def _page_html(self, page: Any) -> str:
        """In the worker: the page's whole HTML, by MkDocs' own steps (compat.BUILD_PAGE)."""
        config, files = self.config, self.files
        if self._env is None:  # the first page: the theme, and the titles the sidebars show (from each page's header)
            for file in files.documentation_pages():
                if file.page is not None and file.page.markdown is None:
                    file.page.read_source(config)
            self._env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        config._current_page = page  # compat.CURRENT_PAGE
        page.active = True
        try:
            context = get_context(self.nav, files, config, page)
            template = self._env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=self.nav)
            return config.plugins.on_post_page(template.render(context), page=page, config=config)
        finally:
            page.active = False


def _log_again(records: list[tuple[str, int, str]]) -> None:
    """What the worker logged for a page, logged here: printed once, counted by `--strict`."""
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


def _capture_logs(handler: logging.Handler) -> None:
    """In the worker: MkDocs' log handlers (printing, counting warnings) replaced by one that keeps records."""
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for existing in list(logger.handlers):
            logger.removeHandler(existing)
    logging.getLogger("mkdocs").addHandler(handler)
