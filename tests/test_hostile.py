"""Odd and hostile input, one case at a time: values as written, encodings, bounds, names, problem floods."""

from __future__ import annotations

import codecs

import pytest

from docs_build.catalog import MAX_SEGMENT_CHARS, entry_id, long_segment_problems
from docs_build.limits.bounds import MAX_UNCLOSED, bound_markdown
from docs_build.limits.problemcap import MAX_PER_FILE_AND_CODE, cap_per_file
from docs_build.limits.values import MAX_DEPTH, MAX_TEXT_CHARS, bound_value
from docs_build.model import Location, Problem, Source
from docs_build.sources.encoding import decode
from docs_build.sources.parse import parse_source
from docs_build.sources.yamltext import load_as_written

SOURCE = Source("c", "c/agents/x.md", "", "agent", None)


def parse(text: str | bytes):
    """Parse one agent file; returns (entry, {code: [lines]})."""
    entry, problems = parse_source(SOURCE, text if isinstance(text, bytes) else text.encode(), "c/agents/x")
    codes: dict[str, list[int]] = {}
    for problem in problems:
        codes.setdefault(problem.code, []).append(problem.location.line)
    return entry, codes


def test_text_fields_keep_their_source_text():
    """name: no, description: yes, version: 1.10, model: 0o17 are shown as written, not as YAML 1.1 reads them."""
    entry, codes = parse("---\nname: no\ndescription: yes\nversion: 1.10\nmodel: 0o17\n---\nbody\n")
    assert (entry.name, entry.description, entry.version, entry.model) == ("no", "yes", "1.10", "0o17")
    assert codes["yaml-coerced"] == [2, 3, 4]  # 0o17 is text to YAML 1.1 as well


def test_other_fields_keep_text_and_are_noted():
    """Dates, octal, hex and sexagesimal numbers stay text; changed ones are noted at their lines."""
    meta, coercions, _ = load_as_written("created: 2024-01-02\nmode: 017\nhex: 0x1F\nat: 12:30\nok: true\nn: 42\n")
    assert meta == {"created": "2024-01-02", "mode": "017", "hex": "0x1F", "at": "12:30", "ok": "true", "n": "42"}
    assert [(c.line, c.read_as) for c in coercions] == [(1, 15), (2, 31), (3, 750)]


def test_coercion_is_a_warning_on_text_fields_and_a_note_elsewhere():
    """version: 1.10 would change what the page shows; color: on is only a note."""
    _, problems = parse_source(SOURCE, b"---\nname: a\nversion: 1.10\ncolor: on\n---\n", "c/agents/x")
    assert [(p.location.line, p.severity) for p in problems if p.code == "yaml-coerced"] == [(3, "warning"), (4, "info")]


def test_duplicate_key_is_reported_at_the_second_key():
    """The second `name:` wins, and the file gets a warning at its line."""
    entry, codes = parse("---\nname: first\ndescription: d\nname: second\n---\n")
    assert entry.name == "second" and codes["duplicate-key"] == [4]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_are_decoded_by_their_bom(codec):
    """A UTF-16/32 file with a BOM keeps its frontmatter, with a note to save it as UTF-8."""
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    entry, codes = parse(bom + "---\nname: wide — agent\ndescription: d\n---\nbody\n".encode(codec))
    assert entry.name == "wide — agent" and codes["bom-encoded"] == [1] and "not-utf8" not in codes


def test_nul_bytes_and_mixed_endings_are_reported_at_their_lines():
    """A NUL is shown as U+FFFD; mixed CRLF and LF are read as lines, noted where the style changes."""
    text, problems = decode(b"a\r\nb\r\nc\nd\0e\n", "x.md")
    assert text == "a\nb\nc\nd\ufffde\n"
    assert [(p.code, p.location.line) for p in problems] == [("nul-bytes", 4), ("mixed-line-endings", 3)]


def test_plain_crlf_is_not_reported():
    """A file written with CRLF throughout is ordinary."""
    assert decode(b"a\r\nb\r\n", "x.md") == ("a\nb\n", [])


def test_huge_and_deep_values_are_bounded():
    """A 300 KB string is cut; nesting past MAX_DEPTH is summarised."""
    text, cuts = bound_value("x" * 300_000)
    assert len(text) < MAX_TEXT_CHARS + 50 and cuts
    deep: dict = {"leaf": "v"}
    for level in range(30):
        deep = {f"k{level}": deep}
    bounded, cuts = bound_value(deep)
    depth = 0
    while isinstance(bounded, dict):
        bounded, depth = next(iter(bounded.values())), depth + 1
    assert depth == MAX_DEPTH and "nested deeper" in bounded and cuts


