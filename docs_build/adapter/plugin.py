"""The MkDocs side of Agent Atlas: one object whose methods are the hook's events.

State has two lifetimes, as in Material's tags and search plugins. What lives for the process (a `mkdocs
serve` session: the rebuild planner, compiled theme templates, the background search indexer) is made in
`__init__`; MkDocs loads a hook module once per process, so the hook's one `AtlasPlugin` keeps it. What lives
for one build (the atlas, its pages, the page worker, the streamed search index) is a `Build`, made anew in
`on_config`. Everything here is MkDocs' or Material's; the work itself is `docs_build`'s and knows neither.
"""

from __future__ import annotations

import copy
import functools
import html
import time
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .. import Atlas, build_atlas, content_dir
from ..cache import Memory
from ..limits.budget import slow_page_problem
from ..pages.nav import COLLECTIONS_TITLE
from . import worker
from .dirty import Rebuild, RebuildPlanner, mark_files, refusal
from .files import add_generated_files, final_html
from .logs import log, log_problems
from .pagenav import Sidebars
from .postbuild import POST_BUILD_STEPS
from .search_index import BackgroundIndexer
from .search_stream import StreamedIndex, streaming_wanted
from .sidebars import install_sidebar_cache
from .theme import MemoryBytecodeCache, compact_page_html, compact_templates


@dataclass
class Build:
    """What one build makes and uses, from `on_config` to `on_post_build`."""

    content_dir: Path
    atlas: Atlas | None = None
    rebuild: Rebuild | None = None
    entry_pages: dict[str, str] = field(default_factory=dict)  # src_uri -> entry id
    held: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # src_uri -> HTML held from Markdown
    generated: set[str] = field(default_factory=set)  # src_uri of every generated page
    sidebars: Sidebars | None = None
    worker: worker.PageWorker | None = None
    in_worker: bool = False  # this process is the forked page worker
    search: StreamedIndex | None = None
    render_started: tuple[float, int] = (0.0, 0)  # (clock, Markdown characters) of the page being converted


