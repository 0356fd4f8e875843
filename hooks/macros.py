"""mkdocs-macros adapter: macros that hand-written pages (with `render_macros: true`) can call."""

from __future__ import annotations

from docs_build.matrix import coverage as matrix
from docs_build.troubleshooting import rows as troubleshooting


def define_env(env) -> None:
    """Register the macros; each reads the atlas of this build, computed once per build however many pages call it."""

    def atlas():
        """The Atlas of the current build (the plugin stores it in `extra`)."""
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
        found = atlas().computed(troubleshooting.collect_rows)
        return troubleshooting.render_rows(atlas().catalog, found.by_entry, page_src(), collection)

    @env.macro
    def framework_matrix(collection: str | None = None, heading_level: int = 3) -> str:
        """The framework matrix of one collection (or all): a heading and a table per ecosystem."""
        found = atlas().computed(matrix.collect_matrix)
        return matrix.render_matrix(atlas().catalog, found, page_src(), collection, heading_level)
