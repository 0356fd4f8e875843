"""Property tests (Hypothesis): arbitrary text and YAML never raise, and every call stays within a time bound.

Inputs are arbitrary Unicode, arbitrary YAML, and runs of the markup that makes parsers backtrack ('[' × 3,000,
'[a](' × 1,000…). Each call must return (problems are data) within BASE_SECONDS + SECONDS_PER_CHAR × its
length: generous, so a loaded 2-core machine does not flake, yet far below what a quadratic path costs at
these sizes. Example counts are printed at the end of the run; ATLAS_FUZZ_EXAMPLES raises them.
"""

from __future__ import annotations

import os
import time
from typing import Any, Callable

import pytest
import yaml
from conftest import EXAMPLE_COUNTS, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docs_build.catalog import entry_id
from docs_build.handoffs.find import entry_handoffs
from docs_build.handoffs.names import NameIndex
from docs_build.handoffs.relations import vocabulary
from docs_build.limits.bounds import bound_markdown
from docs_build.markdown.codespans import code_spans
from docs_build.markdown.fences import fence_problems, iter_fences
from docs_build.markdown.gfm import separate_blocks
from docs_build.markdown.linear import (
    atx_heading,
    drop_bracketed,
    strip_border,
    unique_id,
)
from docs_build.markdown.sanitize import clean_html
from docs_build.markdown.tables import iter_tables
from docs_build.matrix.coverage import heading_frameworks
from docs_build.matrix.frameworks import (
    VALUE_SPLIT_RE,
    VERSION_SUFFIX_RE,
    load_vocabulary,
)
from docs_build.model import Entry, Source
from docs_build.sources.parse import parse_source
from docs_build.troubleshooting.rows import entry_rows

EXAMPLES = int(os.environ.get("ATLAS_FUZZ_EXAMPLES", "400"))
settings.register_profile(
    "atlas", max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
settings.load_profile("atlas")
BASE_SECONDS = 2.0
SECONDS_PER_CHAR = 50e-6  # 20 KB may take 3 s here; quadratic paths took minutes at that size
#: Units whose long runs made a parser or a regex backtrack (issue 11), and pieces of every construct we read.
UNITS = [
    "[", "]", "(", ")", "![", "[a](", "[a][", "[^", "<", "<a href=", "<!--", "-->", "`", "``", "*", "_", "**",
    "~~~", "```", "```mermaid\n", "\n", "\n\n", "#", "# a\n", "> ", "- ", "  ", "|", "| a | b |\n", "|---|---|\n",
    "\\", "&", "{: ", "Agent 01 ", "Agents 01-04, ", "`a-b` ", "**a-b** ", "→ 02 ", "delegates to ", "hands off to ",
    ".md", "a/", "../x/SKILL.md", ":", "---\n", "    ", "\t", "\r", "\0", "é", "\u0301", "<script>", "javascript:",
    "| Issue | Cause | Fix |\n", "## Troubleshooting\n", "-", "—", "planner", "planner-agent",
    '<div markdown="1">\n\n', "<div>\n\n", "</div>\n", "a\n: b\n", "1. ", "!!! note\n    ", "*[a]: b\n", "[^1]: x\n",
]
RUN = st.tuples(st.sampled_from(UNITS), st.integers(1, 3_000)).map(lambda pair: pair[0] * pair[1])
MARKUP = st.lists(st.one_of(RUN, st.text(max_size=200)), max_size=6).map("".join)
TEXT = st.one_of(st.text(max_size=2_000), MARKUP)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=50),
                   st.sampled_from(["no", "yes", "on", "1.10", "0o17", "017", "0x1F", "12:30", "2024-01-02", "~"]))
YAML_VALUE = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                          max_leaves=30)
SOURCE = Source("fuzz", "fuzz/agents/x.md", "", "agent", None)
NAMES = [parse_source(Source("fuzz", f"fuzz/agents/{n}.md", "", "agent", None), f"---\nname: {n}\n---\n".encode(),
                      f"fuzz/agents/{n}")[0] for n in ("01-planner", "planner-agent", "a-b", "reviewer")]


