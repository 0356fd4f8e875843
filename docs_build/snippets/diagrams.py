"""Mermaid diagrams parsed by the real `mermaid` npm package, every diagram in one Node process.

The Node side lives in `mermaid/` beside this file (package.json, package-lock.json, check.mjs);
`npm ci --prefix docs_build/snippets/mermaid` installs it. Without Node or node_modules the diagrams
are "unchecked" with that reason: a missing tool is not a broken snippet.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Callable

from .lexer import Snippet
from .outcome import Checker, Outcome

NODE_DIR = Path(__file__).resolve().parent / "mermaid"
SCRIPT = NODE_DIR / "check.mjs"
INSTALL_HINT = "npm ci --prefix docs_build/snippets/mermaid"
TIMEOUT_SECONDS = 300
MAX_MESSAGE = 160


class MermaidChecker(Checker):
    """mermaid.parse under jsdom, batched; verdicts are remembered per diagram text for rebuilds."""

    background = True

    def __init__(self, node: str | None = None) -> None:
        self.node = node if node is not None else (shutil.which("node") or "")
        self._known: dict[str, Outcome] = {}
        self._warm: subprocess.Popen[str] | None = None

    def warm_up(self) -> None:
        """Start Node now, for the next check: it loads jsdom and mermaid (about a second) before it reads a diagram,
        so a full build starts it before parsing the content, on the core the parsing leaves idle."""
        if self._warm is None and not self.unavailable():
            self._warm = self._node()

    @property
    def parser(self) -> str:  # type: ignore[override]
        """The mermaid package version, or why there is none."""
        version = _installed_version()
        return f"mermaid {version} (Node, jsdom)" if version else "mermaid (not installed)"

    def unavailable(self) -> str:
        """Why diagrams cannot be checked here, or '' when they can."""
        if not self.node:
            return "Node.js is not installed, so Mermaid diagrams are not parsed"
        if not _installed_version():
            return f"the mermaid npm package is not installed (run `{INSTALL_HINT}`)"
        return ""

    def check(self, snippet: Snippet) -> Outcome:
        """One diagram (prefer check_all: each call starts Node)."""
        return self.check_all([snippet])[0]

    def start(self, snippets: list[Snippet]) -> Callable[[], list[Outcome]]:
        """Every new diagram in one Node process, run in a thread while the caller checks other languages."""
        if reason := self.unavailable():
            return lambda: [Outcome("unchecked", reason) for _ in snippets]
        todo = list(dict.fromkeys(s.code for s in snippets if s.code not in self._known))
        if not todo:
            self.cool_down()
        done: list[Outcome] = []
        worker = threading.Thread(target=lambda: done.extend(self._run(todo)), daemon=True)
        if todo:
            worker.start()

        def finish() -> list[Outcome]:
            if todo:
                worker.join()
                self._known.update(zip(todo, done))
            return [self._known[s.code] for s in snippets]

        return finish

    def cool_down(self) -> None:
        """End a Node started for nothing (no new diagram came): it exits on an empty list."""
        if self._warm is not None:
            self._warm.communicate("[]")
            self._warm = None

    def forget_in_fork(self) -> None:
        """In a forked child: close its copy of Node's input, or Node would wait for the child to end."""
        if self._warm is not None and self._warm.stdin is not None:
            self._warm.stdin.close()
        self._warm = None

    def _node(self) -> subprocess.Popen[str]:
        return subprocess.Popen([self.node, str(SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=NODE_DIR)

    def _run(self, diagrams: list[str]) -> list[Outcome]:
        process, self._warm = self._warm, None
        try:
            process = process or self._node()
            stdout, _ = process.communicate(json.dumps(diagrams), timeout=TIMEOUT_SECONDS)
            results = json.loads(stdout) if process.returncode == 0 else None
        except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError):
            if process is not None:
                process.kill()
                process.communicate()
            results = None
        if not isinstance(results, list) or len(results) != len(diagrams):
            # A crash of the checker is not the diagrams' fault; say so instead of failing them.
            return [Outcome("unchecked", "the Mermaid checker (Node) did not run to the end") for _ in diagrams]
        return [_outcome(result, text) for result, text in zip(results, diagrams)]


def _outcome(result: dict, text: str) -> Outcome:
    if result.get("ok"):
        return Outcome("ok")
    message = str(result.get("error") or "parse error")
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    lines = text.split("\n")
    line = min(max(int(result.get("line") or 1), 1), len(lines))
    return Outcome("failed", message, line, 1)


def _installed_version() -> str:
    """The installed mermaid package's version, '' when node_modules lacks it."""
    manifest = NODE_DIR / "node_modules" / "mermaid" / "package.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8")).get("version", ""))
    except (OSError, ValueError):
        return ""
