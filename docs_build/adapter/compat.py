"""Every private or undocumented thing of MkDocs, Material, Pagefind and Jinja that the adapter touches.

Material for MkDocs reaches its end of life on 2027-05-05 (its successor is Zensical), and an upgrade of any
of these packages may change what is listed here. Each record names the version it was written against,
what breaks if it changes, and the test that would notice; `tests/test_architecture.py` fails when an
installed version differs from the one written here, so an upgrade starts by reading this list. The code
that touches each thing carries a `# compat.NAME` comment; a name here with no such comment is an error too.

`speed` is what the thing buys, measured by `make bench` on the corpus (see README, Benchmark): a trick
that reaches into internals stays only while it pays for itself.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The versions this adapter was written against (pyproject.toml pins the same).
VERSIONS = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1", "pagefind": "1.5.2", "jinja2": "3.1.6"}


@dataclass(frozen=True)
class Internal:
    """One thing the adapter touches that its package does not promise to keep."""

    name: str  # the marker in the code: `# compat.NAME`
    package: str  # a key of VERSIONS
    what: str
    breaks: str  # what goes wrong if the package changes it
    test: str  # tests/<file>.py::<test> that would notice
    speed: str  # what it buys, or why it is not a speed trick


INTERNALS = (
    Internal(
        "PAGE_RENDER_REPLACED", "mkdocs",
        "plugin.on_pre_page replaces `page.render` on a Page instance, so MkDocs' `_populate_page` takes the page "
        "worker's conversion instead of converting again",
        "if MkDocs stops calling `page.render(config, files)` on the instance, every page is converted twice "
        "(slower, same site); if it changes what render sets, pages the worker made lack it",
        "tests/test_prerender.py::test_a_site_built_with_the_worker_is_the_site_built_without",
        "the page worker: see PAGE_WORKER"),
    Internal(
        "TITLE_FROM_RENDER", "mkdocs",
        "worker.PageWorker reads and sets `Page._title_from_render`, `present_anchor_ids` and `links_to_anchors`, "
        "what `Page.render` leaves on a page",
        "a renamed attribute: titles or anchor validation of worker pages differ from MkDocs' own",
        "tests/test_prerender.py::test_a_site_built_with_the_worker_is_the_site_built_without",
        "the page worker: see PAGE_WORKER"),
    Internal(
        "CURRENT_PAGE", "mkdocs",
        "worker.PageWorker sets `config._current_page` as `_build_page` does before each page's events",
        "plugins that read the current page (mkdocs-macros) would see another page in the worker",
        "tests/test_prerender.py::test_a_site_built_with_the_worker_is_the_site_built_without",
        "the page worker: see PAGE_WORKER"),
    Internal(
        "BUILD_PAGE", "mkdocs",
        "worker.PageWorker._page_html redoes `mkdocs.commands.build._build_page` for one page: `get_context`, "
        "the page's template, `on_page_context`, `on_post_page`",
        "a new step in `_build_page` is missing from pages the worker themed (they would differ from the others)",
        "tests/test_navcache.py::test_the_corpus_built_with_every_shortcut_is_the_corpus_built_plainly",
        "PAGE_WORKER: converting and theming generated pages on the second core"),
    Internal(
        "PAGE_WORKER", "mkdocs",
        "the forked page worker as a whole (worker.py): MkDocs' page objects forked, their results pickled back",
        "anything above; the worker's output is compared with MkDocs' own page by page",
        "tests/test_prerender.py::test_a_site_built_with_the_worker_is_the_site_built_without",
        "corpus build 26.0 s with it, see README 'Speed tricks and what they pay' for the figure without it"),
    Internal(
        "FILE_IS_MODIFIED", "mkdocs",
        "dirty.mark_files replaces `File.is_modified` on each file instance: a generated file (content in memory) "
        "always counts as modified to MkDocs",
        "`serve --dirty` rebuilds every page after each edit (slow, correct)",
        "tests/test_serve.py::test_dirty_serve_rebuilds_only_the_edited_page_and_keeps_search_whole",
        "serve --dirty: an edit on the corpus visible in 1.9 s instead of a full rebuild (about 26 s)"),
    Internal(
        "MATERIAL_NAV_MACRO", "mkdocs-material",
        "sidebars.py serves Material's `partials/nav.html` under another name and calls the `render(item, path, "
        "level)` macro of `partials/nav-item.html` for one item",
        "a changed macro signature or template name: sidebars fail to render (the build stops with a Jinja error)",
        "tests/test_navcache.py::test_the_corpus_built_with_every_shortcut_is_the_corpus_built_plainly",
        "SIDEBAR_CACHE: each sidebar rendered once per section and folder"),
    Internal(
        "MATERIAL_MARKUP", "mkdocs-material",
        "theme.compact_page_html and search_stream.indexed_part find the page content by Material's markup: "
        "`<div class=\"md-content\"`, the last `</article>`",
        "compaction leaves whitespace (bigger pages); search indexes whole pages (slower, same records)",
        "tests/test_search_stream.py::test_only_the_indexed_part_of_a_themed_page_is_sent_and_the_records_are_the_same",
        "smaller pages (median 39 KB against bare Material's 93 KB) and less HTML sent to Pagefind"),
    Internal(
        "JINJA_THEME_ENV", "jinja2",
        "theme.compact_templates sets `trim_blocks`, `lstrip_blocks` and a bytecode cache on MkDocs' theme "
        "environment and clears its template cache; sidebars.py wraps its loader",
        "whitespace comes back into pages, or templates compile on every serve rebuild",
        "tests/test_navcache.py::test_the_corpus_built_with_every_shortcut_is_the_corpus_built_plainly",
        "page size, not speed: templates leave an indented blank line per tag, half the HTML of a page"),
    Internal(
        "PAGEFIND_POLL_DELAY", "pagefind",
        "search_index.py replaces the `asyncio` module that `pagefind.service` sees by one whose `sleep` does not "
        "wait: its reader sleeps 0.1 s before every reply",
        "each search document (a troubleshooting row) costs 0.1 s again: 730 corpus rows took 73 s",
        "tests/test_architecture.py::test_pagefind_still_sleeps_where_the_adapter_removes_the_sleep",
        "73 s on the corpus (730 rows at 0.1 s each)"),
    Internal(
        "PAGEFIND_SERVICE_STOP", "pagefind",
        "search_stream._stop cancels `service._poll_task` and ends `service._backend`, as `PagefindService.close` "
        "does without first waiting for replies that will never come",
        "a failed or timed-out streamed index leaves a Pagefind process behind, or the build waits for it",
        "tests/test_search_stream.py::test_a_pagefind_that_never_answers_is_reported_not_waited_for",
        "not speed: a clean stop when the build fails"),
    Internal(
        "PAGEFIND_FRAGMENTS", "pagefind",
        "search_index.indexed_fragments reads Pagefind's written fragment files (gzip, `pagefind_dcd` prefix)",
        "the tests that read what was indexed fail (the site is unaffected)",
        "tests/test_search.py::test_the_hub_is_found_by_its_title_and_its_rows_each_on_their_own",
        "not speed: tests read the index with it"),
)
