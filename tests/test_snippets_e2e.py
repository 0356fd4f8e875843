"""End to end: one broken snippet in each of Python, TypeScript, JSON and Go, seen by check, site and pytest."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, build_site, need, write_collection

from docs_build import build_atlas
from docs_build.snippets import iter_snippets
from docs_build.snippets.diagrams import MermaidChecker
from docs_build.snippets.registry import CHECKERS

BROKEN = """---
name: broken-snippets
description: An agent whose examples do not parse.
---

# Broken snippets

```python
def handler(event)
    return event
```

```typescript
const port: number = ;
```

```json
{
  "name": "x",
  ...
}
```

```go
package main

func main() {
    fmt.Println("a" "b")
}
```

```python
print("this one is fine")
```

<!-- no-check: pseudo-code sketch -->
```python
this is not python
```
"""
PATH = "demo/agents/broken.md"
#: Markdown line of each failure: python `def` line, the TypeScript line, the `...` line, the Go call.
EXPECTED = {("python", 9), ("typescript", 14), ("json", 20), ("go", 28)}
FENCES = {"python": 8, "typescript": 13, "json": 17, "go": 24}


@pytest.fixture(scope="module")
def broken_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content directory holding the one broken file."""
    return write_collection(tmp_path_factory.mktemp("broken") / "content", {PATH: BROKEN})


def test_check_command_reports_four_failures(broken_dir: Path) -> None:
    """`python -m docs_build check` prints one error per broken snippet, at its Markdown line."""
    done = subprocess.run(
        [sys.executable, "-m", "docs_build", "check", str(broken_dir)], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 1
    found = {(m["language"], int(m["line"])) for m in re.finditer(
        rf"^{re.escape(PATH)}:(?P<line>\d+): error: (?P<language>\w+) snippet", done.stdout, re.M)}
    assert found == EXPECTED, done.stdout


def test_catalog_json_lists_each_snippet(broken_dir: Path) -> None:
    """catalog.json carries every snippet of the entry with its status."""
    [entry] = build_atlas(broken_dir).catalog_json()["entries"]
    statuses = [(s["language"], s["status"]) for s in entry["snippets"]]
    assert statuses == [("python", "failed"), ("typescript", "failed"), ("json", "failed"), ("go", "failed"),
                        ("python", "ok"), ("python", "skipped")]


def test_health_page_links_each_failure(broken_dir: Path, tmp_path: Path) -> None:
    """The Snippet health page of a real build lists the four failures, linked to the entry page."""
    site = build_site(broken_dir, tmp_path)
    assert site.returncode == 0, site.log
    html = site.page("snippets")
    for language, line in EXPECTED:
        assert re.search(rf'<a href="[./]*demo/agents/broken/">{re.escape(PATH)}:{line}:\d+</a>', html), (language, line)
    assert "pseudo-code sketch" in html, "opted-out blocks are listed with their reason"
    assert "no-check" not in site.page("demo/agents/broken").split('<article', 1)[1], "the marker is invisible"


def test_pytest_items_fail_at_the_right_lines(broken_dir: Path) -> None:
    """The per-snippet pytest items fail for exactly the four snippets, naming line and language."""
    env = {**os.environ, "DOCS_CONTENT_DIR": str(broken_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_every_snippet.py"],
        capture_output=True, text=True, cwd=ROOT, env=env,
    )
    assert "4 failed, 1 passed, 1 skipped" in done.stdout, done.stdout
    for language, fence in FENCES.items():
        assert f"FAILED tests/test_every_snippet.py::test_snippet_parses[{PATH}:{fence}[{language}]]" in done.stdout
    for language, line in EXPECTED:
        assert re.search(rf"^{re.escape(PATH)}:{line}:\d+: {language} snippet does not parse", done.stdout, re.M)


def test_seed_snippets_all_parse_with_real_parsers() -> None:
    """Every language-tagged seed snippet is read by a real parser and passes (Mermaid needs Node)."""
    need(not CHECKERS["mermaid"].unavailable(), CHECKERS["mermaid"].unavailable())
    entries = build_atlas(CONTENT).catalog_json()["entries"]
    tagged = [s for entry in entries for s in entry["snippets"] if s["language"]]
    assert len(tagged) == 42
    assert {s["status"] for s in tagged} <= {"ok", "fragment"}, [s for s in tagged if s["status"] not in ("ok", "fragment")]


def test_corpus_failures_include_the_stdlib_census(corpus_dir: Path) -> None:
    """On the corpus the checker reports at least the 16 JSON, 8 YAML and 2 Python snippets json/yaml/ast reject."""
    entries = build_atlas(corpus_dir).catalog_json()["entries"]
    failed = [s["language"] for entry in entries for s in entry["snippets"] if s["status"] == "failed"]
    assert failed.count("json") >= 16 and failed.count("yaml") >= 8 and failed.count("python") >= 2


def test_a_node_warmed_up_before_the_check_gives_the_same_verdicts_and_one_unused_is_ended() -> None:
    """Full builds start Node while the content is read (docs_build.atlas): the verdicts are a cold Node's."""
    need(not CHECKERS["mermaid"].unavailable(), CHECKERS["mermaid"].unavailable())
    diagrams = "```mermaid\ngraph TD\n  A-->B\n```\n\n```mermaid\ngraph TD\n  A-->\n```\n"
    snippets = list(iter_snippets("a.md", diagrams, 1))
    warm = MermaidChecker()
    warm.warm_up()
    started = warm._warm
    assert started is not None and started.poll() is None  # loading jsdom and mermaid, waiting for diagrams
    verdicts = warm.check_all(snippets)
    assert verdicts == MermaidChecker().check_all(snippets)
    assert [v.status for v in verdicts] == ["ok", "failed"] and started.returncode == 0
    warm.warm_up()
    unused = warm._warm
    warm.cool_down()  # no new diagram came: Node is told so and ends
    assert unused.returncode == 0 and warm._warm is None
