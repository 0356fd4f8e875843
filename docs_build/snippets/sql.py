"""SQL with sqlglot: valid when any common dialect reads it, so Postgres or MySQL-only syntax passes.

tree-sitter-sql was measured and rejected: it accepts `SELECT FROM WHERE;` yet fails valid Postgres
(`EXPLAIN ANALYZE`, `DO $$ … $$`); sqlglot catches the broken statements and reads each dialect.
"""

from __future__ import annotations

import importlib.metadata
import logging
import re

import sqlglot
from sqlglot.errors import ParseError, SqlglotError

from .lexer import Snippet
from .outcome import Checker, Outcome, SyntaxProblem, failure

#: Dialects tried in order after the one the info string names (`postgresql`, `mysql`…).
DIALECTS: tuple[str | None, ...] = (None, "postgres", "mysql", "sqlite", "tsql", "bigquery", "snowflake", "duckdb", "oracle")
WORD_DIALECTS = {
    "postgres": "postgres", "postgresql": "postgres", "psql": "postgres", "pgsql": "postgres", "plpgsql": "postgres",
    "mysql": "mysql", "sqlite": "sqlite", "sqlite3": "sqlite", "tsql": "tsql", "mssql": "tsql",
    "bigquery": "bigquery", "snowflake": "snowflake", "duckdb": "duckdb", "clickhouse": "clickhouse",
    "oracle": "oracle", "plsql": "oracle",
}
TOKEN_RE = re.compile(r"<Token token_type: [\w.]+, text: (?P<text>.*?), line: \d+, col: \d+.*?>")
CLASS_RE = re.compile(r"<class '(?:[\w]+\.)*(?P<name>\w+)'>")
# sqlglot logs "contains unsupported syntax, falling back to a Command" for valid statements it does
# not model (VACUUM, EXPLAIN ANALYZE); the checker reports through outcomes only.
logging.getLogger("sqlglot").setLevel(logging.CRITICAL)


class SqlChecker(Checker):
    """sqlglot in the named dialect, then the common ones; the furthest error when none reads it."""

    parser = f"sqlglot {importlib.metadata.version('sqlglot')}"

    def check(self, snippet: Snippet) -> Outcome:
        """Parse with each dialect until one accepts the snippet."""
        hinted = WORD_DIALECTS.get(snippet.word)
        dialects = ((hinted,) if hinted else ()) + tuple(d for d in DIALECTS if d != hinted)
        problems = []
        for dialect in dialects:
            problem = _sql_problem(snippet.code, dialect)
            if problem is None:
                return Outcome("ok")
            problems.append(problem)
        return failure(max(problems, key=lambda p: (p.line, p.column)))


def _sql_problem(code: str, dialect: str | None) -> SyntaxProblem | None:
    try:
        sqlglot.parse(code, read=dialect)
    except ParseError as error:
        first = error.errors[0] if error.errors else {}
        highlight = first.get("highlight") or ""
        line = first.get("line") or 1
        column = max(1, (first.get("col") or 1) - len(highlight.split("\n")[-1]) + 1)
        return SyntaxProblem(_readable(first.get("description") or str(error)), line, column)
    except SqlglotError as error:  # tokenizer errors carry no position
        return SyntaxProblem(_readable(str(error).split("\n")[0]), 1, 1)
    return None


def _readable(message: str) -> str:
    """sqlglot's messages without its object reprs: `got <Token … text: WHERE …>` -> `got 'WHERE'`."""
    message = TOKEN_RE.sub(lambda m: f"'{m['text']}'", message)
    return CLASS_RE.sub(lambda m: m["name"], message)
