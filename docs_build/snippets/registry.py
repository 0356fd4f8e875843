"""Which checker reads which language; a new language is one entry here."""

from __future__ import annotations

import dataclasses
import re

from .data import (
    JsoncChecker,
    JsonChecker,
    JsonLinesChecker,
    PythonChecker,
    TomlChecker,
    YamlChecker,
)
from .diagrams import MermaidChecker
from .grammars import TREE_SITTER
from .lexer import Snippet
from .outcome import Checker, Outcome, SyntaxProblem, failure
from .sql import SqlChecker

PROMPT_RE = re.compile(r"^(?P<prompt>\s*(?:\$|#|%|❯|>)\s)(?P<command>.*)$")


class ConsoleChecker(Checker):
    """A shell session: the commands after `$ ` prompts are Bash; what they print is not checked."""

    def __init__(self, bash: Checker) -> None:
        self.bash = bash
        self.parser = bash.parser + ", prompt lines only"

    def check(self, snippet: Snippet) -> Outcome:
        """Check each prompted command (with its `\\` continuation lines); no prompts: all of it is Bash."""
        lines = snippet.code.split("\n")
        if not any(PROMPT_RE.match(line) for line in lines):
            return self.bash.check(snippet)
        index = 0
        while index < len(lines):
            match = PROMPT_RE.match(lines[index])
            if not match:
                index += 1
                continue
            first, command = index, [match["command"]]
            while command[-1].endswith("\\") and index + 1 < len(lines):
                index += 1
                command.append(lines[index])
            outcome = self.bash.check(_replace(snippet, "\n".join(command)))
            if outcome.status == "failed":
                line = first + (outcome.line or 1)
                column = (outcome.column or 1) + (len(match["prompt"]) if line == first + 1 else 0)
                return failure(SyntaxProblem(outcome.error, line, column))
            index += 1
        return Outcome("ok")


def _replace(snippet: Snippet, code: str) -> Snippet:
    """The same snippet with other code (positions are remapped by the caller)."""
    return dataclasses.replace(snippet, code=code, offsets=())


CHECKERS: dict[str, Checker] = {
    "python": PythonChecker(),
    "json": JsonChecker(),
    "jsonc": JsoncChecker(),
    "jsonl": JsonLinesChecker(),
    "yaml": YamlChecker(),
    "toml": TomlChecker(),
    "sql": SqlChecker(),
    "mermaid": MermaidChecker(),
    **TREE_SITTER,
    "console": ConsoleChecker(TREE_SITTER["bash"]),
}
