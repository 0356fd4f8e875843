"""Remove active HTML (scripts, event handlers, javascript: links) from rendered entry pages.

Definition files are third-party text; their bodies may carry raw HTML. Markdown passes it through,
so the rendered page is cleaned with ammonia (nh3), keeping what Markdown and Material produce.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol",
    "p", "pre", "s", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul", "button", "svg", "path", "figure", "figcaption", "caption",
}
COMMON_ATTRIBUTES = {"class", "id", "title", "data-entry-id", "data-row-id", "data-line", "data-copy", "aria-label", "aria-hidden", "role"}
ALLOWED_ATTRIBUTES = {
    "*": COMMON_ATTRIBUTES,
    "a": {"href", "name", "download"},  # download: the file links of an entry's install section
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "checked", "disabled"},
    "th": {"style", "scope", "align"},
    "td": {"style", "align"},
    "ol": {"start"},
    "details": {"open"},
    "svg": {"viewbox", "xmlns", "width", "height"},
    "path": {"d"},
}


def clean_html(html: str) -> str:
    """Drop scripts, handlers and unknown tags (keeping their text) from one page's HTML."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        generic_attribute_prefixes={"data-"},
        filter_style_properties={"text-align"},
        link_rel=None,
    )
