"""Give every snippet a verdict: skipped, unchecked with a reason, or what its language's checker says."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..cache import Memory
from ..catalog import Catalog
from .languages import prose_reason
from .lexer import Snippet, iter_snippets
from .outcome import Checker, Outcome
from .registry import CHECKERS


@dataclass(frozen=True)
class SnippetResult:
    """A snippet and its verdict, with the failure's position in the Markdown file."""

    snippet: Snippet
    outcome: Outcome

    @property
    def status(self) -> str:
        """ok, fragment, failed, unchecked or skipped."""
        return self.outcome.status

    @property
    def position(self) -> tuple[int, int]:
        """Markdown line and column of the failure (the first code line when there is none)."""
        return self.snippet.position(self.outcome.line or 1, self.outcome.column or 1)

    @property
    def source_line(self) -> str:
        """The offending line of the snippet, as written."""
        return self.snippet.source_line(self.outcome.line or 1)

    def describe(self) -> str:
        """`path:line:column: language snippet does not parse: message`, for failures."""
        line, column = self.position
        return f"{self.snippet.path}:{line}:{column}: {self.snippet.language} snippet does not parse: {self.outcome.error}"


def catalog_snippets(catalog: Catalog) -> list[Snippet]:
    """Every fenced block of every entry, in file order."""
    snippets: list[Snippet] = []
    for entry in catalog.entries:
        snippets += iter_snippets(entry.source, entry.body, entry.body_line, entry.unclosed_fences)
    return snippets


def check_snippets(snippets: list[Snippet], checkers: dict[str, Checker] | None = None,
                   memory: Memory | None = None) -> list[SnippetResult]:
    """Verdicts in the order given; each checker sees all its snippets at once (Mermaid runs Node once)."""
    # With the registry's checkers a verdict depends on the snippet alone: kept in `memory` for rebuilds.
    remembering = checkers is None and memory is not None
    checkers = CHECKERS if checkers is None else checkers
    outcomes: dict[int, Outcome] = {}
    batches: dict[str, list[int]] = defaultdict(list)
    for index, snippet in enumerate(snippets):
        if (settled := _settled(snippet, checkers)) is not None:
            outcomes[index] = settled
        elif remembering and (known := memory.recall(_verdict_key(snippet))) is not None:
            outcomes[index] = known
        else:
            batches[snippet.language].append(index)
    # Checkers working in another process start first, so they run while the others parse here.
    order = sorted(batches, key=lambda language: not checkers[language].background)
    pending = [(batches[language], checkers[language].start([snippets[i] for i in batches[language]]))
               for language in order]
    for indexes, finish in pending:
        for index, outcome in zip(indexes, finish()):
            outcomes[index] = outcome
            # An unchecked verdict (Node missing, a Mermaid timeout under load) is retried on the next build.
            if remembering and outcome.status != "unchecked":
                memory.remember(_verdict_key(snippets[index]), outcome)
    return [SnippetResult(snippet, outcomes[index]) for index, snippet in enumerate(snippets)]


def _verdict_key(snippet: Snippet) -> tuple[str, ...]:
    """What a checker's verdict depends on."""
    return (snippet.language, snippet.word, snippet.info, snippet.code)


def _settled(snippet: Snippet, checkers: dict[str, Checker]) -> Outcome | None:
    """The verdict of a snippet no parser reads, or None when its checker must decide."""
    if snippet.opt_out is not None:
        return Outcome("skipped", snippet.opt_out or "opted out without a reason")
    if snippet.unclosed:
        return Outcome("unchecked", f"its fence at line {snippet.fence_line} is never closed")
    if (reason := prose_reason(snippet.word)) is not None:
        return Outcome("unchecked", reason)
    if snippet.language not in checkers:
        return Outcome("unchecked", f"no parser for '{snippet.word}'")
    if not snippet.code.strip():
        return Outcome("unchecked", "empty block")
    return None
