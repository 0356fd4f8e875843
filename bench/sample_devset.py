"""Draw the handoff development set: a reproducible, stratified sample of lines from both corpora.

    python bench/sample_devset.py [--out tests/data/handoffs/devset] [--seed 8] [--per-collection 18 6]

Sampling (also written into each file's header):
- population: every line outside code fences of every agent and skill body, plus the lines of the
  frontmatter `description`, in each collection of ../shared/corpus and ../shared/corpus-extra;
- stratum A, "mentions a known name": the line contains, as a whole token (case-insensitive, not
  part of a longer word or slug), the frontmatter name or file stem of another file of the same
  collection, or an "Agent N" number; up to PER_COLLECTION_A lines per collection;
- stratum B, "candidate without a known name": no known name, but a relation or agent word
  (delegate, hand off, invoke, spawn, route, escalate, collaborate, upstream, agent, skill, →…);
  up to PER_COLLECTION_B lines per collection;
- each stratum is sampled with random.Random(f"{SEED}:{collection}:{stratum}") from its lines in
  path and line order, so the draw is the same on every machine.
The names come from a plain reading of the files (frontmatter `name:` line, file stem, SKILL.md
folder), not from the extraction code under test.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"corpus": ROOT.parent / "shared" / "corpus", "corpus-extra": ROOT.parent / "shared" / "corpus-extra"}
SEED = 8
PER_COLLECTION_A = 18
PER_COLLECTION_B = 6
MIN_NAME_CHARS = 3
FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
NAME_LINE_RE = re.compile(r"^name:\s*['\"]?(?P<name>[^'\"#]+?)['\"]?\s*$")
TOP_KEY_RE = re.compile(r"^[A-Za-z_][\w-]*\s*:")
NUMBER_RE = re.compile(r"\bAgents?\s+\d{1,2}\b", re.I)
CUE_RE = re.compile(
    r"\b(?:delegat\w*|hand(?:s|ed|ing)?[- ]?offs?|handoffs?|escalat\w*|invok\w*|spawn\w*|dispatch\w*|rout(?:e|es|ed|ing)|"
    r"sub-?agents?|agents?|skills?|collaborat\w*|coordinat\w*|upstream|downstream|defer\w*)\b|→|->",
    re.I,
)
HEADER = """\
# Handoff development set: {collection} ({corpus}). Labelled by tests/data/handoffs/RULES.md.
# Sampling (bench/sample_devset.py, seed {seed}): lines outside code fences of every body, plus the
# frontmatter description lines; stratum A = lines naming another file of the collection by its
# frontmatter name or stem as a whole token, or "Agent N" (up to {a} drawn); stratum B = lines with
# a relation or agent word but no known name (up to {b} drawn). random.Random("{seed}:<collection>:<stratum>").
# Fields: path (inside the collection), line, text (the line as written), stratum, label
# (handoff | related | none), targets (file inside the collection or null, name as written,
# direction to | from | both), why (the rule applied).
"""


def definition_files(collection: Path) -> list[Path]:
    """Agent and skill files of a collection: every .md but licences and READMEs."""
    skip = {"license.md", "readme.md", "sources.md"}
    return sorted(p for p in collection.rglob("*.md") if p.name.lower() not in skip)


def file_names(path: Path, collection: Path) -> set[str]:
    """What a reader calls the file: its stem (folder of a SKILL.md) and its frontmatter name."""
    stem = path.parent.name if path.name.lower() == "skill.md" else path.stem
    names = {stem.lower()}
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    if lines and lines[0].strip() == "---":
        for line in lines[1:60]:
            if line.strip() == "---":
                break
            if match := NAME_LINE_RE.match(line):
                names.add(match["name"].strip().lower())
    return {n for n in names if len(n) >= MIN_NAME_CHARS}


def prose_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the description and of body lines outside fences."""
    lines = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").split("\n")
    found: list[tuple[int, str]] = []
    index = 0
    if lines and lines[0].strip() == "---":
        in_description = False
        for index in range(1, len(lines)):
            line = lines[index]
            if line.strip() in ("---", "..."):
                index += 1
                break
            if TOP_KEY_RE.match(line):
                in_description = line.startswith("description")
            if in_description and line.strip():
                found.append((index + 1, line))
        else:
            index = 0
    fence = ""
    for number in range(index, len(lines)):
        line = lines[number]
        if match := FENCE_RE.match(line):
            marker = match[1]
            if not fence:
                fence = marker
                continue
            if marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
                continue
        if not fence and line.strip():
            found.append((number + 1, line))
    return found


def name_pattern(names: set[str]) -> re.Pattern[str]:
    """One alternation of every name, as whole tokens."""
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I)


def sample_collection(collection: Path, seed: int, size_a: int, size_b: int) -> list[dict[str, object]]:
    """The drawn lines of one collection, in path and line order."""
    files = definition_files(collection)
    names = {path: file_names(path, collection) for path in files}
    strata: dict[str, list[dict[str, object]]] = {"A": [], "B": []}
    for path in files:
        others = set().union(*(n for p, n in names.items() if p != path)) - names[path]
        pattern = name_pattern(others) if others else None
        for number, text in prose_lines(path):
            if len(text) > 2000:
                continue
            item = {"path": path.relative_to(collection).as_posix(), "line": number, "text": text.strip()}
            if (pattern and pattern.search(text)) or NUMBER_RE.search(text):
                strata["A"].append({**item, "stratum": "A"})
            elif CUE_RE.search(text):
                strata["B"].append({**item, "stratum": "B"})
    drawn = []
    for stratum, size in (("A", size_a), ("B", size_b)):
        rng = random.Random(f"{seed}:{collection.name}:{stratum}")
        pool = strata[stratum]
        drawn += rng.sample(pool, min(size, len(pool)))
    return sorted(drawn, key=lambda item: (item["path"], item["line"]))


def main() -> int:
    """Write one worksheet per collection."""
    import yaml

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "tests" / "data" / "handoffs" / "devset"))
    parser.add_argument("--seed", type=int, default=SEED, help="another seed draws a held-out set")
    parser.add_argument("--per-collection", type=int, nargs=2, default=(PER_COLLECTION_A, PER_COLLECTION_B), metavar=("A", "B"))
    args = parser.parse_args()
    out, seed, (size_a, size_b) = Path(args.out), args.seed, args.per_collection
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for corpus, folder in CORPORA.items():
        if not folder.is_dir():
            print(f"{folder} is missing", file=sys.stderr)
            return 1
        for collection in sorted(p for p in folder.iterdir() if p.is_dir()):
            items = sample_collection(collection, seed, size_a, size_b)
            for item in items:
                item.update(label=None, targets=[], why="")
            target = out / f"{collection.name}.yaml"
            header = HEADER.format(collection=collection.name, corpus=corpus, seed=seed, a=size_a, b=size_b)
            body = yaml.safe_dump({"corpus": corpus, "collection": collection.name, "lines": items},
                                  sort_keys=False, allow_unicode=True, width=200)
            target.write_text(header + body, encoding="utf-8")
            total += len(items)
            print(f"{collection.name}: {len(items)} lines")
    print(f"{total} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