def timed(name: str, call: Callable[[], Any], size: int) -> Any:
    """Run `call`, count the example, and fail when it took longer than its bound for `size` characters."""
    EXAMPLE_COUNTS[name] = EXAMPLE_COUNTS.get(name, 0) + 1
    started = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - started
    assert seconds <= BASE_SECONDS + SECONDS_PER_CHAR * size, f"{name}: {seconds:.2f} s for {size} characters"
    return result


def file_of(meta: str, body: str) -> bytes:
    return f"---\n{meta}\n---\n{body}".encode("utf-8", "surrogatepass")


def entry_of(body: str) -> Entry:
    entry, _ = parse_source(SOURCE, file_of("name: x\ndescription: d", body), "fuzz/agents/x")
    assert entry is not None
    return entry


@given(st.binary(max_size=4_000) | TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_parser_reads_any_bytes(data: bytes):
    """Any bytes parse to an entry or None, with problems as data; every problem has a line in the file."""
    entry, problems = timed("parse bytes", lambda: parse_source(SOURCE, data, "fuzz/agents/x"), len(data))
    lines = data.count(b"\n") + data.count(b"\r") + 2
    assert all(1 <= p.location.line <= lines for p in problems)
    assert entry is None or isinstance(entry.name, str)


@given(YAML_VALUE, TEXT)
def test_parser_reads_any_yaml(value: Any, body: str):
    """Any YAML document as frontmatter: text fields stay text, never a bool or a number."""
    meta = yaml.safe_dump(value, allow_unicode=True)
    entry, _ = timed("parse yaml", lambda: parse_source(SOURCE, file_of(meta, body), "fuzz/agents/x"), len(meta) + len(body))
    if entry is not None:
        assert all(isinstance(field, str) for field in (entry.name, entry.description))
        assert entry.version is None or isinstance(entry.version, str)


@given(st.text(max_size=300), TEXT)
def test_parser_reads_any_frontmatter_text(meta: str, body: str):
    """Arbitrary text between the '---' lines is frontmatter a reader may write: reported, never raised."""
    timed("parse frontmatter text", lambda: parse_source(SOURCE, file_of(meta, body), "fuzz/agents/x"), len(meta) + len(body))


@given(TEXT)
def test_fence_lexer(text: str):
    """Fences are found and paired in linear time; each lies within the text and opens before it closes."""
    fences = timed("fence lexer", lambda: iter_fences(text, 1), len(text))
    last = text.count("\n") + 1
    assert all(1 <= f.start_line <= (f.end_line or last) <= last for f in fences)
    fence_problems("x.md", fences)


@given(TEXT)
def test_table_and_troubleshooting_extractors(body: str):
    """Tables and troubleshooting rows come out of any body; every row's line is in the file."""
    entry = entry_of(body)
    tables = timed("tables", lambda: iter_tables(entry.body, entry.body_line), len(body))
    rows, _, _ = timed("troubleshooting rows", lambda: entry_rows(entry), len(body))
    last = entry.body_line + entry.body.count("\n")
    assert all(t.line <= last for t in tables) and all(row.line <= last for row in rows)


@given(TEXT)
def test_handoff_mentions(body: str):
    """The handoff finder reads any body; every handoff it returns names a line of the file."""
    entry = entry_of(body)
    index, vocab = NameIndex([*NAMES, entry]), vocabulary()
    handoffs = timed("handoff mentions", lambda: entry_handoffs(entry, index, {}, vocab), len(body))
    assert all(h.reference.line <= entry.body_line + entry.body.count("\n") for h in handoffs)


@given(TEXT)
def test_sanitiser(html: str):
    """The sanitiser returns HTML without active content for any input."""
    cleaned = timed("sanitiser", lambda: clean_html(html), len(html))
    lowered = cleaned.lower()
    assert "<script" not in lowered and " onerror=" not in lowered and 'href="javascript:' not in lowered


@given(TEXT)
def test_markdown_bounds_keep_lines_and_render_in_linear_time(body: str):
    """The bounded body renders through Python-Markdown (the site's extensions) within the time bound."""
    bounded, notes = timed("markdown bounds", lambda: bound_markdown(body), len(body))
    assert all(0 <= line <= body.count("\n") for line, _ in notes)
    timed("bounded markdown render", lambda: _markdown().reset().convert(separate_blocks(bounded)), len(body))


@given(st.text(alphabet="` x\n", max_size=400))
def test_code_spans_pair_as_commonmark(line: str):
    """The one-pass pairing equals the plain definition: each run closes at the next run of its length."""
    assert timed("code spans", lambda: code_spans(line), len(line)) == _code_spans_reference(line)


@given(st.text(max_size=300).map(lambda name: f"fuzz/agents/{name}.md"))
def test_any_path_makes_a_safe_url(path: str):
    """A URL made from any path has no empty, '.' or '..' segment and stays below its collection."""
    segments = timed("entry ids", lambda: entry_id(path), len(path)).split("/")
    assert all(s and s not in (".", "..") and len(s) <= 100 for s in segments) and segments[0] == "fuzz"


@given(st.text(alphabet="# \ta(])[x│|\n", max_size=60))
def test_linear_scans_equal_the_regexes_they_replace(line: str):
    """Headings, borders and parenthesised asides read as the (quadratic) regular expressions read them."""
    import re

    line = line.split("\n")[0]
    heading = re.match(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", line)
    assert atx_heading(line) == (heading.groups() if heading else None)
    assert strip_border(line, "│|") == re.match(r"^[\s│|]*(.*?)[\s│|]*$", line)[1]
    assert drop_bracketed(line, "([", ")]", eat_space=True) == re.sub(r"\s*[(\[].*?[)\]]", "", line)
    assert timed("linear scans", lambda: drop_bracketed(line, "(", ")", " "), len(line)) == re.sub(r"\(.*?\)", " ", line)


@given(TEXT)
def test_framework_lookups(text: str):
    """Framework names are read from any frontmatter text or heading in linear time ('(' × 3,000, blank runs)."""
    _framework_lookups(text)


@pytest.mark.parametrize("text", ["a" + " " * 20_000 + "b", "(" * 50_000, "x" + " and" * 5_000])
def test_framework_lookups_of_long_runs(text: str):
    """Runs that made the framework lookups backtrack (20,000 blanks took 21 s; each '(' rescanned the line) are read at once."""
    _framework_lookups(text)


def _framework_lookups(text: str) -> None:
    """The matrix's lookups of `text` as a frontmatter value and as a heading (whose blanks tables.py has collapsed)."""
    vocabulary = load_vocabulary()
    heading = " ".join(text.split())
    timed("framework lookups", lambda: (vocabulary.in_text(text), heading_frameworks(heading, vocabulary)), len(text))


@given(st.text(alphabet=" \tv1.x+aondr,/", max_size=60))
def test_framework_patterns_equal_the_regexes_they_replace(text: str):
    """The version suffix and list splits, tried once per run of blanks, read as the backtracking originals."""
    import re

    assert VERSION_SUFFIX_RE.sub("", text) == re.sub(r"\s+v?\d+(?:\.[\dx]+)*\+?$", "", text)
    assert VALUE_SPLIT_RE.split(text) == re.split(r"[,;()\[\]|/]|\s+(?:and|or)\s+", text)


@given(st.lists(st.sampled_from(["a", "a_1", "a_2", "b", "", "a_1_1", "b_9"]), max_size=30))
def test_unique_ids_equal_python_markdowns(candidates: list[str]):
    """The resumable unique ids are the ids Python-Markdown's toc gives, in order."""
    from markdown.extensions.toc import unique

    ours, theirs, hints = set(), set(), {}
    found = timed("unique ids", lambda: [unique_id(c, ours, hints) for c in candidates], len(candidates))
    assert found == [unique(c, theirs) for c in candidates]


def _code_spans_reference(line: str) -> list[tuple[int, int]]:
    """Code spans by the plain quadratic search: for each run, the first later run of the same length."""
    import re

    runs = [(m.start(), m.end()) for m in re.finditer("`+", line)]
    spans, skip_to = [], 0
    for index, (start, end) in enumerate(runs):
        later = [k for k in range(index + 1, len(runs)) if runs[k][1] - runs[k][0] == end - start]
        if index >= skip_to and later:
            spans.append((start, runs[later[0]][1]))
            skip_to = later[0] + 1
    return spans


_MD: list[Any] = []


def _markdown() -> Any:
    """One Python-Markdown with the site's extensions (mkdocs.yml), made once."""
    if not _MD:
        import markdown
        from mkdocs.config import load_config

        config = load_config(str(ROOT / "mkdocs.yml"))
        _MD.append(markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs))
    return _MD[0]
