"""Benchmark: snippets checked per second over a content directory, per language and overall.

Not a test: figures are printed, never asserted. Each language is checked repeatedly until a quarter
of a second has passed, so small groups still give a steady rate; Mermaid starts Node once per round.
Usage: python bench/snippets.py [CONTENT_DIR]   (default ../shared/corpus)
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict

from content_arg import content_dir_from_argv

MIN_SECONDS = 0.25
STATUSES = ("ok", "fragment", "failed", "unchecked", "skipped")


def main() -> int:
    """Lex once, then time the checkers language by language and all together."""
    content = content_dir_from_argv()
    if content is None:
        return 2
    from docs_build.catalog import build_catalog
    from docs_build.snippets import catalog_snippets, check_snippets
    from docs_build.snippets.diagrams import MermaidChecker
    from docs_build.snippets.registry import CHECKERS

    catalog = build_catalog(content)
    started = time.perf_counter()
    snippets = catalog_snippets(catalog)
    lex_seconds = time.perf_counter() - started
    print(f"{len(snippets)} snippets in {len(catalog.entries)} files; lexing {lex_seconds * 1000:.0f} ms "
          f"({len(snippets) / lex_seconds:,.0f}/s)")

    def fresh() -> dict:
        # A new Mermaid checker forgets the verdicts it remembers for rebuilds.
        return {**CHECKERS, "mermaid": MermaidChecker()}

    def timed(group: list) -> tuple[float, list]:
        rounds, elapsed, results = 0, 0.0, []
        while elapsed < MIN_SECONDS:
            checkers = fresh()
            started = time.perf_counter()
            results = check_snippets(group, checkers)
            elapsed += time.perf_counter() - started
            rounds += 1
        return elapsed / rounds, results

    by_language = defaultdict(list)
    for snippet in snippets:
        by_language[snippet.language or "(none)"].append(snippet)
    print(f"\n{'language':<12} {'snippets':>8} " + " ".join(f"{s:>9}" for s in STATUSES) + f" {'ms':>8} {'per s':>9}")
    for language, group in sorted(by_language.items(), key=lambda item: -len(item[1])):
        seconds, results = timed(group)
        counts = Counter(result.status for result in results)
        print(f"{language:<12} {len(group):>8} " + " ".join(f"{counts[s]:>9}" for s in STATUSES)
              + f" {seconds * 1000:>8.1f} {len(group) / seconds:>9,.0f}")

    seconds, results = timed(snippets)
    counts = Counter(result.status for result in results)
    checked = sum(counts[s] for s in ("ok", "fragment", "failed"))
    print(f"\nall: {len(snippets)} snippets ({checked} parsed) in {seconds:.2f} s: {len(snippets) / seconds:,.0f} snippets/s")
    others = [s for s in snippets if s.language != "mermaid"]
    seconds, _ = timed(others)
    print(f"without Mermaid (no Node start-up): {len(others)} in {seconds:.2f} s: {len(others) / seconds:,.0f} snippets/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
