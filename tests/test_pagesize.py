"""A file too large for one page is shown in part; every page, generated ones included, stays under 2 MB."""

from __future__ import annotations

from pathlib import Path

from conftest import CHROMIUM, build_site, need, write_collection

from docs_build.limits.pagecut import shown_part
from docs_build.limits.table import PAGE_LIMIT
from docs_build.markdown.fences import iter_fences

HEAD = "---\nname: huge\ndescription: a very large agent\n---\n# Huge\n\n"
BLOCK = ("## Step {n}\n\nHand off to `small` when the schema is ready; then carry on with the rest.\n\n"
         "| Issue | Cause | Solution |\n|---|---|---|\n| ECONN{n} | the network dropped | retry with backoff |\n\n"
         "```python\ndef step_{n}(x):\n    return [x + {n} for _ in range(3)]\n```\n\n")


def huge_text(size: int) -> str:
    """An agent of about `size` bytes: prose with a handoff, a troubleshooting table and a code block per step."""
    parts, total, n = [HEAD], len(HEAD), 0
    while total < size:
        parts.append(BLOCK.format(n=n))
        total += len(parts[-1])
        n += 1
    return "".join(parts)


def test_a_small_file_is_shown_whole():
    """Files of ordinary size are not cut and draw no problem."""
    data = huge_text(40_000).encode()
    assert shown_part("c/agents/a.md", data) == (data, None)


def test_a_huge_file_is_cut_between_blocks_with_its_size_named():
    """A 6 MB file is cut before a line, never inside a code block, and the warning names its size and the lines kept."""
    data = huge_text(6 * 2**20).encode()
    shown, problem = shown_part("c/agents/huge.md", data)
    assert len(shown) < len(data) and data.startswith(shown) and shown.endswith(b"\n")
    assert all(fence.end_line is not None for fence in iter_fences(shown.decode()))
    assert problem.code == "file-too-large" and problem.severity == "warning"
    kept = shown.count(b"\n")
    assert "6.0 MB" in problem.message and f"lines 1-{kept};" in problem.message and problem.location.line == kept + 1


def test_a_huge_file_makes_a_page_under_the_limit_that_a_browser_loads(tmp_path, browser, serve):
    """The page of a 6 MB file weighs under 2 MB, says it is shown in part, and loads in a browser (timed in the bench)."""
    need(CHROMIUM.exists(), "Chromium is needed to load the page")
    content = write_collection(tmp_path / "content", {
        "c/agents/huge.md": huge_text(6 * 2**20),
        "c/agents/small.md": "---\nname: small\ndescription: the other one\n---\n# Small\n",
    })
    site = build_site(content, tmp_path)
    assert site.returncode == 0, site.log
    pages = {p: p.stat().st_size for p in Path(site.site_dir).rglob("*.html")}
    assert max(pages.values()) <= PAGE_LIMIT, max(pages.items(), key=lambda item: item[1])
    html = site.page("c/agents/huge/")
    assert "Shown in part" in html and "6.0 MB" in html
    tab = browser.new_page()
    tab.goto(serve(site.site_dir) + "c/agents/huge/", wait_until="load")
    assert tab.locator(".atlas-page-cut").is_visible()
    assert tab.locator("#ts-econn0").count() == 1  # rows of the part shown are anchored
    tab.close()


def test_a_huge_utf16_file_is_cut_between_whole_characters():
    """A UTF-16 file is cut on a code-unit boundary, so the part shown decodes cleanly by its byte-order mark."""
    data = huge_text(2 * 2**20).encode("utf-16")  # with its BOM
    shown, problem = shown_part("c/agents/huge.md", data)
    assert problem is not None and len(shown) % 2 == 0
    assert "\ufffd" not in shown.decode("utf-16")


def test_a_huge_troubleshooting_table_is_cut_inside_the_table_under_the_limit(tmp_path):
    """A file of one 20,000-row troubleshooting table gives a page under 2 MB; the note says the cut is in that table."""
    rows = "".join(f"| E{n} fails | cause {n} | fix {n} |\n" for n in range(20_000))
    content = write_collection(tmp_path / "content", {
        "c/agents/big.md": "---\nname: big\ndescription: d\n---\n# Big\n\n## Troubleshooting\n\n| Issue | Cause | Solution |\n|---|---|---|\n" + rows,
    })
    site = build_site(content, tmp_path)
    assert site.returncode == 0, site.log
    page = Path(site.site_dir, "c/agents/big/index.html")
    assert page.stat().st_size <= PAGE_LIMIT
    html = page.read_text(encoding="utf-8")
    assert "the cut falls inside the table that starts at line 9" in html and html.count("<tr") > 1000
