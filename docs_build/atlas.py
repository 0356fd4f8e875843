"""The whole build in one call: catalog, features, pages, catalog.json and problems."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import handoffs, plugins, snippets
from .cache import Memory
from .catalog import Catalog, build_catalog
from .catalog_page import facets
from .forked import NOT_DONE, ForkedMap
from .limits import pagesize
from .limits.problemcap import cap_per_file
from .matrix import coverage as matrix
from .model import (
    FAILING_SEVERITIES,
    Analysis,
    Entry,
    GeneratedPage,
    Location,
    Problem,
    SearchDocument,
)
from .pages import bodylinks, render
from .troubleshooting import rows as troubleshooting
from .wiki import redirects

CATALOG_VERSION = 1
T = TypeVar("T")
#: Each feature reads the catalog and returns an Analysis; a new feature is one entry here.
FEATURES: list[Callable[[Catalog], Analysis]] = [
    bodylinks.analyse,
    troubleshooting.analyse,
    matrix.analyse,
    snippets.analyse,
    handoffs.analyse,
    redirects.analyse,
    facets.analyse,
    pagesize.analyse,
    plugins.analyse,
]


def reserved_urls() -> frozenset[str]:
    """First URL segments of the site's own pages: each feature's `URLS` (declared beside its analyse step)
    and the site's (pages.render.SITE_URLS). A collection folder so named keeps its overview apart."""
    declared = [getattr(sys.modules[feature.__module__], "URLS", frozenset()) for feature in FEATURES]
    return frozenset(render.SITE_URLS).union(*declared)


