"""Handoff accuracy against the labelled development set (tests/data/handoffs/devset/*.yaml).

    python bench/accuracy.py            # `make accuracy`: one row per collection, then the totals
    python bench/accuracy.py --heldout  # the same on tests/data/handoffs/heldout (never used to tune the code)

Line level: a labelled line is a true handoff line when its label is `handoff`; the code finds it when
it reports at least one handoff (not a cross-reference) on that line of that file. Targets: of the
labelled targets that are files of the collection, the share the code resolves, on that line, to
that very file. Cross-references (`related`) are scored the same way, apart.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs_build.catalog import build_catalog  # noqa: E402
from docs_build.handoffs import find_handoffs  # noqa: E402

DEVSET = ROOT / "tests" / "data" / "handoffs" / "devset"
HELDOUT = ROOT / "tests" / "data" / "handoffs" / "heldout"
SHARED = ROOT.parent / "shared"


@dataclass
class Score:
    """Counts for one collection (or all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    targets: int = 0
    resolved: int = 0
    related_tp: int = 0
    related_fp: int = 0
    related_fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Fold another score into this one."""
        for name in ("tp", "fp", "fn", "targets", "resolved", "related_tp", "related_fp", "related_fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def resolution(self) -> float:
        return self.resolved / self.targets if self.targets else 1.0


def load_devset(folder: Path = DEVSET) -> list[dict]:
    """Every labelled worksheet of a folder: {corpus, collection, lines}."""
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yaml"))]


def predictions(corpus: str) -> dict[tuple[str, int], dict[str, set[str | None]]]:
    """(source path, line) -> {"handoff": target sources, "related": target sources} as the code finds them."""
    catalog = build_catalog(SHARED / corpus)
    found: dict[tuple[str, int], dict[str, set[str | None]]] = defaultdict(lambda: defaultdict(set))
    for handoff in find_handoffs(catalog):
        source = catalog.by_id[handoff.source].source
        target = catalog.by_id[handoff.target].source if handoff.target else None
        found[(source, handoff.ref.line)][handoff.ref.type].add(target)
    return found


def score(sheets: list[dict]) -> dict[str, Score]:
    """A Score per collection."""
    cache: dict[str, dict] = {}
    scores: dict[str, Score] = {}
    for sheet in sheets:
        corpus, collection = sheet["corpus"], sheet["collection"]
        if corpus not in cache:
            cache[corpus] = predictions(corpus)
        found = cache[corpus]
        result = scores.setdefault(collection, Score())
        for item in sheet["lines"]:
            where = (f"{collection}/{item['path']}", item["line"])
            got = found.get(where, {})
            gold, predicted = item["label"] == "handoff", bool(got.get("handoff"))
            result.tp += gold and predicted
            result.fp += predicted and not gold
            result.fn += gold and not predicted
            if gold != predicted:
                result.misses.append(f"{'FN' if gold else 'FP'} {collection}/{item['path']}:{item['line']}: {item['text'][:110]}")
            gold_related, predicted_related = item["label"] == "related", bool(got.get("related"))
            result.related_tp += gold_related and predicted_related
            result.related_fp += predicted_related and not gold_related
            result.related_fn += gold_related and not predicted_related
            if gold:
                for target in item["targets"]:
                    if target.get("file"):
                        result.targets += 1
                        result.resolved += f"{collection}/{target['file']}" in got.get("handoff", set())
    return scores


def main() -> int:
    """Print the table."""
    if not (SHARED / "corpus").is_dir():
        print(f"{SHARED} is missing: the development set is drawn from ../shared/corpus and ../shared/corpus-extra")
        return 1
    sheets = load_devset(HELDOUT if "--heldout" in sys.argv else DEVSET)
    scores = score(sheets)
    total = Score()
    print(f"{'collection':48} {'lines':>5} {'gold':>4} {'prec':>5} {'rec':>5} {'targets':>7} {'resolved':>8}")
    for sheet in sheets:
        name = sheet["collection"]
        s = scores[name]
        total.add(s)
        print(f"{name:48} {len(sheet['lines']):5} {s.tp + s.fn:4} {s.precision:5.2f} {s.recall:5.2f} {s.targets:7} {s.resolution:8.2f}")
    lines = sum(len(sheet["lines"]) for sheet in sheets)
    print(f"{'all':48} {lines:5} {total.tp + total.fn:4} {total.precision:5.2f} {total.recall:5.2f} {total.targets:7} {total.resolution:8.2f}")
    related = total.related_tp + total.related_fn
    print(f"cross-references: {related} labelled, {total.related_tp} found, {total.related_fp} found where the label is not 'related'")
    if "-v" in sys.argv:
        print("\n".join(total.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
