"""mkdocs-macros adapter: macros that hand-written pages (with `render_macros: true`) can call."""

from __future__ import annotations

from typing import Any, Callable

from docs_build.matrix import coverage as matrix
from docs_build.troubleshooting import rows as troubleshooting


def define_env(env) -> None:
    """Register the macros; each reads the atlas built by hooks/atlas.py for this build."""

    def atlas():
        """The Atlas of the current build (hooks/atlas.py stores it in `extra`)."""
        return env.conf["extra"]["atlas"]

    def page_src() -> str:
        """The calling page's source path, so that links are relative to it."""
        return env.page.file.src_uri

    @env.macro
    def atlas_summary() -> str:
        """The build summary line, e.g. for an 'about' page."""
        return atlas().summary()

    @env.macro
    def troubleshooting_table(collection: str | None = None) -> str:
        """The troubleshooting rows of one collection (or all), filterable and sortable, as HTML."""
        catalog = atlas().catalog
        found = _per_catalog(catalog, troubleshooting.collect_rows)
        return troubleshooting.render_rows(catalog, found.by_entry, page_src(), collection)

    @env.macro
    def framework_matrix(collection: str | None = None, heading_level: int = 3) -> str:
        """The framework matrix of one collection (or all): a heading and a table per ecosystem."""
        catalog = atlas().catalog
        found = _per_catalog(catalog, matrix.collect_matrix)
        return matrix.render_matrix(catalog, found, page_src(), collection, heading_level)


_CACHE: dict[Callable[..., Any], tuple[object, Any]] = {}


def _per_catalog(catalog: object, compute: Callable[[Any], Any]) -> Any:
    """`compute(catalog)`, computed once per build however many macros call it."""
    cached = _CACHE.get(compute)
    if cached is None or cached[0] is not catalog:
        cached = _CACHE[compute] = (catalog, compute(catalog))
    return cached[1]
