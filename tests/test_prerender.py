"""Pages converted by a forked worker: the same site, the same warnings, and nothing lost when the worker fails."""

from __future__ import annotations

import os
import re
import shutil
import signal
import time
from pathlib import Path

from conftest import CONTENT, build_site

from docs_build import build_atlas
from docs_build.forked import NOT_DONE, ForkedMap

BROKEN_ANCHOR = "[see the missing part](#no-such-section)"


def results(worker: ForkedMap, count: int, wait: float) -> list[object]:
    """Every item's result as the parent asks for them in order, `wait` seconds after the fork."""
    time.sleep(wait)
    try:
        return [worker.result(i) for i in range(count)]
    finally:
        worker.close()


def test_the_child_works_from_the_back_until_the_parent_meets_it() -> None:
    def work(n: int) -> tuple[int, int]:
        time.sleep(0.02)
        return n * n, os.getpid()

    found = results(ForkedMap(list(range(100)), work), 100, wait=1.0)
    meet = found.index(next(r for r in found if r is not NOT_DONE))
    assert 0 < meet < 100 and NOT_DONE not in found[meet:]  # the parent's prefix, then the child's suffix
    assert [square for square, _ in found[meet:]] == [n * n for n in range(meet, 100)]
    assert {pid for _, pid in found[meet:]} == {found[meet][1]} != {os.getpid()}


def test_the_child_takes_the_second_stage_of_its_own_items_from_the_back() -> None:
    def then(n: int) -> int:
        time.sleep(0.05)
        return -n

    worker = ForkedMap(list(range(60)), lambda n: time.sleep(0.02) or n, then=then)
    time.sleep(0.6)
    try:
        first = [worker.result(i) for i in range(60)]
        mine = [i for i, found in enumerate(first) if found is not NOT_DONE]
        assert len(mine) > 5 and mine[-1] == 59  # the child's first stage: a suffix, as above
        time.sleep(0.3)  # the child is some way into its second stage
        second = [worker.result(i, stage=1) for i in mine]
    finally:
        worker.close()
    meet = next(k for k, found in enumerate(second) if found is not NOT_DONE)
    assert 0 < meet < len(mine)  # the parent's part, then the child's
    assert NOT_DONE not in second[meet:] and second[meet:] == [-i for i in mine[meet:]]


def test_an_item_the_child_cannot_do_is_left_to_the_parent() -> None:
    def work(n: int) -> object:
        if n == 3:
            raise ValueError("bad item")
        return (lambda: n) if n == 5 else n  # a lambda does not pickle

    assert results(ForkedMap(list(range(8)), work), 8, wait=0.5) == [0, 1, 2, NOT_DONE, 4, NOT_DONE, 6, 7]


def test_a_child_that_dies_leaves_the_rest_to_the_parent() -> None:
    found = results(ForkedMap(list(range(5)), lambda n: os.kill(os.getpid(), signal.SIGKILL) if n == 2 else n), 5, 0.5)
    assert found == [NOT_DONE, NOT_DONE, NOT_DONE, 3, 4]


def many_entries(root: Path, copies: int = 12) -> Path:
    """The seed collections copied until there are enough pages for the worker; one file of each copy links
    to an anchor its page lacks (pages early in the build are MkDocs' own, late ones the worker's)."""
    for copy in range(copies):
        for collection in (p for p in CONTENT.iterdir() if p.is_dir()):
            shutil.copytree(collection, root / f"{collection.name}-{copy}")
        for broken in sorted(root.glob(f"*-{copy}/**/*.md"))[:1]:
            broken.write_text(broken.read_text(encoding="utf-8") + f"\n\n{BROKEN_ANCHOR}\n", encoding="utf-8")
    return root


def warnings(log: str) -> list[str]:
    return sorted(line for line in log.splitlines() if line.startswith(("WARNING", "ERROR")))


def html_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*.html")}


def test_a_site_built_with_the_worker_is_the_site_built_without(tmp_path: Path) -> None:
    content = many_entries(tmp_path / "content")
    alone = build_site(content, tmp_path / "alone", env={"ATLAS_RENDER_WORKER": "0"})
    shared = build_site(content, tmp_path / "shared", env={"ATLAS_RENDER_WORKER": "1"})
    assert alone.returncode == shared.returncode == 0, shared.log
    assert html_files(shared.site_dir) == html_files(alone.site_dir)
    assert len(html_files(alone.site_dir)) > 60
    # The worker's pages log through this process: the anchor check still sees the broken link.
    assert sum("no-such-section" in line for line in warnings(alone.log)) == 12
    assert warnings(shared.log) == warnings(alone.log)
    converted = re.search(r"(\d+) of (\d+) generated pages converted by the page worker, (\d+) of them put into", shared.log)
    assert converted and 0 < int(converted[3]) <= int(converted[1]) <= int(converted[2]), shared.log[-3000:]
    assert "by the page worker" not in alone.log
    assert not re.search(r"Traceback|Error reading page", shared.log)


def test_the_forked_handoffs_feature_gives_what_the_threaded_one_gives() -> None:
    alone, forked = build_atlas(CONTENT), build_atlas(CONTENT, fork=True)
    assert forked.catalog_json() == alone.catalog_json()
    assert [(p.src_uri, p.full_markdown) for p in forked.pages] == [(p.src_uri, p.full_markdown) for p in alone.pages]
    assert sum(len(entry["handoffs"]) for entry in forked.catalog_json()["entries"]) > 5  # there was work to compare
