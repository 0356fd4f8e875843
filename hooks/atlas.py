"""MkDocs hooks: each event is a method of one `AtlasPlugin` (docs_build/adapter/plugin.py).

MkDocs loads a hook module once per process, so this one object lives as long as `mkdocs serve`: what it keeps
across builds is made in its constructor, what one build uses in its `on_config`.
"""

from __future__ import annotations

from docs_build.adapter import AtlasPlugin

plugin = AtlasPlugin()

on_startup = plugin.on_startup
on_config = plugin.on_config
on_files = plugin.on_files
on_nav = plugin.on_nav
on_env = plugin.on_env
on_pre_page = plugin.on_pre_page
on_page_markdown = plugin.on_page_markdown
on_page_content = plugin.on_page_content
on_page_context = plugin.on_page_context
on_post_page = plugin.on_post_page
on_post_build = plugin.on_post_build
on_build_error = plugin.on_build_error
