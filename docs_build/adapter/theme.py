"""Smaller pages for free: the theme's template whitespace removed, the page content untouched.

Material's templates leave an indented blank line for every template tag; on a page with a long sidebar
that was more than half of the HTML.
"""

from __future__ import annotations

import re

import jinja2
import jinja2.bccache

#: Where Material puts the page content; code blocks (whitespace that matters) live only inside it.
CONTENT_START = '<div class="md-content"'  # compat.MATERIAL_MARKUP
CONTENT_END = "</article>"
INDENTED_BREAKS_RE = re.compile(r"[ \t]*\n\s*")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept for the process: `mkdocs serve` makes a new environment every build."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def compact_templates(env: jinja2.Environment, bytecode: jinja2.BytecodeCache) -> jinja2.Environment:
    """Strip the line break after each block tag and the indentation before it (Jinja's own options).

    `bytecode`: compiled templates kept for the process (the plugin's), keyed by template name and source
    checksum, so an edited template recompiles.
    """
    env.trim_blocks = True  # compat.JINJA_THEME_ENV
    env.lstrip_blocks = True
    env.bytecode_cache = bytecode
    if env.cache is not None:
        env.cache.clear()  # templates compiled before this keep the old whitespace
    return env


def compact_page_html(html: str) -> str:
    """Fold each run of blank lines and indentation to one line break, outside the page content."""
    start = html.find(CONTENT_START)
    end = html.rfind(CONTENT_END)  # the last one: a page body may hold an </article> of its own
    if start < 0 or end < start:
        return INDENTED_BREAKS_RE.sub("\n", html) if "<pre" not in html else html
    return INDENTED_BREAKS_RE.sub("\n", html[:start]) + html[start:end] + INDENTED_BREAKS_RE.sub("\n", html[end:])
