"""A generated hostile collection: pathological Markdown, odd encodings, bad frontmatter, XSS payloads.

One generator shared by the tests (`tests/test_hostile*.py`) and the benchmark (`bench/hostile.py`), so
both build the same files. Every file is made here, in memory, never copied from a real collection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

COLLECTION = "hostile"
#: Characters of each pathological body (the issue's cases were 40-50 KB).
DEFAULT_SIZE = 50_000
#: Each payload sets `window.__xss` or calls `alert`, so a browser test sees whether any ran.
SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
SVG = '<svg onload="window.__xss=1"></svg>'
JS_LINK = "[click](JaVaScRiPt:window.__xss=1)"
DATA_LINK = "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
PAYLOAD = f"{SCRIPT}{IMG}{SVG}"
#: The word every XSS test searches for: it is in the payload file's name, description and body.
XSS_MARKER = "xssmarker"


def _header(name: str, description: str = "Pathological input, generated") -> str:
    return f"---\nname: {name}\ndescription: {description}\n---\n\n"


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _table(rows: int) -> str:
    head = "## Troubleshooting\n\n| Issue | Cause | Solution |\n|---|---|---|\n"
    return head + "".join(f"| E{n} fails | cause {n} | fix {n} |\n" for n in range(rows))


#: name -> body of `size` characters; each stresses one construct a Markdown parser or regex may backtrack on.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "brackets": lambda size: _repeat("[", size),
    "image-brackets": lambda size: _repeat("![", size),
    "stars": lambda size: _repeat("*", size),
    "underscores": lambda size: _repeat("_", size),
    "star-words": lambda size: _repeat("*a **b ", size),
    "backticks": lambda size: _repeat("`", size),
    "backtick-runs": lambda size: "".join("`" * n + " x " for n in range(1, 200)) + _repeat("` ", size),
    "angles": lambda size: _repeat("<", size),
    "html-open": lambda size: _repeat("<a href=", size),
    "comments": lambda size: _repeat("<!--", size),
    "link-openers": lambda size: _repeat("[a](", size),
    "link-openers-lines": lambda size: _repeat("[a](" * 20 + "\n", size),
    "reference-links": lambda size: _repeat("[a][", size),
    "footnotes": lambda size: _repeat("[^", size),
    "attr-lists": lambda size: _repeat("{: ", size),
    "pipes": lambda size: "| a | b |\n|---|---|\n" + _repeat("|", size),
    "backslashes": lambda size: _repeat("\\", size),
    "ampersands": lambda size: _repeat("&#", size),
    "quotes": lambda size: _repeat("> ", size),
    "nested-lists": lambda size: "".join("  " * n + "- x\n" for n in range(min(size // 200, 400))),
    "indented-lists": lambda size: "".join("    " * n + "- x\n" for n in range(min(size // 400, 300))),
    "ordered-markers": lambda size: _repeat("1. ", size),
    "definitions": lambda size: _repeat("a\n: b\n", size),
    "markdown-divs": lambda size: _repeat('<div markdown="1">\n\n', size // 2) + _repeat("</div>\n\n", size // 2),
    "blank-headings": lambda size: _repeat("#\n", size),
    "same-headings": lambda size: _repeat("# a\n", size),
    "setext-headings": lambda size: _repeat("a\n=\n", size),
    "spaced-heading": lambda size: "# a" + " " * size + "b\n",
    "backtick-cell": lambda size: "| Issue | Fix |\n|---|---|\n| " + "`" * size + " | fix |\n",
    "open-parens": lambda size: "| Issue (" + "(" * size + " | Fix |\n|---|---|\n| a | b |\n",
    "fences": lambda size: _repeat("```\n", size),
    "tildes": lambda size: _repeat("~~~x\n", size),
    "long-line": lambda size: _repeat("word `code` **bold** [l](x.md) ", size),
    "handoff-line": lambda size: "Hands off to " + _repeat("`a-b` then **c-d** → Agent 01, ", size),
    "dashes": lambda size: "delegates to " + _repeat("-", size),
    "agent-numbers": lambda size: _repeat("Agents 01-02, ", size),
    "md-paths": lambda size: _repeat("a/b/c/", size) + ".md",
    "mermaid": lambda size: "```mermaid\ngraph TD\n" + _repeat("A-->B\n", size) + "```\n",
}

#: The 20,000-row troubleshooting table of the issue; its size is fixed by the row count.
TABLE_ROWS = 20_000


def pathological_files(size: int = DEFAULT_SIZE, table_rows: int = TABLE_ROWS) -> dict[str, bytes]:
    """One agent per pathological construct, `size` characters of it, plus the big table."""
    files = {
        f"{COLLECTION}/agents/{name}.md": (_header(name) + make(size) + "\n").encode()
        for name, make in PATHOLOGICAL.items()
    }
    files[f"{COLLECTION}/agents/big-table.md"] = (_header("big-table") + _table(table_rows)).encode()
    return files


def odd_files() -> dict[str, bytes]:
    """Files that are odd but readable: each should be reported and still get its page."""
    plain = "Body of an odd file.\n"
    nested = "deep: " + "".join("\n" + "  " * (n + 1) + f"k{n}:" for n in range(30)) + " leaf\n"
    long_name = "n" * 300
    return {
        f"{COLLECTION}/agents/coerced.md": (
            "---\nname: no\ndescription: yes\nversion: 1.10\nmodel: 0o17\ncreated: 2024-01-02\n"
            "color: on\nlimit: 0x1F\nratio: 1_000\n---\n\n" + plain
        ).encode(),
        f"{COLLECTION}/agents/duplicate-keys.md": (
            "---\nname: first-name\ndescription: Duplicate keys\nname: second-name\n---\n\n" + plain
        ).encode(),
        f"{COLLECTION}/agents/utf16.md": ("\ufeff" + _header("utf16-agent", "Saved as UTF-16 — with a BOM") + plain).encode("utf-16-le"),
        f"{COLLECTION}/agents/utf16be.md": ("\ufeff" + _header("utf16be-agent") + plain).encode("utf-16-be"),
        f"{COLLECTION}/agents/utf32.md": ("\ufeff" + _header("utf32-agent") + plain).encode("utf-32-le"),
        f"{COLLECTION}/agents/mixed-endings.md": b"---\r\nname: mixed-endings\ndescription: CRLF and LF\r\n---\n\nOne\r\nTwo\nThree\r\n",
        f"{COLLECTION}/agents/nul-bytes.md": (_header("nul-bytes") + "before\0after\n").encode(),
        f"{COLLECTION}/agents/huge-value.md": (
            "---\nname: huge-value\ndescription: A huge field\nnotes: " + "x" * 300_000 + "\n---\n\n" + plain
        ).encode(),
        f"{COLLECTION}/agents/deep-value.md": ("---\nname: deep-value\ndescription: Deep field\n" + nested + "---\n\n" + plain).encode(),
        f"{COLLECTION}/agents/caf\u00e9.md": (_header("caf\u00e9") + plain).encode(),  # NFC
        f"{COLLECTION}/agents/cafe\u0301.md": (_header("cafe\u0301") + plain).encode(),  # NFD: same name to a reader
        f"{COLLECTION}/agents/Case-Twin.md": (_header("Case-Twin") + plain).encode(),
        f"{COLLECTION}/agents/case-twin.md": (_header("case-twin") + plain).encode(),
        f"{COLLECTION}/agents/{long_name[:240]}.md": (_header(long_name) + plain).encode(),
        f"{COLLECTION}/agents/neighbour.md": (_header("neighbour", "A valid file beside the odd ones") + plain).encode(),
    }


def xss_files() -> dict[str, bytes]:
    """An agent with a payload in every frontmatter field, a heading, the body, a table cell, a handoff and Mermaid."""
    p = PAYLOAD
    text = f"""---
