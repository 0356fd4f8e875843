"""List every distinct pipe-table header of both corpora, with where it occurs: the worksheet for
the troubleshooting header labels (tests/data/tables/corpus_headers.yaml).

    python bench/table_census.py > /tmp/headers.yaml

A header's shape is its cells reduced to plain lowercase text; each shape is listed once with its
count, its first location and the headings above it there. Only candidate shapes are listed: a cell
with a problem, remedy or advice word (broader than any rule, so the labels can say no), or a
heading above the table with a troubleshooting word; the other shapes are counted.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs_build.catalog import build_catalog  # noqa: E402
from docs_build.markdown.tables import iter_tables, plain_text  # noqa: E402

CORPORA = ("corpus", "corpus-extra")
CELL_WORD_RE = re.compile(
    r"issue|problem|error|symptom|fail|cause|exception|bug|solution|fix|resol|remed|recover|workaround|mitigat|debug|"
    r"action|response|handl|avoid|instead|mistake|pitfall|wrong|correct|anti|troubl|check|diagnos|reason|why|do\b|don",
    re.I,
)
HEADING_WORD_RE = re.compile(r"troubl|issue|error|pitfall|mistake|fail|debug|problem|gotcha|anti-pattern|recover", re.I)


def main() -> int:
    """Print the census as YAML."""
    shapes: dict[tuple[str, ...], list[dict[str, object]]] = defaultdict(list)
    for corpus in CORPORA:
        catalog = build_catalog(ROOT.parent / "shared" / corpus)
        for entry in catalog.entries:
            for table in iter_tables(entry.body, entry.body_line):
                shape = tuple(plain_text(cell).lower() for cell in table.header)
                shapes[shape].append({
                    "where": f"{corpus}/{entry.source}:{table.line}",
                    "headings": [h.text for h in table.headings][-2:],
                    "first_row": [plain_text(c)[:60] for c in table.rows[0]] if table.rows else [],
                })
    candidates = {
        shape: seen for shape, seen in shapes.items()
        if any(CELL_WORD_RE.search(cell) for cell in shape) or any(HEADING_WORD_RE.search(h) for h in seen[0]["headings"])
    }
    items = [
        {"header": list(shape), "count": len(seen), "where": seen[0]["where"], "headings": seen[0]["headings"],
         "first_row": seen[0]["first_row"]}
        for shape, seen in sorted(candidates.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    yaml.safe_dump(items, sys.stdout, sort_keys=False, allow_unicode=True, width=200)
    print(f"# {len(items)} candidate shapes ({sum(i['count'] for i in items)} tables) of {len(shapes)} shapes "
          f"({sum(len(s) for s in shapes.values())} tables)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
