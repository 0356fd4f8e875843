"""Golden handoff lines (tests/data/handoffs/lines.yaml): per-line checks, and precision and recall overall."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docs_build.links import extract_references

CASES = yaml.safe_load((Path(__file__).parent / "data" / "handoffs" / "lines.yaml").read_text(encoding="utf-8"))
#: Labelled lines the extractor gets wrong today, kept so the figures stay honest (see the report).
KNOWN_GAPS = {"- Guide debugger on issue patterns", "- Help qa-expert validate rendering across mail clients",
              "- Coordinate with **privacy-by-design** practices in product development"}


def found_on(case: dict) -> list[dict]:
    """What the extractor reads on the case's line, placed under its section heading or label."""
    section = case["section"]
    head = (section if section.endswith(":") else f"## {section}") if section else ""
    body = f"{head}\n\n{case['line']}" if head else case["line"]
    refs = extract_references(body, 1, case["entry_kind"])
    return [{"kind": r.kind, "target": r.target, "topic": r.topic, "direction": r.direction} for r in refs]


def _key(item: dict) -> tuple[str, str, str]:
    return item["kind"], item["target"], item["direction"]


@pytest.mark.parametrize("case", CASES, ids=[c["source"] for c in CASES])
def test_golden_line(case: dict, request: pytest.FixtureRequest) -> None:
    """Each labelled line yields exactly the references a reader finds on it, with their topics."""
    if case["line"] in KNOWN_GAPS:
        request.node.add_marker(pytest.mark.xfail(reason="known gap of the free-text dialect", strict=True))
    found = found_on(case)
    assert sorted(map(_key, found)) == sorted(map(_key, case["expect"]))
    for expected in case["expect"]:
        if "topic" in expected:
            assert any(f["topic"] == expected["topic"] for f in found if _key(f) == _key(expected))


def precision_recall() -> tuple[float, float, int, int]:
    """Precision and recall of (kind, target, direction) over every golden line."""
    true_positive = found_total = expected_total = 0
    for case in CASES:
        found, expected = list(map(_key, found_on(case))), list(map(_key, case["expect"]))
        true_positive += sum(min(found.count(k), expected.count(k)) for k in set(expected))
        found_total, expected_total = found_total + len(found), expected_total + len(expected)
    return true_positive / found_total, true_positive / expected_total, found_total, expected_total


def test_golden_precision_and_recall() -> None:
    """Over the labelled set, precision and recall both stay at or above 95 %."""
    precision, recall, _, _ = precision_recall()
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


if __name__ == "__main__":
    p, r, f, e = precision_recall()
    print(f"{len(CASES)} lines, {e} labelled references, {f} found: precision {p:.1%}, recall {r:.1%}")
