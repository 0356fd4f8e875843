"""Parsing one definition file from in-memory bytes."""

from __future__ import annotations

import markdown

from docs_build.model import Source
from docs_build.sources.parse import as_list, parse_source

AGENT = Source("coll", "coll/agents/01-api.md", "", "agent", None)


def parse(text: str | bytes, source: Source = AGENT):
    """Parse text as the file coll/agents/01-api.md."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_source(source, data, "coll/agents/01-api")


def codes(problems) -> list[str]:
    """The problems' codes, in order."""
    return [p.code for p in problems]


def test_plain_frontmatter_and_body_line():
    """Fields are read and the body's first line is known."""
    entry, problems = parse("---\nname: api\ndescription: Builds APIs\nmodel: sonnet\n---\n# API\n")
    assert (entry.name, entry.description, entry.model) == ("api", "Builds APIs", "sonnet")
    assert entry.body_line == 6 and entry.body.startswith("# API")
    assert problems == []


def test_bom_and_crlf_keep_metadata():
    """A leading BOM and CRLF endings do not lose the frontmatter."""
    entry, problems = parse(b"\xef\xbb\xbf---\r\nname: api\r\ndescription: x\r\n---\r\nBody\r\n")
    assert entry.name == "api" and entry.body == "Body\n" and problems == []


def test_invalid_yaml_is_reported_at_its_line_and_recovered():
    """An unquoted ': ' in description is an error at its line; name and description survive."""
    text = "---\nname: gdpr\ndescription: Use when: the law applies\ntools: Read, Write\n---\nBody\n"
    entry, problems = parse(text)
    assert codes(problems) == ["invalid-yaml"]
    assert problems[0].location.line == 3 and problems[0].severity == "error"
    assert entry.name == "gdpr" and entry.description == "Use when: the law applies"
    assert entry.tools == ("Read", "Write")


def test_no_frontmatter_uses_file_name():
    """A file without frontmatter still becomes an entry named after the file, with a warning."""
    entry, problems = parse("# Just a heading\n\nText\n")
    assert entry.name == "01-api" and entry.body.startswith("# Just a heading")
    assert codes(problems) == ["no-frontmatter"] and problems[0].location.line == 1


def test_list_frontmatter_is_not_a_mapping():
    """Frontmatter that is a YAML list is reported and ignored."""
    entry, problems = parse("---\n- a\n- b\n---\nBody\n")
    assert codes(problems) == ["frontmatter-not-mapping"] and entry.meta == {}


def test_unclosed_frontmatter_keeps_the_text():
    """A frontmatter block that never closes is an error; the page shows the whole file."""
    entry, problems = parse("---\nname: x\n\n# Body\n")
    assert codes(problems) == ["unclosed-frontmatter"] and "# Body" in entry.body


def test_missing_name_falls_back_to_stem():
    """Without `name` the file stem names the entry, with a note."""
    entry, problems = parse("---\ndescription: d\n---\n")
    assert entry.name == "01-api" and codes(problems) == ["missing-name"]
    assert problems[0].severity == "info"


def test_odd_value_types():
    """Numbers, booleans and nested structures are kept; scalar views are text."""
    entry, _ = parse("---\nname: 42\ndescription: [a, b]\nversion: 2.0\ntools: All tools\nskills: [x, y]\n---\n")
    assert entry.name == "42" and entry.description == "" and entry.version == "2.0"
    assert entry.tools == ("All tools",) and entry.skills == ("x", "y")


def test_tools_shapes():
    """Comma strings, lists and empty values all normalise to a tuple."""
    assert as_list("Read, Write,Bash") == ("Read", "Write", "Bash")
    assert as_list(["Read", " Grep "]) == ("Read", "Grep")
    assert as_list(None) == () and as_list("") == ()


def test_frontmatter_key_lines():
    """Each top-level key knows its line, so later problems can point at it."""
    entry, _ = parse("---\nname: a\nbonded_agent: b\n---\n")
    assert entry.line_of("bonded_agent") == 3 and entry.line_of("absent") == 1


