"""Search documents that are parts of pages (a troubleshooting row), as the HTML an indexer reads."""

from __future__ import annotations

from ..model import SearchDocument
from ..pages import render


def document_html(document: SearchDocument) -> str:
    """The HTML indexed for one document: its title as the heading, each field a paragraph."""
    return render.render_template("search_document.html", document=document)