name: '{XSS_MARKER}-agent {p}'
description: '{XSS_MARKER} description {p}'
model: '{p}'
version: '{p}'
tools: ['{p}', Read]
skills: ['{p}']
'{p}': '{p}'
extra:
  nested: '{p}'
  list: ['{JS_LINK}', '{DATA_LINK}']
---

# Heading {XSS_MARKER} {p}

Body {XSS_MARKER} {p} {JS_LINK} [upper](JAVASCRIPT:alert(1)) {DATA_LINK}
<a href="jAvAsCrIpT:window.__xss=1">raw link</a> <iframe src="javascript:window.__xss=1"></iframe>
<div onclick="window.__xss=1" style="background:url(javascript:alert(1))">div</div>

## Troubleshooting

| Issue | Cause | Solution |
|---|---|---|
| {XSS_MARKER} fails {p} | cause {p} | fix {JS_LINK} |

## Workflow

Hands off to **{XSS_MARKER}-helper** for the {p} step.
Delegates to `neighbour` for "</script><script>window.__xss=1</script>" reviews.

```mermaid
graph TD
  A["{XSS_MARKER} {p}"] --> B["<img src=x onerror=alert(1)>"]
```
"""
    return {
        f"{COLLECTION}/agents/{XSS_MARKER}.md": text.encode(),
        f"{COLLECTION}/agents/{XSS_MARKER}-helper.md": _header(f"{XSS_MARKER}-helper", f"Helper {p}").encode(),
        # File names cannot hold '/', but they can hold what a careless URL maker decodes into one.
        f"{COLLECTION}/agents/%2e%2e%2f%2e%2e%2fescape.md": (_header("../../../escape", "Path traversal in a name") + "x\n").encode(),
        f"{COLLECTION}/agents/x..\\..\\..\\escape.md": (_header("..\\..\\escape", "Backslashes") + "x\n").encode(),
        f"{COLLECTION}/skills/x..../SKILL.md": (_header("....", "Dots for a folder") + "x\n").encode(),
    }


def write_files(root: Path, files: dict[str, bytes]) -> Path:
    """Write {content-relative path: bytes} under `root`; returns `root`."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def write_hostile(root: Path, size: int = DEFAULT_SIZE, table_rows: int = TABLE_ROWS) -> Path:
    """The whole hostile collection (pathological, odd, XSS) under `root`."""
    return write_files(root, {**pathological_files(size, table_rows), **odd_files(), **xss_files()})
