"""Snippet checks on in-memory Markdown: lexing, positions, verdicts, opt-outs and the report."""

from __future__ import annotations

import importlib
import logging
import warnings

import pytest

from docs_build.snippets import check_snippets, iter_snippets
from docs_build.snippets.diagrams import MermaidChecker
from docs_build.snippets.grammars import TREE_SITTER, parser_for
from docs_build.snippets.languages import normalise
from docs_build.snippets.lexer import parse_info
from docs_build.snippets.registry import CHECKERS
from docs_build.snippets.report import result_problem, snippet_json


def check(markdown: str, first_line: int = 1):
    """Lex and check a Markdown body whose first line is `first_line`."""
    return check_snippets(iter_snippets("c/agents/a.md", markdown, first_line))


def test_snippet_keeps_fence_and_first_code_line() -> None:
    """Fence line and first code line are counted from the body's line in its file."""
    [snippet] = iter_snippets("a.md", "Intro\n\n```python\nx = 1\n```\n", 10)
    assert (snippet.fence_line, snippet.code_line, snippet.language) == (12, 13, "python")


def test_tilde_and_long_fences() -> None:
    """Tilde fences and four-backtick fences around ``` blocks are snippets with their own language."""
    text = "~~~yaml\na: 1\n~~~\n\n````markdown\n```js\nx\n```\n````\n"
    snippets = iter_snippets("a.md", text, 1)
    assert [(s.language, s.fence_line) for s in snippets] == [("yaml", 1), ("markdown", 5)]


def test_indented_fence_in_list_maps_columns() -> None:
    """A fence indented in a list item reports the Markdown column, indentation included."""
    text = "1. Step\n\n   ```json\n   {\"a\": 1,}\n   ```\n"
    [result] = check(text)
    assert result.status == "failed"
    assert result.position == (4, 12)


@pytest.mark.parametrize(
    ("info", "language", "attributes"),
    [
        ('python title="x.py"', "python", {"title": "x.py"}),
        ('ts hl_lines="2"', "typescript", {"hl_lines": "2"}),
        ('{.python no-check="pseudo-code"}', "python", {"no-check": "pseudo-code"}),
        ("TSX", "typescript", {}),
        ("golang", "go", {}),
        ("terraform", "hcl", {}),
        ("shell", "bash", {}),
        ("yml", "yaml", {}),
        ("py3", "python", {}),
        ("docker", "dockerfile", {}),
    ],
)
def test_info_string_language_and_attributes(info: str, language: str, attributes: dict) -> None:
    """The info string splits into a normalised language and its attributes."""
    word, found = parse_info(info)
    assert (normalise(word), found) == (language, attributes)


def test_prose_and_unknown_languages_are_unchecked_with_reason() -> None:
    """No language, text, diff and unknown languages are counted as unchecked, each with a reason."""
    text = "```\nx\n```\n```text\nx\n```\n```diff\n-x\n```\n```cedar\npermit(x);\n```\n"
    reasons = [(r.status, r.outcome.error) for r in check(text)]
    assert reasons == [
        ("unchecked", "no language given"),
        ("unchecked", "plain text"),
        ("unchecked", "a diff"),
        ("unchecked", "no parser for 'cedar'"),
    ]


def test_opt_out_comment_and_attribute() -> None:
    """An HTML comment before the fence or a no-check attribute skips the block, keeping the reason."""
    text = "<!-- no-check: Python 2 example -->\n\n```python\nprint 'x'\n```\n\n```{.json no-check=\"sketch\"}\n{...}\n```\n"
    assert [(r.status, r.outcome.error) for r in check(text)] == [
        ("skipped", "Python 2 example"),
        ("skipped", "sketch"),
    ]


def test_opt_out_without_reason_is_a_warning() -> None:
    """A no-check marker with no reason still skips the block but is reported."""
    [result] = check("<!-- no-check -->\n```json\n{...}\n```\n")
    problem = result_problem(result)
    assert result.status == "skipped" and problem is not None and problem.severity == "warning"


def test_plain_opt_out_attribute_is_a_warning() -> None:
    """`python no-check="x"` breaks the page's fence (superfences), so it is skipped and reported."""
    [result] = check('```python no-check="old"\nprint 1\n```\n')
    problem = result_problem(result)
    assert result.status == "skipped" and problem is not None and problem.code == "snippet-opt-out-form"


def test_unclosed_fence_is_not_parsed_as_code() -> None:
    """A fence never closed swallows prose; it is unchecked (parse.py reports the fence itself)."""
    [snippet] = iter_snippets("a.md", "```python\nx = (\n\nMore prose.\n", 1, frozenset({1}))
    [result] = check_snippets([snippet])
    assert result.status == "unchecked" and "never closed" in result.outcome.error


def test_failure_is_an_error_problem_at_the_markdown_line() -> None:
    """A failed snippet becomes an error at the line and column where parsing broke."""
    [result] = check("Text\n\n```go\npackage main\n\nfunc main() {\n    fmt.Println(\"a\" \"b\")\n}\n```\n", 20)
    problem = result_problem(result)
    assert problem is not None and problem.severity == "error" and problem.code == "snippet-syntax"
    assert problem.location.line == 26
    assert "go snippet (fence at line 22)" in problem.message


def test_catalog_json_shape() -> None:
    """Each snippet in catalog.json has exactly line, language, status and error."""
    ok, bad = check("```python\nx = 1\n```\n```json\n{,}\n```\n")
    assert snippet_json(ok) == {"line": 1, "language": "python", "status": "ok", "error": None}
    assert set(snippet_json(bad)) == {"line", "language", "status", "error"}
    assert snippet_json(bad)["status"] == "failed" and snippet_json(bad)["error"]


def test_mermaid_without_node_is_unchecked() -> None:
    """Without Node, Mermaid diagrams are unchecked with the reason, never failures."""
    checker = MermaidChecker(node="")
    [snippet] = iter_snippets("a.md", "```mermaid\ngraph TD\n  A-->B\n```\n", 1)
    [outcome] = checker.check_all([snippet])
    assert outcome.status == "unchecked" and "Node.js is not installed" in outcome.error


@pytest.mark.parametrize("language", sorted(TREE_SITTER))
def test_grammar_loads_offline_without_warnings(language: str) -> None:
    """Every grammar wheel loads and parses with no warning (old binding APIs warn)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for grammar in TREE_SITTER[language].grammars:
            importlib.import_module(grammar.module)
            assert parser_for(grammar).parse(b"\n").root_node is not None


def test_sql_checker_does_not_log(caplog: pytest.LogCaptureFixture) -> None:
    """sqlglot's fallback warnings stay silent: core code reports through outcomes only."""
    with caplog.at_level(logging.DEBUG):
        [result] = check("```sql\nVACUUM ANALYZE users;\n```\n")
    assert result.status == "ok" and not caplog.records


def test_every_registered_language_has_a_parser_name() -> None:
    """The health page names what reads each language."""
    assert all(checker.parser for checker in CHECKERS.values())
