"""The snippet feature: verdicts into catalog.json, problems and the "Snippet health" page."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..catalog import Catalog, href
from ..model import Analysis, GeneratedPage, Location, Problem
from ..pages import render
from .check import SnippetResult, catalog_snippets, check_snippets
from .lexer import OPT_OUT_ATTRIBUTE
from .outcome import STATUSES
from .registry import CHECKERS

HEALTH_PAGE = "snippets.md"
#: The first URL segments this feature's pages take; see catalog.collection_url.
URLS = frozenset({"snippets"})
OPT_OUT_EXAMPLE = "<!-- no-check: pseudo-code -->"


def analyse(catalog: Catalog) -> Analysis:
    """Check every snippet of every entry."""
    results = check_snippets(catalog_snippets(catalog), memory=catalog.memory)
    by_path: dict[str, list[SnippetResult]] = defaultdict(list)
    for result in results:
        by_path[result.snippet.path].append(result)
    counts = Counter(result.status for result in results)
    return Analysis(
        name="snippets",
        problems=[p for result in results if (p := result_problem(result))],
        entry_json={entry.id: {"snippets": [snippet_json(r) for r in by_path[entry.source]]} for entry in catalog.entries},
        pages=[render_health(results, catalog)],
        summary=f"{len(results)} snippets ({counts['failed']} failed)",
    )


def snippet_json(result: SnippetResult) -> dict[str, object]:
    """One snippet in catalog.json: fence line, language, status, and the error or the reason it was not checked."""
    return {
        "line": result.snippet.fence_line,
        "language": result.snippet.language,
        "status": result.status,
        "error": _error_text(result) or None,
    }


def result_problem(result: SnippetResult) -> Problem | None:
    """A failed snippet is an error at the Markdown line where parsing broke; an opt-out needs a reason."""
    snippet = result.snippet
    if result.status == "failed":
        line, column = result.position
        return Problem(
            Location(snippet.path, line), "error", "snippet-syntax",
            f"{snippet.language} snippet (fence at line {snippet.fence_line}) does not parse at column {column}: "
            f"{result.outcome.error}",
            f"fix the code; if it is deliberately not {snippet.language}, put {OPT_OUT_EXAMPLE} before the fence",
        )
    if OPT_OUT_ATTRIBUTE in snippet.attributes and not snippet.info.startswith("{"):
        return Problem(
            Location(snippet.path, snippet.fence_line), "warning", "snippet-opt-out-form",
            f"info string '{snippet.info}' is not understood by the page: the block shows as plain text",
            f"write it as {{.{snippet.word} {OPT_OUT_ATTRIBUTE}=\"why\"}} or put {OPT_OUT_EXAMPLE} before the fence",
        )
    if result.status == "skipped" and not snippet.opt_out:
        return Problem(
            Location(snippet.path, snippet.fence_line), "warning", "snippet-opt-out-reason",
            "snippet is opted out of checking without a reason", f"say why, e.g. {OPT_OUT_EXAMPLE}",
        )
    return None


def render_health(results: list[SnippetResult], catalog: Catalog) -> GeneratedPage:
    """The "Snippet health" page: counts per language and status, then every failure and opt-out."""
    urls = {entry.source: href(HEALTH_PAGE, entry.url) for entry in catalog.entries}
    per_language: dict[str, Counter[str]] = defaultdict(Counter)
    for result in results:
        per_language[result.snippet.language or "(none)"][result.status] += 1
    languages = sorted(per_language.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    rows = [
        (language, _parser(language), [counts[s] for s in STATUSES], sum(counts.values()))
        for language, counts in languages
    ]
    totals = Counter(result.status for result in results)
    unchecked = Counter((r.outcome.error, r.snippet.language or "(none)") for r in results if r.status == "unchecked")
    fragments = Counter((r.snippet.language, r.outcome.fragment) for r in results if r.status == "fragment")
    content = render.render_template(
        "snippets_health.html",
        total=len(results),
        totals=[(status, totals[status]) for status in STATUSES],
        statuses=STATUSES,
        rows=rows,
        failures=[_row(r, urls) for r in results if r.status == "failed"],
        skipped=[_row(r, urls) for r in results if r.status == "skipped"],
        unchecked=sorted(unchecked.items(), key=lambda item: (-item[1], item[0])),
        fragments=sorted(fragments.items(), key=lambda item: (-item[1], item[0])),
        opt_out_example=OPT_OUT_EXAMPLE,
    )
    return render.page(HEALTH_PAGE, "Snippet health", f"# Snippet health\n\n{content}", nav_section="Health")


def _row(result: SnippetResult, urls: dict[str, str]) -> dict[str, object]:
    """What the page shows of one failed or skipped snippet."""
    line, column = result.position if result.status == "failed" else (result.snippet.fence_line, 0)
    where = f"{result.snippet.path}:{line}" + (f":{column}" if column else "")
    return {
        "where": where,
        "url": urls.get(result.snippet.path),
        "language": result.snippet.language or "(none)",
        "message": _error_text(result),
        "source": result.source_line if result.status == "failed" else "",
    }


def _error_text(result: SnippetResult) -> str:
    """The error, the reason for not checking, or '' for a snippet that parsed."""
    if result.status == "skipped":
        return f"opted out: {result.snippet.opt_out or 'no reason given'}"
    if result.status == "fragment":
        return ""
    return result.outcome.error


def _parser(language: str) -> str:
    """What reads a language, for the table."""
    checker = CHECKERS.get(language)
    return checker.parser if checker else ""
