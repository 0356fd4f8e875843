"""The atlas's pages as MkDocs files (in memory, `File.generated`) and its navigation; a page's HTML made final."""

from __future__ import annotations

import hashlib
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..assets import site_assets
from ..atlas import Atlas
from ..markdown.sanitize import clean_html
from ..model import Problem
from ..pages.folders import folder_pages
from ..pages.heldhtml import put_back
from ..pages.nav import build_nav, nav_sources
from ..pages.render import heading_tokens
from .logs import log


def add_generated_files(atlas: Atlas, files: Files, config: MkDocsConfig) -> tuple[dict[str, str], list[Problem]]:
    """Add every generated page, redirect page, folder listing and asset; point the nav at them.

    Returns each generated page's fingerprint (for dirty rebuilds) and a problem per asset missing.
    """
    config.nav = build_nav(atlas, config.nav)
    in_nav = nav_sources(config.nav)
    for page in atlas.pages:
        if files.get_file_from_path(page.src_uri) is not None:
            log.warning("generated page %s collides with a file in docs/; the generated one wins", page.src_uri)
            files.remove(files.get_file_from_path(page.src_uri))
        # Folder pages are reached by links and URLs, not the sidebar: say so, or MkDocs lists each one.
        inclusion = InclusionLevel.INCLUDED if page.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    for path, data in atlas.files.items():  # redirect pages at renamed entries' old URLs, downloads
        files.append(File.generated(config, path, content=data))
    # Folder URLs with no page of their own (/graphs/, /health/) get a listing, reached by URL.
    folders = folder_pages(atlas.pages, [f.src_uri for f in files.documentation_pages()])
    for page in folders:
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    assets, missing = site_assets()
    for uri, path in assets.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    fingerprints = {page.src_uri: page.fingerprint() for page in [*atlas.pages, *folders]}
    # Downloads and redirect pages too: under `serve --dirty` only those that changed are written again.
    fingerprints.update({path: data if isinstance(data, str) else hashlib.blake2b(data, digest_size=16).hexdigest()
                         for path, data in atlas.files.items()})
    return fingerprints, missing


def final_html(page: Page, html: str, atlas: Atlas, held: Any, entry_id: str | None) -> str:
    """A page's HTML made final: the template HTML held from Python-Markdown put back; on an entry page, active
    HTML stripped and the features' anchors added; a generated page's template headings put in its toc."""
    html = put_back(html, held)
    if entry_id is not None:
        return atlas.transform_html(entry_id, clean_html(html))
    if page.file.generated_by is not None and len(page.toc.items) == 1 and not page.toc.items[0].children:
        # Template headings are raw HTML, unseen by Python-Markdown's toc: nest them under the H1.
        title = page.toc.items[0]
        page.toc = get_toc([{"level": 1, "id": title.id, "name": title.title, "children": heading_tokens(html)}])
    return html