def test_names_differing_by_normalisation_share_one_url():
    """'café' precomposed and decomposed are one path to a reader, so one URL (the second file gets -2)."""
    assert entry_id("c/agents/caf\u00e9.md") == entry_id("c/agents/cafe\u0301.md")


def test_long_names_make_short_url_segments():
    """A 240-character file name makes a URL segment within the limit, distinct per name, and a warning."""
    first, second = entry_id("c/agents/" + "a" * 240 + ".md"), entry_id("c/agents/" + "a" * 239 + "b.md")
    assert max(len(part) for part in first.split("/")) <= MAX_SEGMENT_CHARS and first != second
    assert [p.code for p in long_segment_problems("c/agents/" + "a" * 240 + ".md")] == ["long-url-segment"]
    assert long_segment_problems("c/agents/short.md") == []


def test_unclosed_brackets_are_escaped_only_when_many():
    """A few unclosed '[' stay as written; a paragraph of thousands is escaped and noted."""
    assert bound_markdown("a [ b [ c")[0] == "a [ b [ c"
    text, notes = bound_markdown("intro\n\n" + "[" * 5000 + "\n\nafter [link](x.md)")
    assert text.count("\\[") == 5000 and text.endswith("after [link](x.md)") and notes[0][0] == 2


def test_bounds_leave_code_alone():
    """Brackets in fences and code spans are code, never escaped."""
    body = "```\n" + "[" * 100 + "\n```\n`" + "[" * 100 + "`\n"
    assert bound_markdown(body) == (body, [])


def test_unclosed_link_targets_tags_and_repeated_headings_are_bounded():
    """'[a](' runs, '<a href=' runs and a heading repeated 500 times are escaped past their limits."""
    assert bound_markdown("[a](" * 100)[0].count("\\(") == 100
    assert bound_markdown("<a href=" * (MAX_UNCLOSED + 1))[0].count("&lt;") == MAX_UNCLOSED + 1
    assert bound_markdown("# same\n" * 500)[0].count("\\#") == 400
    assert bound_markdown("same\n===\n" * 500)[0].count("\n\n===") == 400  # underlined: the underline set apart


def test_a_flood_of_one_problem_is_summarised():
    """Past MAX_PER_FILE_AND_CODE problems of one code in one file, one problem counts the rest."""
    flood = [Problem(Location("a.md", n), "warning", "fence-inside-block", "m") for n in range(1, 1001)]
    capped = cap_per_file(flood + [Problem(Location("b.md", 1), "warning", "fence-inside-block", "m")])
    assert len(capped) == MAX_PER_FILE_AND_CODE + 2
    assert "980 more" in capped[-1].message and capped[-1].location == Location("a.md", 1000)


def test_a_slow_page_is_named_with_its_size():
    """Past the budget for its size, a page's render time is a warning naming the file; within it, nothing."""
    from docs_build.limits.budget import slow_page_problem

    assert slow_page_problem("c/agents/x.md", 1.0, 50_000) is None
    problem = slow_page_problem("c/agents/x.md", 9.0, 50_000)
    assert problem.code == "slow-page" and problem.location.path == "c/agents/x.md" and "50 KB" in problem.message


def test_past_500_fenced_blocks_the_rest_is_one_block():
    """12,500 empty fences cost a highlighter run each; past MAX_FENCES the rest of the file is one text block."""
    from docs_build.limits.bounds import MAX_FENCES

    text, notes = bound_markdown("```\n```\n" * 1000 + "tail")
    assert text.endswith("tail\n````\n") and text.count("````text") == 1 and notes[0][0] == 2 * MAX_FENCES


def test_recursion_in_markdown_is_bounded():
    """Deep lists, tight definition lists and nested markdown="1" HTML: each made shallow, with a note."""
    for body in ("1. " * 300, "".join("    " * n + "- x\n" for n in range(300)), "a\n: b\n" * 5000,
                 '<div markdown="1">\n\n' * 400, '<div markdown="1">\n\n' + "<div>\n\n" * 3000):
        text, notes = bound_markdown(body)
        assert text != body and notes
