"""`python -m docs_build check` prints the same problems as the build and sets its exit code."""

from __future__ import annotations

import subprocess
import sys

from conftest import CONTENT, ROOT, write_collection


def run_check(content_dir) -> subprocess.CompletedProcess[str]:
    """Run `python -m docs_build check CONTENT_DIR` from the project root."""
    return subprocess.run(
        [sys.executable, "-m", "docs_build", "check", str(content_dir)], capture_output=True, text=True, cwd=ROOT
    )


def test_seeds_pass_the_check():
    """The project's own content has no failing problem."""
    done = run_check(CONTENT)
    assert done.returncode == 0, done.stdout
    assert "docs_build: 4 collections, 4 agents, 1 skills" in done.stderr


def test_errors_fail_with_path_line_severity_message(tmp_path):
    """An invalid YAML file is printed as path:line: error: … and the command exits 1."""
    write_collection(tmp_path, {"c/agents/a.md": "---\nname: a\ndescription: Use when: x\n---\n"})
    done = run_check(tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("c/agents/a.md:3: error: frontmatter is not valid YAML")
