"""What checking one snippet found, and the small contract every checker follows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from .lexer import Snippet

Status = Literal["ok", "fragment", "failed", "unchecked", "skipped"]
STATUSES: tuple[Status, ...] = ("ok", "fragment", "failed", "unchecked", "skipped")


@dataclass(frozen=True)
class SyntaxProblem:
    """A parser's complaint about some text, at a 1-based line and column of that text."""

    message: str
    line: int
    column: int


@dataclass(frozen=True)
class Outcome:
    """The verdict on one snippet; line and column are 1-based in the snippet's own code."""

    status: Status
    error: str = ""  # why it failed, or why it was not checked
    line: int | None = None
    column: int | None = None
    fragment: str = ""  # the wrapper that made it parse, for status "fragment"


@dataclass(frozen=True)
class Wrapper:
    """A documented way to read a fragment: code goes between prefix and suffix.

    Prefixes end with a newline, so a wrapped snippet keeps its columns and shifts by whole lines.
    """

    name: str  # 'class body', 'method body'…
    prefix: str
    suffix: str = ""

    def wrap(self, code: str) -> str:
        """The code inside the wrapper."""
        return self.prefix + code + self.suffix

    def unwrap(self, problem: SyntaxProblem, code: str) -> SyntaxProblem:
        """A problem in the wrapped text, moved back onto the snippet's own lines."""
        last = code.count("\n") + 1
        line = problem.line - self.prefix.count("\n")
        if line < 1:
            return SyntaxProblem(problem.message, 1, 1)
        if line > last:
            return SyntaxProblem(problem.message, last, len(code.split("\n")[-1]) + 1)
        return SyntaxProblem(problem.message, line, problem.column)


def failure(problem: SyntaxProblem) -> Outcome:
    """A failed outcome at the problem's position."""
    return Outcome("failed", problem.message, problem.line, problem.column)


class Checker:
    """Checks snippets of one language; subclasses implement `check`, batch checkers `start`."""

    #: What does the parsing, for the health page ('Python ast', 'tree-sitter-go 0.25.0').
    parser: str = ""
    #: Works in another process: started before the others so that both run at once.
    background: bool = False

    def check(self, snippet: Snippet) -> Outcome:
        """The verdict on one snippet."""
        raise NotImplementedError

    def check_all(self, snippets: list[Snippet]) -> list[Outcome]:
        """Verdicts in the order given."""
        return self.start(snippets)()

    def start(self, snippets: list[Snippet]) -> Callable[[], list[Outcome]]:
        """Begin checking; the returned function gives the verdicts (Mermaid works meanwhile in Node)."""
        outcomes = [self.check(snippet) for snippet in snippets]
        return lambda: outcomes
