"""mkdocs-macros adapter: macros that hand-written pages (with `render_macros: true`) can call."""

from __future__ import annotations


def define_env(env) -> None:
    """Register the macros; each reads the atlas built by hooks/atlas.py for this build."""

    def atlas():
        return env.conf["extra"]["atlas"]

    @env.macro
    def atlas_summary() -> str:
        """The build summary line, e.g. for an 'about' page."""
        return atlas().summary()