def test_unclosed_fence_is_reported_and_closed():
    """An unclosed fence is an error at its line, and the body gets a closing fence."""
    entry, problems = parse("---\nname: a\n---\ntext\n```python\nx = 1\n")
    assert codes(problems) == ["unclosed-fence"] and problems[0].location.line == 5
    assert entry.body.rstrip().endswith("```")


def test_hostile_html_is_reported_outside_code_only():
    """A <script> in prose is reported at its line; the same text in a fence is not."""
    text = "---\nname: a\n---\n<script>alert(1)</script>\n```html\n<script>ok()</script>\n```\n"
    _, problems = parse(text)
    assert codes(problems) == ["unsafe-html"] and problems[0].location.line == 4


def test_kind_from_frontmatter_when_path_is_silent():
    """Outside agents/ and skills/, a bonded_agent field makes a skill; no name/description, nothing."""
    loose = Source("coll", "coll/misc/x.md", "", None, None)
    entry, _ = parse("---\nname: x\nbonded_agent: y\n---\n", loose)
    assert entry.kind == "skill"
    assert parse("just notes\n", loose)[0] is None


def test_huge_file_is_cut_at_a_line_with_a_warning():
    """A file over the size limit is cut at a line boundary and reported, not dropped."""
    text = "---\nname: big\n---\n" + "ä line of text\n" * 100_000
    entry, problems = parse(text)
    assert codes(problems) == ["file-too-large"] and problems[0].severity == "warning"
    assert entry.name == "big" and entry.body.endswith("ä line of text\n")
    assert len(entry.body) < 1_000_000


def test_recursive_frontmatter_is_read_leniently():
    """A YAML alias that contains itself is an error, not an endless walk; name and description survive."""
    entry, problems = parse("---\nname: rec\ndescription: loops\nx: &a [*a]\n---\nBody\n")
    assert codes(problems) == ["frontmatter-too-nested"] and problems[0].location.line == 2
    assert (entry.name, entry.description, entry.meta["x"]) == ("rec", "loops", "&a [*a]")


def test_alias_bomb_is_read_leniently():
    """Aliases that expand exponentially (a 'billion laughs') are reported instead of walked."""
    levels = "".join(f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n" for i in range(1, 12))
    entry, problems = parse(f"---\nname: bomb\nl0: &l0 x\n{levels}---\nBody\n")
    assert codes(problems) == ["frontmatter-too-nested"] and entry.name == "bomb"


def test_text_fields_written_as_structures_are_reported():
    """A mapping `name:` or a list `description:` is a warning at its line and falls back like an absent field."""
    entry, problems = parse("---\nname:\n  a: 1\ndescription: [1, 2]\ntools: [1, 2.5]\n---\nBody\n")
    assert codes(problems) == ["frontmatter-not-text", "frontmatter-not-text"]
    assert [p.location.line for p in problems] == [2, 4]
    assert (entry.name, entry.description, entry.tools) == ("01-api", "", ("1", "2.5"))


def test_lenient_fallback_decodes_quoted_escapes():
    """A double-quoted value recovered after a YAML error has its escapes decoded."""
    entry, _ = parse('---\nname: a\ndescription: "Use it\\nwell"\ntools: x: y\n---\n')
    assert entry.description == "Use it\nwell"


def test_longer_closing_fence_is_rendered_as_the_analysis_reads_it():
    """A ``` block closed by ```` (CommonMark) is closed with ``` for the renderer, so the table after it is a table."""
    entry, problems = parse("---\nname: api\n---\n```bash\nls\n````\n\n| Error | Fix |\n|---|---|\n| a | b |\n")
    assert entry.body.split("\n")[:3] == ["```bash", "ls", "```"] and problems == []
    html = markdown.markdown(entry.body, extensions=["tables", "pymdownx.superfences"])
    assert "<table>" in html and "<td>a</td>" in html
