"""Troubleshooting-table accuracy against the labelled header shapes, and what both corpora yield.

    python bench/table_accuracy.py      # part of `make accuracy`

Shapes: tests/data/tables/corpus_headers.yaml (every candidate header of both corpora, labelled by
tests/data/tables/RULES.md), each decided with the headings above its first table; counted once per
shape and once per table. Then the tables and rows found in each collection of both corpora.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs_build.catalog import build_catalog  # noqa: E402
from docs_build.troubleshooting.columns import header_roles  # noqa: E402
from docs_build.troubleshooting.rows import collect_rows  # noqa: E402

SHAPES = ROOT / "tests" / "data" / "tables" / "corpus_headers.yaml"
SHARED = ROOT.parent / "shared"


def shape_scores() -> tuple[dict[str, float], list[str]]:
    """Precision and recall over labelled shapes (and over tables), and the disagreements."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tp_tables": 0, "fp_tables": 0, "fn_tables": 0}
    wrong = []
    for item in yaml.safe_load(SHAPES.read_text(encoding="utf-8")):
        predicted = header_roles(item["header"], item["headings"]) is not None
        gold = item["troubleshooting"]
        kind = "tp" if gold and predicted else "fp" if predicted else "fn" if gold else None
        if kind:
            counts[kind] += 1
            counts[f"{kind}_tables"] += item["count"]
        if gold != predicted:
            wrong.append(f"{'FP' if predicted else 'FN'} {' | '.join(item['header'])}  (under {item['headings'][-1:]})")

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 1.0

    return {
        "precision": ratio(counts["tp"], counts["fp"]), "recall": ratio(counts["tp"], counts["fn"]),
        "table precision": ratio(counts["tp_tables"], counts["fp_tables"]),
        "table recall": ratio(counts["tp_tables"], counts["fn_tables"]), "shapes": counts["tp"] + counts["fn"],
    }, wrong


def main() -> int:
    """Print the scores and the per-collection yield."""
    scores, wrong = shape_scores()
    print(f"labelled troubleshooting shapes: {scores['shapes']}; shapes precision {scores['precision']:.2f} "
          f"recall {scores['recall']:.2f}; tables precision {scores['table precision']:.2f} recall {scores['table recall']:.2f}")
    if "-v" in sys.argv:
        print("\n".join(wrong))
    for corpus in ("corpus", "corpus-extra"):
        if not (SHARED / corpus).is_dir():
            continue
        catalog = build_catalog(SHARED / corpus)
        found = collect_rows(catalog)
        rows = found.rows_per_collection(catalog)
        for collection in catalog.collections:
            print(f"  {corpus}/{collection}: {found.tables[collection]} tables, {rows[collection]} rows")
        print(f"{corpus}: {sum(found.tables.values())} tables, {sum(rows.values())} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
