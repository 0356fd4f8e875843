"""Snippet checks: every fenced code block parsed by a real parser for its language.

lexer (fences -> Snippet) -> check (settled verdicts, then one checker per language from registry)
-> report (catalog.json, problems, the "Snippet health" page).
"""

from __future__ import annotations

from .check import SnippetResult, catalog_snippets, check_snippets
from .lexer import Snippet, iter_snippets
from .registry import CHECKERS
from .report import analyse


def warm_up() -> None:
    """Start the checkers that take long to start (Node for Mermaid) while the content is still being read."""
    _each_checker("warm_up")


def cool_down() -> None:
    """End what warm_up started and no check used (content without diagrams)."""
    _each_checker("cool_down")


def forget_in_fork() -> None:
    """In a forked child: let go of what warm_up started (it belongs to the parent)."""
    _each_checker("forget_in_fork")


def _each_checker(method: str) -> None:
    """Call `method` on every checker that has it (only some start a process of their own)."""
    for checker in CHECKERS.values():
        if (call := getattr(checker, method, None)) is not None:
            call()


__all__ = ["Snippet", "SnippetResult", "analyse", "catalog_snippets", "check_snippets", "cool_down", "forget_in_fork",
           "iter_snippets", "warm_up"]
