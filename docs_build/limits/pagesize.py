"""The page-size feature: a note at the top of each page that shows its file in part (see pagecut)."""

from __future__ import annotations

from ..catalog import Catalog
from ..model import Analysis
from ..pages import render


def analyse(catalog: Catalog) -> Analysis:
    """A note at the top of each page that shows its file in part."""
    by_id = {entry.id: entry.cut_note for entry in catalog.entries if entry.cut_note is not None}

    def transform(entry_id: str, page_html: str) -> str:
        if entry_id not in by_id:
            return page_html
        note = render.render_template("page_cut.html", message=by_id[entry_id])
        head, found, rest = page_html.partition("</h1>")
        return head + found + note + rest if found else note + page_html

    return Analysis("pagesize", html_transform=transform, summary=f"{len(by_id)} files shown in part" if by_id else "")
