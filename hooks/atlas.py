"""MkDocs adapter: build the atlas once per build, add its pages in memory, log its problems.

Thin on purpose: all the work is in `docs_build`; this file only moves data between MkDocs and it.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

import docs_build
from docs_build import inventory
from docs_build.assets import site_assets
from docs_build.folders import folder_pages
from docs_build.nav import build_nav, nav_sources
from docs_build.render import heading_tokens
from docs_build.sanitize import clean_html
from docs_build.search import SEARCH_FOLDER, index_site

log = logging.getLogger("mkdocs.plugins.docs_build")
_state: dict[str, object] = {}
_LEVELS = {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.INFO}


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
    atlas = docs_build.build_atlas(_state["content_dir"])
    config.extra["atlas"] = atlas  # the macros module reads it from here
    _state["atlas"] = atlas
    _state["entry_pages"] = {f"{entry.id}.md": entry.id for entry in atlas.catalog.entries}
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
    for page in folder_pages(atlas.pages, [f.src_uri for f in files.documentation_pages()]):
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    assets, missing = site_assets()
    for uri, path in assets.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    for problem in atlas.problems + missing:
        logging.getLogger(f"mkdocs.plugins.docs_build.{problem.code}").log(_LEVELS[problem.severity], problem.format())
    log.info(atlas.summary())
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Strip active HTML from entry pages, then let features anchor what they need."""
    entry_id = _state["entry_pages"].get(page.file.src_uri)
    if entry_id is None:
        if page.file.generated_by is not None and len(page.toc.items) == 1 and not page.toc.items[0].children:
            # Template headings are raw HTML, unseen by Python-Markdown's toc: nest them under the H1.
            title = page.toc.items[0]
            page.toc = get_toc([{"level": 1, "id": title.id, "name": title.title, "children": heading_tokens(html)}])
        return html
    return _state["atlas"].transform_html(entry_id, clean_html(html))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Tell the copy-link buttons the site's public address, when the build was given one (SITE_URL)."""
    public_url = config.extra.get("public_url")
    if not public_url:
        return output
    meta = f'<meta name="atlas:site-url" content="{html.escape(public_url)}">'
    return output.replace("</head>", meta + "</head>", 1)


@event_priority(-100)  # after every page is written: the search index reads them
def on_post_build(config: MkDocsConfig) -> None:
    """Publish catalog.json and index the whole site for search (pages and troubleshooting rows)."""
    atlas = _state["atlas"]
    site_dir = Path(config.site_dir)
    atlas.write_catalog_json(site_dir)
    objects_inv = inventory.objects_inv(atlas.catalog_json(), config.site_name, inventory.anchors_on_pages(site_dir))
    (site_dir / inventory.FILE_NAME).write_bytes(objects_inv)
    report = index_site(site_dir, atlas.search_documents)
    log.info("docs_build: search index of %d pages and %d rows, %.1f MB in %s/",
             report.pages, report.documents, report.bytes / 1e6, SEARCH_FOLDER)
