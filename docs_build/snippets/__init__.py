"""Snippet checks: every fenced code block parsed by a real parser for its language.

lexer (fences -> Snippet) -> check (settled verdicts, then one checker per language from registry)
-> report (catalog.json, problems, the "Snippet health" page).
"""

from __future__ import annotations

from .check import SnippetResult, catalog_snippets, check_snippets
from .lexer import Snippet, iter_snippets
from .report import analyse

__all__ = ["Snippet", "SnippetResult", "analyse", "catalog_snippets", "check_snippets", "iter_snippets"]
