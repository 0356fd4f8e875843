"""Site search with Pagefind: an index written beside the built site, fetched in pieces by the browser.

`index_site(site_dir, documents)` indexes every page of a built site (the content marked
`data-pagefind-body` by overrides/main.html) and the features' own documents (troubleshooting rows),
and writes the bundle to `site_dir/pagefind/`; `StreamedIndex` makes the same bundle while the site is
built, page by page. `weights` says what weighs above body text.
"""

from __future__ import annotations

from .index import SEARCH_FOLDER, IndexReport, index_site, index_site_soon, indexed_fragments
from .stream import StreamedIndex, streaming_wanted
from .weights import card_weights, frontmatter_weight

__all__ = [
    "SEARCH_FOLDER", "IndexReport", "StreamedIndex", "card_weights", "frontmatter_weight", "index_site",
    "index_site_soon", "indexed_fragments", "streaming_wanted",
]
