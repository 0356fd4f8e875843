"""Bytes to text: UTF-8, or UTF-16/UTF-32 by their byte-order mark; NULs and mixed line endings reported."""

from __future__ import annotations

import codecs
import re
from collections import Counter

from ..model import Location, Problem

#: Longest marks first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
BREAK_RE = re.compile(r"\r\n|\r|\n")


def decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """Decode by the BOM (UTF-8 without one), NULs shown as U+FFFD, line endings folded to LF."""
    problems: list[Problem] = []
    codec, label = "utf-8", "UTF-8"
    for bom, name, title in BOMS:
        if data.startswith(bom):
            codec, label, data = name, title, data[len(bom):]
            break
    if codec != "utf-8":
        problems.append(
            Problem(Location(path, 1), "warning", "bom-encoded",
                    f"file is {label} with a byte-order mark; it was decoded by that mark",
                    "save it as UTF-8: most tools read frontmatter only from UTF-8")
        )
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        line = data[: error.start].count("\n".encode(codec)) + 1
        problems.append(
            Problem(Location(path, line), "warning", "not-utf8",
                    f"file is not valid {label}; undecodable bytes are shown as \ufffd", "save it as UTF-8")
        )
        text = data.decode(codec, errors="replace")
    if "\0" in text:
        problems.append(
            Problem(Location(path, text.count("\n", 0, text.index("\0")) + 1), "warning", "nul-bytes",
                    f"file holds {text.count(chr(0))} NUL bytes; they are shown as \ufffd",
                    "remove them: a NUL usually means a binary file or a wrong encoding")
        )
        text = text.replace("\0", "\ufffd")
    problems += _line_ending_problems(text, path)
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def _line_ending_problems(text: str, path: str) -> list[Problem]:
    """A file mixing CRLF, LF and CR line endings, reported at the first line whose ending differs."""
    if "\r" not in text:
        return []  # LF alone: one kind of ending
    kinds: Counter[str] = Counter()
    odd_line = None
    for line, match in enumerate(BREAK_RE.finditer(text), start=1):
        kinds[match.group()] += 1
        if odd_line is None and len(kinds) > 1:
            odd_line = line
    if odd_line is None:
        return []
    counts = ", ".join(f"{kinds[ending]} {label}" for ending, label in (("\r\n", "CRLF"), ("\n", "LF"), ("\r", "CR")) if kinds[ending])
    return [
        Problem(Location(path, odd_line), "info", "mixed-line-endings",
                f"file mixes line endings ({counts}); all are read as line breaks",
                "save it with one kind of line ending")
    ]
