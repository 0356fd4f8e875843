"""MkDocs adapter: build the atlas once per build, add its pages in memory, log its problems.

Thin on purpose: all the work is in `docs_build`; this file only moves data between MkDocs and it.
"""

from __future__ import annotations

import copy
import functools
import html
import logging
import time
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

import docs_build
from docs_build.adapter import dirty as incremental, worker as prerender
from docs_build.wiki import inventory
from docs_build.assets import site_assets
from docs_build.limits.budget import slow_page_problem
from docs_build.adapter.theme import compact_page_html, compact_templates
from docs_build.pages.folders import folder_pages
from docs_build.pages.heldhtml import put_back
from docs_build.pages.nav import COLLECTIONS_TITLE, build_nav, nav_sources
from docs_build.adapter.sidebars import install_sidebar_cache
from docs_build.pages.pagenav import Sidebars
from docs_build.pages.render import heading_tokens
from docs_build.markdown.sanitize import clean_html
from docs_build.search import SEARCH_FOLDER, IndexReport, StreamedIndex, index_site, index_site_soon, streaming_wanted

log = logging.getLogger("mkdocs.plugins.docs_build")
_state: dict[str, object] = {}
_LEVELS = {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.INFO}


def on_startup(command: str, dirty: bool) -> None:
    """Dirty rebuilds are for `mkdocs serve --dirty` (make serve); never build a site to deploy that way."""
    if (refusal := incremental.start(command, dirty)) is not None:
        raise PluginError(refusal)
    _state["serving"] = command == "serve"
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Resolve the content directory and watch it under `mkdocs serve`."""
    root = docs_build.content_dir(Path(config.config_file_path).parent)
    if not root.is_dir():
        raise PluginError(f"docs_build: content directory {root} does not exist (set DOCS_CONTENT_DIR)")
    _state["content_dir"] = root
    if str(root) not in config.watch:
        config.watch.append(str(root))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Build the atlas and add every generated page, then point the navigation at them."""
    atlas = docs_build.build_atlas(_state["content_dir"], fork=prerender.can_fork(_state["command"]))
    config.extra["atlas"] = atlas  # the macros module reads it from here
    _state["atlas"] = atlas
    _state["entry_pages"] = {f"{entry.id}.md": entry.id for entry in atlas.catalog.entries}
    _state["held"] = {page.src_uri: page.held for page in atlas.pages if page.held}
    _state["generated"] = {page.src_uri for page in atlas.pages}
    config.nav = build_nav(atlas, config.nav)
    in_nav = nav_sources(config.nav)
    for page in atlas.pages:
        if files.get_file_from_path(page.src_uri) is not None:
            log.warning("generated page %s collides with a file in docs/; the generated one wins", page.src_uri)
            files.remove(files.get_file_from_path(page.src_uri))
        # Folder pages are reached by links and URLs, not the sidebar: say so, or MkDocs lists each one.
        inclusion = InclusionLevel.INCLUDED if page.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    for path, text in atlas.files.items():  # redirect pages at renamed entries' old URLs
        files.append(File.generated(config, path, content=text))
    # Folder URLs with no page of their own (/graphs/, /health/) get a listing, reached by URL.
    folders = folder_pages(atlas.pages, [f.src_uri for f in files.documentation_pages()])
    for page in folders:
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    assets, missing = site_assets()
    for uri, path in assets.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    for problem in atlas.problems + missing:
        logging.getLogger(f"mkdocs.plugins.docs_build.{problem.code}").log(_LEVELS[problem.severity], problem.format())
    log.info(atlas.summary())
    pages = {page.src_uri: page.fingerprint() for page in [*atlas.pages, *folders]}
    shape = [config.nav, Path(config.config_file_path).read_text(encoding="utf-8")]  # either changed: rebuild all
    rebuild = incremental.plan(config.site_dir, incremental.serving_dirty(), pages, shape)
    incremental.mark_files(files.documentation_pages(), rebuild)
    _state["rebuild"] = rebuild
    log.info(rebuild.describe(len(atlas.pages)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Start the page's render clock (see on_page_content)."""
    _state["render_started"] = (time.perf_counter(), len(markdown))
    return markdown


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Sidebars are cut from this nav, one per section (see docs_build.pagenav); fork the page worker."""
    _state["sidebars"] = Sidebars(nav.items, COLLECTIONS_TITLE, Section, Link)
    _state["worker"], _state["final_html"], _state["final_page"] = None, set(), set()
    entries = sum(f.src_uri in _state["entry_pages"] for f in files.documentation_pages())
    if prerender.wanted(_state["command"], _state["rebuild"].dirty, entries):
        # Generated pages, in MkDocs' order: the worker starts with the last (the catalog, the hub, the graphs).
        pages = [f.page for f in files.documentation_pages() if f.src_uri in _state["generated"] and f.page]
        _state["worker_pages"] = {page.file.src_uri: index for index, page in enumerate(pages)}
        themed = functools.partial(_page_in_worker, config=config, files=files, nav=nav)
        _state["worker"] = prerender.start(pages, config, files, finish=_final_html, page_html=themed)
        _state["worker_report"] = [0, len(pages)]  # pages taken from the worker, of all it could take
    return nav


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """A page the worker converts takes its HTML from there (docs_build.prerender)."""
    if _state["worker"] is not None and (index := _state["worker_pages"].get(page.file.src_uri)) is not None:
        page.render = functools.partial(_render_from_worker, page, index)  # what MkDocs calls next
    return page


def _render_from_worker(page: Page, index: int, config: MkDocsConfig, files: Files) -> None:
    """Page.render for a page the worker converted; MkDocs' own when the worker could not."""
    rendered = prerender.take(_state["worker"], index, page, files)
    if rendered is None:
        Page.render(page, config, files)
    else:  # the slow-page budget counts the worker's time
        _state["render_started"] = (time.perf_counter() - rendered.seconds, len(page.markdown or ""))
        _state["worker_report"][0] += 1
        _state["final_html"].add(page.file.src_uri)


def _page_in_worker(page: Page, config: MkDocsConfig, files: Files, nav: Navigation) -> str:
    """In the page worker: the page's whole HTML, by MkDocs' own steps (mkdocs.commands.build._build_page)."""
    if "worker_env" not in _state:  # the first page: the theme, and the titles the sidebars show (from each page's header)
        for file in files.documentation_pages():
            if file.page is not None and file.page.markdown is None:
                file.page.read_source(config)
        _state["worker_env"] = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, files, config, page)
        template = _state["worker_env"].get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        return config.plugins.on_post_page(template.render(context), page=page, config=config)
    finally:
        page.active = False


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the page a sidebar with only its own sections open; or the page as the worker wrote it."""
    if (written := _written_by_worker(page)) is not None:
        context["atlas_prerendered"] = Markup(written)  # overrides/main.html then renders only this
        _state["final_page"].add(page.file.src_uri)
        return context
    sidebar = copy.copy(nav)
    sidebar.items = _state["sidebars"].items_for(page)
    context["nav"] = sidebar
    return context


def _written_by_worker(page: Page) -> str | None:
    """The page's HTML from the worker, if it converted the page and then put it into the theme too."""
    if _state["worker"] is None or page.file.src_uri not in _state["final_html"]:
        return None
    return prerender.take_html(_state["worker"], _state["worker_pages"][page.file.src_uri])


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Render the theme without the blank lines its template tags leave (smaller pages, less to write), and each
    sidebar once per section and folder (docs_build.navcache).

    In `mkdocs build` the search index starts here, before the pages are rendered (see on_post_page): after the
    page worker is forked, as a fork copies only the forking thread and the index runs one of its own.
    """
    if not _state.get("serving") and not prerender.in_worker() and streaming_wanted():
        _state["search"] = StreamedIndex(Path(config.site_dir), _state["atlas"].search_documents)
    theme_dirs = [d for d in config.theme.dirs if d != config.theme.custom_dir]  # Material's own templates
    return install_sidebar_cache(compact_templates(env), theme_dirs)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Time the conversion (a page too slow is reported); make the HTML final (_final_html), unless the worker has."""
    entry_id = _state["entry_pages"].get(page.file.src_uri)
    started, chars = _state.pop("render_started", (time.perf_counter(), 0))
    source = _state["atlas"].catalog.by_id[entry_id].source if entry_id else page.file.src_uri
    if problem := slow_page_problem(source, time.perf_counter() - started, chars):
        _state["atlas"].catalog.problems.append(problem)  # into catalog.json too
        logging.getLogger(f"mkdocs.plugins.docs_build.{problem.code}").info(problem.format())
    if page.file.src_uri in _state["final_html"]:  # the worker has made it final
        return html
    return _final_html(page, html)


def _final_html(page: Page, html: str) -> str:
    """A page's HTML made final: the template HTML held from Python-Markdown put back; on an entry page, active
    HTML stripped and the features' anchors added; a generated page's template headings put in its toc."""
    src_uri = page.file.src_uri
    html = put_back(html, _state["held"].get(src_uri, ()))
    if (entry_id := _state["entry_pages"].get(src_uri)) is not None:
        return _state["atlas"].transform_html(entry_id, clean_html(html))
    if page.file.generated_by is not None and len(page.toc.items) == 1 and not page.toc.items[0].children:
        # Template headings are raw HTML, unseen by Python-Markdown's toc: nest them under the H1.
        title = page.toc.items[0]
        page.toc = get_toc([{"level": 1, "id": title.id, "name": title.title, "children": heading_tokens(html)}])
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Drop the theme's indentation around the page content; tell the copy-link buttons the site's public address.

    The address is given only when the build was given one (SITE_URL). In `mkdocs build` the page, as written,
    goes to the search index now, so Pagefind reads it while the next pages are rendered.
    """
    if page.file.src_uri not in _state["final_page"]:  # else the worker has done this
        output = compact_page_html(output)
        if public_url := config.extra.get("public_url"):
            meta = f'<meta name="atlas:site-url" content="{html.escape(public_url)}">'
            output = output.replace("</head>", meta + "</head>", 1)
    if (search := _state.get("search")) is not None and output.strip():  # MkDocs writes no empty page
        search.add_page(page.file.dest_uri, output)
    return output


@event_priority(-100)  # after every page is written: the search index reads those not rendered as pages
def on_post_build(config: MkDocsConfig) -> None:
    """Publish catalog.json and objects.inv; index the whole site for search (pages and troubleshooting rows)."""
    atlas, rebuild = _state["atlas"], _state["rebuild"]
    _stop_worker()
    site_dir = Path(config.site_dir)
    if (search := _state.get("search")) is not None:
        search.seal()  # every page is written: Pagefind writes its bundle meanwhile
    atlas.write_catalog_json(site_dir)
    if not rebuild.dirty:  # it reads every page; under `serve --dirty` the last full build's stays
        objects_inv = inventory.objects_inv(atlas.catalog_json(), config.site_name, inventory.anchors_on_pages(site_dir))
        (site_dir / inventory.FILE_NAME).write_bytes(objects_inv)
    # Whole under `serve --dirty` too: the pages it did not rewrite are still in site_dir, and all are read.
    # Under `serve` it runs after the build returns, so the edited page shows without waiting for it.
    if _state.get("serving"):
        index_site_soon(site_dir, atlas.search_documents, _log_index)
    elif (search := _state.pop("search", None)) is not None:
        _log_index(search.finish())
    else:  # ATLAS_SEARCH_STREAM=0
        _log_index(index_site(site_dir, atlas.search_documents))
    incremental.finish(rebuild)


def on_build_error(error: Exception) -> None:
    """A failed build leaves no worker and no Pagefind process behind."""
    _stop_worker()
    if (search := _state.pop("search", None)) is not None:
        search.close()


def _stop_worker() -> None:
    worker, _state["worker"] = _state.get("worker"), None
    if worker is not None:
        worker.close()
        converted, pages = _state["worker_report"]
        log.info("docs_build: %d of %d generated pages converted by the page worker, %d of them put into the theme there",
                 converted, pages, len(_state["final_page"]))


def _log_index(outcome: IndexReport | Exception) -> None:
    """One line on the search index written, or why it could not be."""
    if isinstance(outcome, Exception):
        log.error("docs_build: search index not written: %s", outcome)
    else:
        log.info("docs_build: search index of %d pages and %d rows, %.1f MB in %s/ (%d files indexed as rendered)",
                 outcome.pages, outcome.documents, outcome.bytes / 1e6, SEARCH_FOLDER, outcome.streamed)
