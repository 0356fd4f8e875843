"""Builds for the benchmark: a real `mkdocs build` in its own process, timed, with its peak memory."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Top-level blocks of mkdocs.yml the bare Material baseline shares with the site (same look, same Markdown).
SHARED_BLOCKS = ("theme", "markdown_extensions")


@dataclass
class Build:
    """One finished build: wall time, peak RSS and where the site went."""

    seconds: float
    peak_mb: float
    site: Path


def run_build(config: Path, site: Path, env: dict[str, str] | None = None) -> Build:
    """`mkdocs build` in a child process; its own peak RSS comes from wait4, not from the other children."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a corpus logs more than a pipe holds
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                                 stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            raise RuntimeError(f"mkdocs build of {config} failed:\n{log.read().decode(errors='replace')[-2000:]}")
    return Build(seconds, usage.ru_maxrss / 1024, site)


def median_build(config: Path, site: Path, repeats: int, env: dict[str, str] | None = None) -> tuple[Build, list[float]]:
    """Build `repeats` times; the build with the median time, and every time."""
    builds = [run_build(config, site, env) for _ in range(repeats)]
    times = [b.seconds for b in builds]
    middle = sorted(builds, key=lambda b: b.seconds)[len(builds) // 2]
    return Build(statistics.median(times), max(b.peak_mb for b in builds), middle.site), times


def baseline_project(sources: list[tuple[str, str]], folder: Path) -> Path:
    """Bare Material over the same files: same theme features and extensions, no hooks, no macros."""
    docs = folder / "docs"
    for rel, abs_path in sources:
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(abs_path, target)
    own = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    blocks = [_top_level_block(own, name) for name in SHARED_BLOCKS]
    # Material's own templates: the site's overrides (its search dialog) are part of what is measured.
    blocks = [re.sub(r"^\s*custom_dir:.*\n", "", block, flags=re.M) for block in blocks]
    config = folder / "mkdocs.yml"
    config.write_text("site_name: Bare Material\ndocs_dir: docs\nplugins:\n  - search\n" + "\n".join(blocks), encoding="utf-8")
    return config


def _top_level_block(yaml_text: str, key: str) -> str:
    """The text of one top-level key of a YAML file, up to the next top-level key."""
    match = re.search(rf"^{key}:.*?(?=^\S)", yaml_text + "\nend:", re.S | re.M)
    if match is None:
        raise ValueError(f"mkdocs.yml has no top-level '{key}'")
    return match.group(0)


def scaled_corpus(content: Path, times: int, folder: Path) -> Path:
    """The corpus copied `times` over: each collection again as `<name>-2`, `<name>-3`… ."""
    for collection in sorted(p for p in content.iterdir() if p.is_dir()):
        for copy in range(1, times + 1):
            name = collection.name if copy == 1 else f"{collection.name}-{copy}"
            shutil.copytree(collection, folder / name)
    return folder
