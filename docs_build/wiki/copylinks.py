"""Copy-link controls: an entry's or a troubleshooting row's URL, Markdown link and wiki link, one click each."""

from __future__ import annotations

from ..catalog import href
from ..pages import render

#: (format, button label, what the button copies); the formats are built in docs/assets/copylinks.js.
PAGE_FORMATS = [
    ("url", "URL", "the link to this page"),
    ("markdown", "Markdown", "a Markdown link to this page"),
    ("mediawiki", "Wiki", "a wiki link to this page (MediaWiki markup)"),
]
#: Rows already copy their URL with the ¶ beside the symptom.
ROW_FORMATS = [
    ("markdown", "MD", "a Markdown link to this row"),
    ("mediawiki", "Wiki", "a wiki link to this row (MediaWiki markup)"),
]


def copy_controls(from_src: str, url: str, title: str, *, row: bool = False) -> str:
    """The buttons on page `from_src` copying links to the site URL `url` (with its #anchor), titled `title`."""
    return render.render_template(
        "copy_links.html",
        path=url,
        root=href(from_src, "./"),
        title=" ".join(title.split()),
        formats=ROW_FORMATS if row else PAGE_FORMATS,
        compact=row,
    )
