"""Entry pages converted from Markdown by a forked worker (docs_build.forked) while MkDocs converts the rest.

Converting Markdown is most of a build and MkDocs does it on one core. In a full `mkdocs build` the hook
forks a worker that converts entry pages from the end of MkDocs' order backwards while MkDocs goes
forwards (docs_build.forked); where they meet depends on their speeds. A page the worker converted is
taken as if MkDocs' own `Page.render` had made it. The worker runs the
very same steps (the plugins' pre-page and page-Markdown events, then `Page.render`) on its fork of the
same objects, and what `render` would log is logged by the parent when it takes the page, so strict
builds fail on the same warnings. A page the worker could not do is rendered by MkDocs as usual.

Then, while MkDocs puts pages into the theme from the first, the worker does the same for the pages it
converted, from the last (`page_html`, the hook's copy of MkDocs' steps for one page); MkDocs writes the
HTML the worker made for a page it reaches that the worker has done.

MkDocs' page objects are used by their attributes only (this package does not import MkDocs).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..forked import NOT_DONE, ForkedMap

#: Set to 0 to do all work in the MkDocs process: no page worker, no forked feature (the tests compare both ways).
WORKER_ENV = "ATLAS_RENDER_WORKER"
MIN_PAGES = 50  # below this a fork costs more than it saves
_IN_WORKER = [False]  # set in the worker process


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


def start(pages: Sequence[Any], config: Any, files: Any, finish: Callable[[Any, str], str],
          page_html: Callable[[Any], str] | None = None) -> ForkedMap[Any]:
    """Fork the worker that renders `pages` from the last one backwards, each made final by `finish(page, html)`.

    `finish` is the hook's own pure per-page step after conversion (held HTML put back, sanitising), done
    by the worker too; the parent skips it for the pages it takes from there. `page_html(page)`, when given,
    is the second stage: the page's whole HTML, as written to the site (taken with `take_html`).
    """
    captured = _Captured()

    def render(page: Any) -> Rendered:
        captured.records = []
        config._current_page = page
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        started = time.perf_counter()
        page.render(config, files)
        seconds = time.perf_counter() - started  # the slow-page budget's measure: conversion alone
        links = page.links_to_anchors
        page.content = finish(page, page.content)  # as the parent will have it, for the second stage
        return Rendered(page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                        None if links is None else {file.src_uri: found for file, found in links.items()},
                        seconds, captured.records)

    def theme(page: Any) -> Themed:
        captured.records = []
        html = page_html(page)
        return Themed(html, captured.records)

    return ForkedMap(pages, render, setup=lambda: _capture_logs(captured), then=theme if page_html else None)


def take(worker: ForkedMap[Any], index: int, page: Any, files: Any) -> Rendered | None:
    """Set the worker's rendering of page `index` on the page as Page.render would; None: render it here."""
    rendered = worker.result(index)
    if rendered is NOT_DONE:
        return None
    _log_again(rendered.records)
    page.content, page.toc, page._title_from_render = rendered.content, rendered.toc, rendered.title
    page.present_anchor_ids = rendered.anchor_ids
    if rendered.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src): found for src, found in rendered.links_to_anchors.items()}
    return rendered


def take_html(worker: ForkedMap[Any], index: int) -> str | None:
    """The whole HTML of page `index` (one `take` gave) as the worker made it; None: MkDocs makes it here."""
    themed = worker.result(index, stage=1)
    if themed is NOT_DONE:
        return None
    _log_again(themed.records)
    return themed.html


def _log_again(records: list[tuple[str, int, str]]) -> None:
    """What the worker logged for a page, logged here: printed once, counted by `--strict`."""
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


def in_worker() -> bool:
    """Whether this process is the page worker (the hook starts no search index there)."""
    return _IN_WORKER[0]


def _capture_logs(handler: logging.Handler) -> None:
    """In the worker: MkDocs' log handlers (printing, counting warnings) replaced by one that keeps records."""
    _IN_WORKER[0] = True
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for existing in list(logger.handlers):
            logger.removeHandler(existing)
    logging.getLogger("mkdocs").addHandler(handler)