class AtlasPlugin:
    """Binds the MkDocs events to the atlas; `hooks/atlas.py` makes one for the process."""

    def __init__(self) -> None:
        self.command = ""
        self.planner = RebuildPlanner()
        self.memory = Memory()  # parsed files and per-entry results, reused while their inputs are the same
        self.bytecode = MemoryBytecodeCache()  # `mkdocs serve` makes a new theme environment every build
        self.background_index = BackgroundIndexer()
        self.build: Build | None = None

    def on_startup(self, command: str, dirty: bool) -> None:
        """Dirty rebuilds are for `mkdocs serve --dirty` (make serve); never build a site to deploy that way."""
        if (reason := refusal(command, dirty)) is not None:
            raise PluginError(reason)
        self.command = command
        self.planner.serving_dirty = dirty

    @property
    def serving(self) -> bool:
        """Whether this process is `mkdocs serve`."""
        return self.command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """A new build: resolve the content directory and watch it under `mkdocs serve`."""
        root = content_dir(Path(config.config_file_path).parent)
        if not root.is_dir():
            raise PluginError(f"docs_build: content directory {root} does not exist (set DOCS_CONTENT_DIR)")
        self.build = Build(root)
        if str(root) not in config.watch:
            config.watch.append(str(root))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Build the atlas and add every generated page, then point the navigation at them."""
        build = self.build
        settings = {"marketplace_sources": config.extra.get("marketplace_sources") or {}}
        atlas = build.atlas = build_atlas(build.content_dir, worker.can_fork(self.command), self.memory, settings)
        config.extra["atlas"] = atlas  # hooks/macros.py reads it from here
        build.entry_pages = {f"{entry.id}.md": entry.id for entry in atlas.catalog.entries}
        build.held = {page.src_uri: page.held for page in atlas.pages if page.held}
        build.generated = {page.src_uri for page in atlas.pages}
        fingerprints, missing_assets = add_generated_files(atlas, files, config)
        log_problems(atlas.problems + missing_assets)
        log.info(atlas.summary())
        shape = [config.nav, Path(config.config_file_path).read_text(encoding="utf-8")]  # either changed: rebuild all
        build.rebuild = self.planner.plan(config.site_dir, fingerprints, shape)
        mark_files(files, build.rebuild)
        log.info(build.rebuild.describe(len(atlas.pages)))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Sidebars are cut from this nav, one per section (see pagenav); fork the page worker."""
        build = self.build
        build.sidebars = Sidebars(nav.items, COLLECTIONS_TITLE, Section, Link)
        entries = sum(f.src_uri in build.entry_pages for f in files.documentation_pages())
        if worker.wanted(self.command, build.rebuild.dirty, entries):
            # Generated pages, in MkDocs' order: the worker starts with the last (the catalog, the hub, the graphs).
            pages = [f.page for f in files.documentation_pages() if f.src_uri in build.generated and f.page]
            build.worker = worker.PageWorker(pages, config, files, nav, finish=self._final_html,
                                             on_child=functools.partial(setattr, build, "in_worker", True))
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Render the theme without the blank lines its template tags leave (smaller pages, less to write), and each
        sidebar once per section and folder (sidebars.py).

        In `mkdocs build` the search index starts here, before the pages are rendered (see on_post_page): after the
        page worker is forked (on_nav), as a fork copies only the forking thread and the index runs one of its own.
        """
        build = self.build
        if not self.serving and not build.in_worker and streaming_wanted():
            build.search = StreamedIndex(Path(config.site_dir), build.atlas.search_documents)
        theme_dirs = [d for d in config.theme.dirs if d != config.theme.custom_dir]  # Material's own templates
        return install_sidebar_cache(compact_templates(env, self.bytecode), theme_dirs)

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """A generated page is converted by `_render`: from the worker where it has it, and never fatally."""
        if page.file.src_uri in self.build.generated and not self.build.in_worker:
            page.render = functools.partial(self._render, page)  # compat.PAGE_RENDER_REPLACED
        return page

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Start the page's render clock (see on_page_content)."""
        self.build.render_started = (time.perf_counter(), len(markdown))
        return markdown

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """Page.render for a generated page: the worker's conversion where it made one, else MkDocs' own. A page
        whose Markdown cannot be converted (a construct that makes Python-Markdown raise) is reported at its
        file and shown with its body as plain text: one file never stops the build."""
        build = self.build
        if build.worker is not None and build.worker.wants(page) and (rendered := build.worker.take(page)) is not None:
            build.render_started = (time.perf_counter() - rendered.seconds, len(page.markdown or ""))  # the worker's time
            return
        try:
            Page.render(page, config, files)
        except Exception as error:  # noqa: BLE001 - any converter failure becomes a problem of that file
            problem, page.markdown = build.atlas.render_failure(page.file.src_uri, error)
            build.atlas.catalog.problems.append(problem)
            log_problems([problem])
            try:
                Page.render(page, config, files)
            except Exception:  # noqa: BLE001 - a section, not the body, raised too: the page says so, nothing more
                page.markdown = f"# {page.file.src_uri}\n\nThis page could not be rendered; see the problems page."
                Page.render(page, config, files)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Time the conversion (a page too slow is reported); make the HTML final, unless the worker has."""
        build = self.build
        entry_id = build.entry_pages.get(page.file.src_uri)
        started, chars = build.render_started
        source = build.atlas.catalog.by_id[entry_id].source if entry_id else page.file.src_uri
        if problem := slow_page_problem(source, time.perf_counter() - started, chars):
            build.atlas.catalog.problems.append(problem)  # into catalog.json too
            log_problems([problem])
        if build.worker is not None and page.file.src_uri in build.worker.converted:
            return html  # the worker has made it final
        return self._final_html(page, html)

    def _final_html(self, page: Page, html: str) -> str:
        build = self.build
        return final_html(page, html, build.atlas, build.held.get(page.file.src_uri, ()),
                          build.entry_pages.get(page.file.src_uri))

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        """Give the page a sidebar with only its own sections open; or the page as the worker wrote it."""
        build = self.build
        if build.worker is not None and not build.in_worker and (written := build.worker.take_html(page)) is not None:
            context["atlas_prerendered"] = Markup(written)  # overrides/main.html then renders only this
            return context
        sidebar = copy.copy(nav)
        sidebar.items = build.sidebars.items_for(page)
        context["nav"] = sidebar
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Drop the theme's indentation around the page content; tell the copy-link buttons the site's public address.

        The address is given only when the build was given one (SITE_URL). In `mkdocs build` the page, as written,
        goes to the search index now, so Pagefind reads it while the next pages are rendered.
        """
        build = self.build
        if build.worker is None or build.in_worker or page.file.src_uri not in build.worker.themed:
            output = compact_page_html(output)  # else the worker has done this
            if public_url := config.extra.get("public_url"):
                meta = f'<meta name="atlas:site-url" content="{html.escape(public_url)}">'
                output = output.replace("</head>", meta + "</head>", 1)
        if build.search is not None and output.strip():  # MkDocs writes no empty page
            build.search.add_page(page.file.dest_uri, output)
        return output

    @event_priority(-100)  # after every page is written: the search index reads those not rendered as pages
    def on_post_build(self, config: MkDocsConfig) -> None:
        """The named steps of the end of a build (postbuild.py): catalog.json, objects.inv, the search index."""
        self._stop_worker()
        for step in POST_BUILD_STEPS:
            step(self, config)
        self.planner.finish(self.build.rebuild)

    def on_build_error(self, error: Exception) -> None:
        """A failed build leaves no worker and no Pagefind process behind."""
        self._stop_worker()
        if self.build is not None and (search := self.build.search) is not None:
            self.build.search = None
            search.close()

    def _stop_worker(self) -> None:
        build = self.build
        if build is not None and build.worker is not None:
            log.info(build.worker.close())
            build.worker = None
