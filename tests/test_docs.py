"""The README documents what the code registers: every checker language and every problem code."""

from __future__ import annotations

import re

from conftest import ROOT

from docs_build.snippets.registry import CHECKERS

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Problems are built as Problem(location, severity, code, …): the code is the literal after the severity.
PROBLEM_CODE_RE = re.compile(r"\"(?:error|warning|info)\",\s*\"([a-z]+(?:-[a-z]+)+)\"")


def test_every_checker_language_is_listed():
    """The README's list of checker languages is exactly the registry's."""
    listed = README.split("Checker languages", 1)[1].split("\n\n", 1)[0]
    assert set(re.findall(r"`([a-z]+)`", listed.split("):", 1)[1])) == set(CHECKERS)


def test_every_problem_code_is_documented():
    """Each problem code the package can emit appears in the README."""
    source = "\n".join(p.read_text() for p in (ROOT / "docs_build").rglob("*.py"))
    codes = set(PROBLEM_CODE_RE.findall(source))
    assert len(codes) >= 15
    assert sorted(code for code in codes if f"`{code}`" not in README) == []
