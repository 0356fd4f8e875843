"""The end of a build as named steps, run in order by `AtlasPlugin.on_post_build` (as mkdocstrings splits an
event into a `CombinedEvent`): each reads the build and writes one thing into the site."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from mkdocs.config.defaults import MkDocsConfig

from ..wiki import inventory
from .logs import log_index_report
from .search_index import index_site

if TYPE_CHECKING:
    from .plugin import AtlasPlugin


def seal_search_index(plugin: AtlasPlugin, config: MkDocsConfig) -> None:
    """Every page is written: the streamed index is told so, and Pagefind writes its bundle meanwhile."""
    if (search := plugin.build.search) is not None:
        search.seal()


def write_catalog_json(plugin: AtlasPlugin, config: MkDocsConfig) -> None:
    """catalog.json at the site root."""
    plugin.build.atlas.write_catalog_json(Path(config.site_dir))


def write_objects_inv(plugin: AtlasPlugin, config: MkDocsConfig) -> None:
    """objects.inv, from catalog.json and the anchors on the written pages.

    It reads every page; under `serve --dirty` the last full build's stays.
    """
    if plugin.build.rebuild.dirty:
        return
    site_dir = Path(config.site_dir)
    anchors = inventory.anchors_on_pages(site_dir)
    (site_dir / inventory.FILE_NAME).write_bytes(inventory.objects_inv(plugin.build.atlas.catalog_json(), config.site_name, anchors))


def write_search_index(plugin: AtlasPlugin, config: MkDocsConfig) -> None:
    """The search index of the whole site: pages and troubleshooting rows.

    Whole under `serve --dirty` too: the pages it did not rewrite are still in site_dir, and all are read. Under
    `serve` it runs after the build returns, so the edited page shows without waiting for it.
    """
    build, site_dir = plugin.build, Path(config.site_dir)
    if plugin.serving:
        plugin.background_index.index_soon(site_dir, build.atlas.search_documents, log_index_report)
    elif (search := build.search) is not None:
        build.search = None
        log_index_report(search.finish())
    else:  # ATLAS_SEARCH_STREAM=0
        log_index_report(index_site(site_dir, build.atlas.search_documents))


POST_BUILD_STEPS: list[Callable[[AtlasPlugin, MkDocsConfig], None]] = [
    seal_search_index, write_catalog_json, write_objects_inv, write_search_index,
]
