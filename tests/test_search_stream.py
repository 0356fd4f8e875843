"""Search indexed during the build (StreamedIndex): the records of the finished site indexed whole; no hang."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import CONTENT, build_site, write_collection

import docs_build
from docs_build.adapter.search_index import IndexReport, index_site, indexed_fragments
from docs_build.adapter.search_stream import StreamedIndex, indexed_part
from docs_build.model import SearchDocument

ROW = SearchDocument("a/#ts-boom", "Boom", (("Fix", "restart"),))


def page(text: str) -> str:
    """A page as the theme writes one: its text in the part Pagefind indexes."""
    return f'<html lang="en"><head><title>{text}</title></head><body><main data-pagefind-body><h1>{text}</h1>' \
           f"<p>{text} words</p></main></body></html>"


def records(site_dir: Path) -> list[dict]:
    """Every record of a site's index, in URL order: what a search can find."""
    return sorted(indexed_fragments(site_dir), key=lambda record: (record["url"], json.dumps(record, sort_keys=True)))


def whole_directory_records(site_dir: Path, documents: list[SearchDocument], tmp_path: Path) -> list[dict]:
    """The records `index_site` makes of a copy of the same written site."""
    copy = shutil.copytree(site_dir, tmp_path / "whole", ignore=shutil.ignore_patterns("pagefind"))
    index_site(copy, documents)
    return records(copy)


def test_pages_given_as_rendered_make_the_records_of_the_written_site(tmp_path: Path):
    """Files never given (404, redirect pages), given twice, or odd names are indexed as Pagefind reads the folder."""
    site = tmp_path / "site"
    written = {"index.html": page("Home"), "a/index.html": page("Alpha final"), "b/myindex.html": page("Named"),
               "c d/ü/index.html": page("Spaced"), "404.html": page("Missing"), "old/index.html": page("Redirect"),
               "b/notes.htm": page("Not html")}
    write_collection(site, written)
    stream = StreamedIndex(site, [ROW])
    for path in ("index.html", "a/index.html", "b/myindex.html", "c d/ü/index.html", "a/index.html", "b/notes.htm"):
        stream.add_page(path, page("Alpha first") if path == "a/index.html" else written[path])
    report = stream.finish()
    assert isinstance(report, IndexReport), report
    assert records(site) == whole_directory_records(site, [ROW], tmp_path)
    assert {record["url"] for record in records(site)} == {"/", "/a/", "/b/myindex.html", "/c d/ü/", "/404.html",
                                                           "/old/", "/a/#ts-boom"}
    assert report.streamed == 3 and report.documents == 1 and report.pages == 6
    assert not (site / "pagefind.next").exists() and not list((site / "pagefind").glob("pagefind-ui.*"))


def themed(text: str) -> str:
    """A page as overrides/main.html writes one: navigation around an article whose body Pagefind indexes."""
    return (f'<html lang="en"><head><title>{text} - Site</title></head><body><nav>Sidebar words</nav>'
            f'<article class="md-content__inner"><div data-pagefind-body><h1>{text}</h1><article><p>{text} inner</p>'
            f'</article><p data-pagefind-filter="kind:agent">after the inner article</p></div></article>'
            f'<footer>Footer words</footer></body></html>')


def test_only_the_indexed_part_of_a_themed_page_is_sent_and_the_records_are_the_same(tmp_path: Path):
    site = write_collection(tmp_path / "site", {"index.html": themed("Home"), "a/index.html": themed("Alpha")})
    sent = indexed_part(themed("Alpha"))
    assert "Sidebar" not in sent and "Footer" not in sent and "after the inner article" in sent
    stream = StreamedIndex(site, [])
    for path in ("index.html", "a/index.html"):
        stream.add_page(path, themed("Home" if path == "index.html" else "Alpha"))
    assert isinstance(stream.finish(), IndexReport)
    assert records(site) == whole_directory_records(site, [], tmp_path)
    assert "after the inner article" in json.dumps(records(site)) and "Sidebar" not in json.dumps(records(site))