@dataclass
class Atlas:
    """Everything the site is made of, computed once per build."""

    catalog: Catalog
    analyses: list[Analysis] = field(default_factory=list)
    _computed: dict[Callable[[Catalog], Any], Any] = field(default_factory=dict, repr=False)

    def computed(self, compute: Callable[[Catalog], T]) -> T:
        """`compute(catalog)`, computed once per atlas however often it is asked for (macros ask on every page)."""
        if compute not in self._computed:
            self._computed[compute] = compute(self.catalog)
        return self._computed[compute]

    @property
    def problems(self) -> list[Problem]:
        """Every problem of parsing and of every feature, in file order."""
        found = self.catalog.problems + [p for a in self.analyses for p in a.problems]
        return sorted(cap_per_file(sorted(found, key=_problem_order)), key=_problem_order)

    def failing(self) -> list[Problem]:
        """Problems that fail a strict build and the check command."""
        return [p for p in self.problems if p.severity in FAILING_SEVERITIES]

    @cached_property
    def pages(self) -> list[GeneratedPage]:
        """Every generated page: home, collections, entries, feature pages, health."""
        feature_pages = [p for a in self.analyses for p in a.pages]
        reference = [*feature_pages, render.render_problems(self.problems, self.catalog)]
        # Pages outside the navigation (the split hub's collection pages) are reached from their overview instead.
        pages = [render.render_home(self.catalog, [page for page in reference if page.nav_section])]
        # A feature's page at a collection's or folder's own URL (a marketplace, a plugin) takes the listing's place.
        taken = {page.src_uri for page in feature_pages}
        overviews = [(name, self.catalog.collection_url(name) + "index.md") for name in self.catalog.collections]
        pages += [render.render_collection(name, self.catalog) for name, src in overviews if src not in taken]
        memory = self.catalog.memory
        pages += [render.render_folder(folder, entries, memory) for folder, entries in sorted(self.catalog.folders().items())
                  if f"{folder}/index.md" not in taken]
        for entry in self.catalog.entries:
            # The card links to skills and namesakes: the catalog's names, not the whole catalog.
            pages.append(memory.call(entry.id, render.render_entry, entry, self.catalog.names, *self._entry_parts(entry)))
        return pages + reference

    def collection_title(self, collection: str) -> str:
        """A collection's display title: the name its content gives it (a marketplace's), else its folder's."""
        return next((a.collection_titles[collection] for a in self.analyses if collection in a.collection_titles), collection)

    def _entry_parts(self, entry: Entry) -> tuple[tuple[str, ...], str]:
        """The features' sections below an entry's body, and the body to show (a feature's, or the file's)."""
        sections = tuple(s for a in self.analyses for s in a.entry_markdown.get(entry.id, []))
        body = next((a.display_body[entry.id] for a in self.analyses if entry.id in a.display_body), entry.body)
        return sections, body

    def render_failure(self, src_uri: str, error: Exception) -> tuple[Problem, str]:
        """When a page's Markdown cannot be converted: the problem at its file, and Markdown that can be, the body
        shown as text in a code block (an entry keeps its card and sections)."""
        entry = self.catalog.by_id.get(src_uri.removesuffix(".md"))
        where = Location(entry.source, entry.body_line) if entry else Location(src_uri, 1)
        problem = Problem(where, "error", "render-failed",
                          f"the page of this file could not be rendered ({type(error).__name__}: {error}); "
                          "it shows the body as plain text", "report the file: the site should render anything")
        if entry is None:
            title = src_uri.removesuffix(".md")
            return problem, render.page(src_uri, title, f"# {render.md_escape(title)}\n\nThis page could not be "
                                        "rendered; see the problems page.").markdown
        sections, body = self._entry_parts(entry)
        fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`+", body))])
        as_text = f"{fence}text\n{body}\n{fence}"
        return problem, render.render_entry(entry, self.catalog.names, sections, as_text).full_markdown

    @property
    def files(self) -> dict[str, str | bytes]:
        """Other site files the features add (redirect pages), by site path."""
        return {path: data for a in self.analyses for path, data in a.files.items()}

    def transform_html(self, entry_id: str, html: str) -> str:
        """Let each feature rewrite an entry page's rendered HTML."""
        for analysis in self.analyses:
            if analysis.html_transform is not None:
                html = analysis.html_transform(entry_id, html)
        return html

    def catalog_json(self) -> dict[str, Any]:
        """The machine-readable index published as /catalog.json."""
        entries = []
        for entry in self.catalog.entries:
            item: dict[str, Any] = {
                "id": entry.id,
                "kind": entry.kind,
                "collection": entry.collection,
                "group": entry.group,
                "name": entry.name,
                "stem": entry.stem,
                "title": entry.title,
                "description": entry.description,
                "url": entry.url,
                "source": entry.source,
                "model": entry.model,
                "version": entry.version,
                "tools": list(entry.tools),
                "skills": list(entry.skills),
            }
            for analysis in self.analyses:
                item.update(analysis.entry_json.get(entry.id, {}))
            entries.append(item)
        return {
            "version": CATALOG_VERSION,
            "collections": self.catalog.collections,
            "entries": entries,
            **{key: value for a in self.analyses for key, value in a.catalog_json.items()},
            "ignored": [{"path": i.path, "reason": i.reason} for i in self.catalog.ignored],
            "problems": [p.to_json() for p in self.problems],
        }

    def write_catalog_json(self, site_dir: Path) -> Path:
        """Write catalog.json at the site root."""
        target = site_dir / render.CATALOG_JSON
        # No indent: the C encoder only serves compact output, ten times faster on a large catalog.
        target.write_text(json.dumps(self.catalog_json(), ensure_ascii=False), encoding="utf-8")
        return target

    @property
    def search_documents(self) -> list[SearchDocument]:
        """The features' own search documents (one per troubleshooting row), indexed beside the pages."""
        return [document for a in self.analyses for document in a.search_documents]

    def summary(self) -> str:
        """The one-line build summary."""
        kinds = Counter(entry.kind for entry in self.catalog.entries)
        parts = [
            f"{len(self.catalog.collections)} collections",
            f"{kinds['agent']} agents",
            f"{kinds['skill']} skills",
            *([f"{kinds['command']} commands"] if kinds["command"] else []),
            f"{len(self.catalog.ignored)} ignored files",
            f"{len(self.problems)} problems ({len(self.failing())} failing)",
        ]
        parts += [a.summary for a in self.analyses if a.summary]
        return "docs_build: " + ", ".join(parts)


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.location.path, problem.location.line, problem.code)


def build_atlas(content_dir: Path, fork: bool = False, memory: Memory | None = None,
                settings: dict[str, Any] | None = None) -> Atlas:
    """Read the content directory and run every feature over it.

    `memory`: results of earlier builds in this process (`mkdocs serve`, see docs_build.cache); none by default.
    `settings`: the site's settings features read (`marketplace_sources`: a collection's public marketplace source).
    `fork`: run the handoffs feature, the longest, in a forked process on another core (a full build only:
    its per-entry memory for `serve` rebuilds stays in that process). Forked before any thread starts.
    """
    if fork:
        snippets.warm_up()  # Node starts on the other core while this one parses (a child process: fork-safe)
    catalog = build_catalog(content_dir, reserved_urls(), memory, settings)
    aside = ForkedMap([catalog], handoffs.analyse, setup=snippets.forget_in_fork) if fork else None
    # Threads: features are pure, and the snippet checks wait on Node (Mermaid) while the others compute.
    with ThreadPoolExecutor(max_workers=len(FEATURES)) as pool:
        running = {feature: pool.submit(feature, catalog) for feature in FEATURES if not (aside and feature is handoffs.analyse)}
    if fork:
        snippets.cool_down()
    analyses = []
    for feature in FEATURES:
        if feature in running:
            analyses.append(running[feature].result())
            continue
        done = aside.result(0)  # the child's, or NOT_DONE when it failed: then made here
        aside.close()
        analyses.append(feature(catalog) if done is NOT_DONE else done)
    return Atlas(catalog, analyses)
