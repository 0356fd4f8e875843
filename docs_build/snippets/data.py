"""Checkers on the standard library and PyYAML: Python (ast), JSON, JSONC, JSON Lines, YAML, TOML."""

from __future__ import annotations

import ast
import json
import re
import sys
import textwrap
import tomllib
import warnings

import yaml

from .lexer import Snippet
from .outcome import Checker, Outcome, SyntaxProblem, failure

TOML_POSITION_RE = re.compile(r"\(at line (?P<line>\d+), column (?P<column>\d+)\)")
TOML_END_RE = re.compile(r"\(at end of document\)")
#: libyaml's loader when PyYAML was built with it (much faster); composing never constructs tags.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: JSONC comments and trailing commas, outside strings (the string alternative keeps strings whole).
JSONC_RE = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/|,(?=\s*[\]}])', re.S)


class PythonChecker(Checker):
    """Python's own parser; an evenly indented snippet (a method cut from its class) is a fragment."""

    parser = f"Python {sys.version_info.major}.{sys.version_info.minor} ast"

    def check(self, snippet: Snippet) -> Outcome:
        """Parse the whole snippet, then the snippet dedented."""
        problem = _python_problem(snippet.code)
        if problem is None:
            return Outcome("ok")
        dedented = textwrap.dedent(snippet.code)
        if dedented != snippet.code and _python_problem(dedented) is None:
            return Outcome("fragment", fragment="indented block")
        return failure(problem)


def _python_problem(code: str) -> SyntaxProblem | None:
    try:
        with warnings.catch_warnings():
            # Invalid escape sequences in old snippets warn at parse time; they still parse.
            warnings.simplefilter("ignore")
            ast.parse(code)
    except SyntaxError as error:
        return SyntaxProblem(error.msg, error.lineno or 1, error.offset or 1)
    except ValueError as error:  # source with NUL bytes
        return SyntaxProblem(str(error), 1, 1)
    return None


class JsonChecker(Checker):
    """Strict JSON; placeholders such as `...` and comments are real failures (use `jsonc` for comments)."""

    parser = "Python json"

    def check(self, snippet: Snippet) -> Outcome:
        """json.loads the whole snippet."""
        problem = _json_problem(snippet.code)
        return Outcome("ok") if problem is None else failure(problem)


class JsoncChecker(Checker):
    """JSON with comments and trailing commas (VS Code settings, tsconfig.json)."""

    parser = "Python json, comments and trailing commas removed"

    def check(self, snippet: Snippet) -> Outcome:
        """Blank out comments and trailing commas, keeping every position, then json.loads."""
        problem = _json_problem(JSONC_RE.sub(_blank, snippet.code))
        return Outcome("ok") if problem is None else failure(problem)


class JsonLinesChecker(Checker):
    """One JSON value per non-empty line."""

    parser = "Python json, line by line"

    def check(self, snippet: Snippet) -> Outcome:
        """json.loads each line."""
        for number, line in enumerate(snippet.code.split("\n"), start=1):
            if line.strip() and (problem := _json_problem(line)):
                return failure(SyntaxProblem(problem.message, number, problem.column))
        return Outcome("ok")


def _blank(match: re.Match[str]) -> str:
    """Strings stay; comments and commas become spaces (newlines kept, so positions hold)."""
    if match.group(1):
        return match.group(1)
    return re.sub(r"[^\n]", " ", match.group(0))


def _json_problem(code: str) -> SyntaxProblem | None:
    try:
        json.loads(code)
    except json.JSONDecodeError as error:
        return SyntaxProblem(error.msg, error.lineno, error.colno)
    return None


class YamlChecker(Checker):
    """YAML syntax, every document of the stream, composed but not constructed: tags (`!Ref`) are fine."""

    parser = f"PyYAML {yaml.__version__} (compose, tags not constructed)"

    def check(self, snippet: Snippet) -> Outcome:
        """Compose every document; anchors, aliases and structure are checked, tags left alone."""
        try:
            for _ in yaml.compose_all(snippet.code, Loader=LOADER):
                pass
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            message = " ".join(part for part in (error.context, error.problem) if part) or "invalid YAML"
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            return failure(SyntaxProblem(message, line, column))
        except yaml.YAMLError as error:
            return failure(SyntaxProblem(str(error).split("\n")[0], 1, 1))
        return Outcome("ok")


class TomlChecker(Checker):
    """TOML with the standard library's tomllib."""

    parser = "Python tomllib"

    def check(self, snippet: Snippet) -> Outcome:
        """tomllib.loads the whole snippet."""
        try:
            tomllib.loads(snippet.code)
        except tomllib.TOMLDecodeError as error:
            text = str(error)
            if match := TOML_POSITION_RE.search(text):
                line, column = int(match["line"]), int(match["column"])
            elif TOML_END_RE.search(text):
                line = snippet.code.count("\n") + 1
                column = len(snippet.code.split("\n")[-1]) + 1
            else:
                line, column = 1, 1
            message = TOML_END_RE.sub("", TOML_POSITION_RE.sub("", text)).strip()
            return failure(SyntaxProblem(message, line, column))
        return Outcome("ok")
