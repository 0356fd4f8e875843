"""Template HTML held back from Python-Markdown: pages come out exactly as if it had been converted in place."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from conftest import CONTENT, CORPUS, CORPUS_EXTRA, ROOT, need
from hostile import odd_files, write_files, xss_files
from mkdocs.config import load_config

from docs_build import build_atlas
from docs_build.model import GeneratedPage
from docs_build.pages.heldhtml import hold, put_back

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
CARD = '<div class="card">\n<p>x</p>\n</div>'


def convert(text: str) -> str:
    """The site's own Markdown conversion (its extensions and their settings)."""
    return markdown.Markdown(extensions=CONFIG.markdown_extensions, extension_configs=CONFIG.mdx_configs).convert(text)


def assert_same_pages(pages: list[GeneratedPage]) -> int:
    """Every held page converts to the HTML its whole Markdown converts to; the number of pages compared."""
    compared = [page for page in pages if page.held]
    for page in compared:
        assert put_back(convert(page.markdown), page.held) == convert(page.full_markdown), page.src_uri
    return len(compared)


def test_only_whole_html_parts_are_held_and_put_back_in_order() -> None:
    made, held = hold([CARD, "## Skills {#s}", "<table><tr><td>a</td></tr></table>", "```mermaid\ngraph\n```"], "body")
    assert made[1] == "## Skills {#s}" and made[3] == "```mermaid\ngraph\n```"
    assert [html for _, html in held] == [CARD, "<table><tr><td>a</td></tr></table>"]
    assert made[0] == held[0][0] and made[0].isalnum()  # a plain word: its own paragraph, nothing to parse
    page = convert("\n\n".join(["# T", made[0], "Body *text*.", made[2]]))
    assert put_back(page, held) == convert("\n\n".join(["# T", CARD, "Body *text*.", held[1][1]]))


def test_a_body_cannot_spell_out_its_own_placeholder() -> None:
    made, _ = hold([CARD], "body one")
    again, _ = hold([CARD], "body two")
    assert made != again  # the placeholder depends on the body, so a body cannot contain its own


def test_a_placeholder_swallowed_by_an_unclosed_body_tag_is_put_back_as_raw_html() -> None:
    body = "<div class='open'>\nnever closed"
    made, held = hold(["<table><tr><td>row</td></tr></table>"], body)
    text = "\n\n".join(["# T", body, made[0]])
    assert put_back(convert(text), held) == convert("\n\n".join(["# T", body, held[0][1]]))


def test_pages_of_the_content_and_odd_input_convert_the_same(tmp_path: Path) -> None:
    pages = build_atlas(CONTENT).pages
    held = {page.src_uri for page in pages if page.held}
    assert {"troubleshooting.md", "catalog.md", "api-design/index.md", "api-design/agents/02-backend-patterns.md"} <= held
    assert assert_same_pages(pages) >= 10
    odd = write_files(tmp_path / "odd", {**odd_files(), **xss_files()})
    assert assert_same_pages(build_atlas(odd).pages) >= 10


@pytest.mark.parametrize("corpus", [CORPUS, CORPUS_EXTRA], ids=["corpus", "corpus-extra"])
def test_pages_of_the_corpora_convert_the_same(corpus: Path) -> None:
    need(corpus.is_dir(), f"{corpus} not found (the real-world corpus beside the checkout)")
    pages = build_atlas(corpus).pages
    # Every 10th page, and 30 more with a table after the body (where the end-of-page rule matters).
    sample = pages[::10] + [page for page in pages[1::10] if len(page.held) > 1][:30]
    assert assert_same_pages(sample) >= 100
