"""Golden cases: tests/data/snippets/*.yml hold known-good and known-bad snippets for every checker."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import need

from docs_build.snippets import check_snippets, iter_snippets
from docs_build.snippets.registry import CHECKERS

DATA = Path(__file__).parent / "data" / "snippets"


def _cases() -> list[pytest.param]:
    params = []
    for path in sorted(DATA.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            case.setdefault("language", data.get("language"))
            params.append(pytest.param(case, id=f"{path.stem}:{case['language']}:{case['name']}"))
    return params


@pytest.mark.parametrize("case", _cases())
def test_golden_case(case: dict) -> None:
    """A checker gives the expected status, fragment, error and position for a known snippet."""
    if case["language"] == "mermaid":
        need(not CHECKERS["mermaid"].unavailable(), CHECKERS["mermaid"].unavailable())
    markdown = f"Intro\n\n```{case.get('word', case['language'])}\n{case['code']}```\n"
    [snippet] = iter_snippets("golden.md", markdown, 1)
    [result] = check_snippets([snippet])
    outcome = result.outcome
    assert outcome.status == case["status"], f"{outcome} for\n{case['code']}"
    if "fragment" in case:
        assert outcome.fragment == case["fragment"]
    if "line" in case:
        assert outcome.line == case["line"], outcome
        assert result.position[0] == 3 + case["line"], "Markdown line = first code line (4) + line - 1"
    if "column" in case:
        assert outcome.column == case["column"], outcome
    if "error" in case:
        assert case["error"] in outcome.error


def test_every_checker_has_good_and_bad_cases() -> None:
    """No checker is untested: each registered language has a passing and a failing golden case."""
    seen: dict[str, set[str]] = {}
    for param in _cases():
        case = param.values[0]
        seen.setdefault(case["language"], set()).add("good" if case["status"] in ("ok", "fragment") else "bad")
    missing = [language for language in CHECKERS if seen.get(language) != {"good", "bad"}]
    assert not missing, f"add golden cases for: {missing}"