def test_a_page_given_but_not_written_leaves_the_index_to_the_written_site(tmp_path: Path):
    """A page rendered but absent from the site: the site is indexed whole, so no record points at nothing."""
    site = write_collection(tmp_path / "site", {"index.html": page("Home")})
    stream = StreamedIndex(site, [])
    stream.add_page("index.html", page("Home"))
    stream.add_page("gone/index.html", page("Gone"))
    report = stream.finish()
    assert isinstance(report, IndexReport) and report.streamed == 0
    assert [record["url"] for record in records(site)] == ["/"]


@pytest.mark.parametrize("built", ["seed_site", "corpus_site"])
def test_a_builds_index_holds_exactly_the_records_of_its_site_indexed_whole(built: str, request, tmp_path: Path):
    """`mkdocs build` indexes pages as it renders them: index_site's records of the written site, one for one."""
    site = request.getfixturevalue(built)
    content = CONTENT if built == "seed_site" else request.getfixturevalue("corpus_dir")
    documents = docs_build.build_atlas(content).search_documents
    streamed = re.search(r"search index of (\d+) pages and (\d+) rows.*\((\d+) files indexed as rendered\)", site.log)
    assert streamed, site.log
    pages = len([path for path in site.site_dir.rglob("*.html")])
    assert int(streamed[2]) == len(documents) and 0 < pages - int(streamed[3]) < 0.1 * pages  # 404, redirects
    whole = whole_directory_records(site.site_dir, documents, tmp_path)
    assert records(site.site_dir) == whole
    assert int(streamed[1]) == len(whole) - len(documents)


def test_a_pagefind_that_never_answers_is_reported_not_waited_for(tmp_path: Path, monkeypatch):
    """The wait for the bundle is bounded: past it the build gets an error and Pagefind is stopped."""
    binary, pid = tmp_path / "pagefind", tmp_path / "pid"
    binary.write_text(f"#!/bin/sh\necho $$ > {pid}\nexec sleep 600\n")
    binary.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(binary))
    site = write_collection(tmp_path / "site", {"index.html": page("Home")})
    stream = StreamedIndex(site, [ROW], seconds=1)
    stream.add_page("index.html", page("Home"))
    started = time.monotonic()
    outcome = stream.finish()
    assert isinstance(outcome, TimeoutError) and "within 1 s" in str(outcome)
    assert time.monotonic() - started < 20 and not (site / "pagefind").exists()
    with pytest.raises(ProcessLookupError):  # the process was ended (and reaped), not left running
        os.kill(int(pid.read_text()), 0)


def test_a_build_without_pagefind_logs_the_error(tmp_path: Path):
    """Pagefind missing: the build reports it through its logger (so --strict fails) instead of crashing."""
    root = write_collection(tmp_path / "content", {"demo/agents/tracer.md": "---\nname: tracer\n---\n# Tracer\n"})
    site = build_site(root, tmp_path, strict=True, env={"PAGEFIND_BINARY_PATH": str(tmp_path / "no-pagefind")})
    assert site.returncode != 0
    assert re.search(r"ERROR\s+-\s+docs_build: search index not written: .*no-pagefind", site.log), site.log
    assert (site.site_dir / "demo" / "agents" / "tracer" / "index.html").is_file()


def test_streaming_can_be_turned_off_for_the_same_index(tmp_path: Path):
    """ATLAS_SEARCH_STREAM=0 indexes the finished site after the build instead: the same records, none as rendered."""
    root = write_collection(tmp_path / "content", {"demo/agents/tracer.md": "---\nname: tracer\n---\n# Tracer\n"})
    streamed = build_site(root, tmp_path / "streamed")
    after = build_site(root, tmp_path / "after", env={"ATLAS_SEARCH_STREAM": "0"})
    assert streamed.returncode == after.returncode == 0, streamed.log + after.log
    assert re.search(r"\((?!0 )\d+ files indexed as rendered\)", streamed.log), streamed.log
    assert "(0 files indexed as rendered)" in after.log
    assert records(streamed.site_dir) == records(after.site_dir) != []
