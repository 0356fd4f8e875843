"""Every limit of the build in one table: sizes, depths, counts and times, each with why it is what it is.

Collections are untrusted text: each limit keeps one file from costing the build (or a reader) more than its
share. The code that applies a limit imports it from here, so this file is the whole list.
"""

from __future__ import annotations

# --- Frontmatter: YAML past these is read leniently (frontmatter-too-nested)

#: YAML aliases can make a value refer to itself or expand exponentially; past these limits the
#: frontmatter is read leniently instead, so no feature walks (or renders) it forever.
MAX_META_NODES = 20_000
MAX_META_DEPTH = 40

# --- Frontmatter values on the card (values.py: long text cut, lists shortened, nesting summarised)

MAX_TEXT_CHARS = 10_000
MAX_ITEMS = 200  # per list or mapping
MAX_DEPTH = 12  # levels of lists and mappings below the field (the seeds' JSON schemas reach 8)

# --- Page size: a file too large for one page is shown in part (pagecut.py, file-too-large)

#: What a page may weigh, theme and sidebar included; the file's part is kept to CONTENT_BUDGET of it.
PAGE_LIMIT = 2 * 2**20
CONTENT_BUDGET = 1_400_000
#: Estimated HTML bytes per character and per line (measured on the corpus: code pages run to 10x their
#: source; one-character tokens to 25x). A table row becomes a troubleshooting row when its table is one: its
#: anchor, link and copy buttons weigh about 870 bytes whatever its text (a 20,000-row table made a 2.5 MB page).
CODE_COST = (25, 90)
TABLE_COST = (8, 900)
PROSE_COST = (4, 30)

# --- Markdown read in linear time (bounds.py, markup-bounded)

#: More unclosed openers than this in one block (or '<tag's in one file) are escaped; fewer cost little.
MAX_UNCLOSED = 16
#: Brackets nested deeper than this are escaped: each level makes every enclosing '[' rescan its text.
MAX_BRACKET_DEPTH = 8
#: Headings with one text beyond this many: Python-Markdown's toc renumbers each against all its twins.
MAX_SAME_HEADING = 100
#: Python-Markdown's heading pattern is lazy: a 50 KB heading line took 3 s. Longer headings are paragraphs.
MAX_HEADING_CHARS = 1_000
#: Blockquote markers ('> > > …') deeper than this on one line are shown as text.
MAX_QUOTE_DEPTH = 16
#: Python-Markdown parses nested lists by recursion: 300 levels (by indentation, or '1. 1. 1. …' on one line)
#: raise RecursionError and stop the whole build. Deeper list markers and indentation are cut back.
MAX_LIST_DEPTH = 16
MAX_INDENT = 4 * MAX_LIST_DEPTH
#: Each fenced block costs Python-Markdown a highlighter run (12,500 empty blocks in 50 KB took 2 s); past this
#: many (the corpora's most is 55), the rest of the file is shown as one block of text.
MAX_FENCES = 500
#: Python-Markdown also recurses per definition of a definition list written without blank lines, and per
#: element of HTML nested with `markdown="1"`: past these counts each definition gets a blank line before its
#: term, and every such attribute is renamed `data-markdown` (the HTML is kept, its content shown as written).
MAX_TIGHT_DEFINITIONS = 100
MAX_MARKDOWN_ATTRIBUTES = 50
MAX_HTML_DEPTH = 50  # elements nested inside a markdown="1" one are recursed into as well
#: Python-Markdown rebuilds a paragraph's text for every inline match (escape, emphasis, code), so a paragraph
#: costs its length times its matches: one longer than this with more markup characters than MAX_BLOCK_MARKUP
#: is split into paragraphs. The corpora's longest paragraph has 1,228 characters.
MAX_BLOCK_CHARS = 2_000
MAX_BLOCK_MARKUP = 200

# --- Time: the last line of defence (budget.py, slow-page)

#: Seconds a page may take to render: a base plus a share per 100 KB of its Markdown. Bounds (bounds.py)
#: keep every known construct far below this; a page over it is a construct nobody has bounded yet.
BASE_SECONDS = 2.0
SECONDS_PER_100KB = 2.0

# --- Problems listed per file and code (problemcap.py)

#: Problems of one code in one file beyond this are counted in one summary problem.
MAX_PER_FILE_AND_CODE = 20

# --- URLs (catalog.py, long-url-segment)

#: A URL segment is a folder of the built site: file systems allow 255 bytes, some far fewer (eCryptfs 143),
#: and a path is written below the site folder, so longer segments are cut and given a hash of the whole.
MAX_SEGMENT_CHARS = 100

# --- The troubleshooting hub: split by collection past these (hubsplit.py)

#: At most this many rows on one hub page: a keystroke in its filter walks every row (bench/hub.py measures it).
MAX_ROWS = 1000
#: At most this many bytes of rows on one hub page (estimated), far under the 2 MB every page must stay within.
MAX_BYTES = 1_000_000
#: The row's markup around its text (tags, ids, classes, relative links, titles): the corpus hub's 730 rows
#: are 700 KB.
ROW_OVERHEAD = 480

# --- Downloads (plugins/downloads.py)

#: A skill's folder past this many bytes gets no .zip (its page says so): a download must stay a download.
MAX_SKILL_ZIP_BYTES = 20 * 2**20
