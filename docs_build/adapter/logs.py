"""Problems and build figures into MkDocs' log: one logger per problem code, so `--strict` fails on them."""

from __future__ import annotations

import logging

from ..model import Problem
from .search_index import SEARCH_FOLDER, IndexReport

log = logging.getLogger("mkdocs.plugins.docs_build")
LEVELS = {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.INFO}


def log_problems(problems: list[Problem]) -> None:
    """Each problem under `mkdocs.plugins.docs_build.<code>`, at its severity's level."""
    for problem in problems:
        logging.getLogger(f"{log.name}.{problem.code}").log(LEVELS[problem.severity], problem.format())


def log_index_report(outcome: IndexReport | Exception) -> None:
    """One line on the search index written, or why it could not be."""
    if isinstance(outcome, Exception):
        log.error("docs_build: search index not written: %s", outcome)
    else:
        log.info("docs_build: search index of %d pages and %d rows, %.1f MB in %s/ (%d files indexed as rendered)",
                 outcome.pages, outcome.documents, outcome.bytes / 1e6, SEARCH_FOLDER, outcome.streamed)
