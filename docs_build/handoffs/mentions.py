"""Find the mentions of a collection's entries on one line: names, numbers, commands, paths and links.

Names come from the gazetteer (names.py); numbers ("Agent 3", "Agents 01-04"), paths
(`skills/x/SKILL.md`) and links are recognised by their form and resolved later. Each mention records
its form, because the form is evidence: `planner`, **planner**, /planner or a link name an entry for
sure, while a plain word that happens to be a name ("the planner") needs a relation word beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..markdown.codespans import code_spans
from .names import NameIndex, name_key

Form = Literal["code", "bold", "link", "path", "command", "number", "slug", "title", "word", "typed", "candidate"]
#: Forms that name an entry whatever the words around them say.
MARKED_FORMS = frozenset({"code", "bold", "link", "path", "command", "number", "slug", "title", "typed"})

# Possessive, stopping at the next bracket: a line of '[a](' is read once, not once per '['.
LINK_RE = re.compile(r"(?<!!)\[(?P<text>[^\[\]\n]*+)\]\((?P<target>[^()\s]++)(?:\s+\"[^\"\n]*+\")?\)")
PATH_RE = re.compile(r"(?<![\w/.-])(?P<path>(?:\.{1,2}/)*(?:[\w.-]+/)*[\w.-]+\.md)\b", re.I)
#: "Agent 3", "Agents 01-04", "Agent 1–4", "Agents 02/03/04", "Agents 2, 3 and 5".
NUMBERS_RE = re.compile(r"\bAgents?\s+#?(?P<numbers>\d{1,2}(?:\s*(?:,|/|&|\band\b|\bor\b|-|–|—|\bto\b)\s*\d{1,2}\b)*)(?!\.\.|\d)", re.I)
NUMBER_SPLIT_RE = re.compile(r"\s*(,|/|&|\band\b|\bor\b|-|–|—|\bto\b)\s*", re.I)
#: Words before a plain name that make it an ordinary word ("the error-handling design").
DETERMINER_RE = re.compile(r"(?:^|[\s(])(?:the|a|an|of|into|its|their|our|your|this|that|these|those|any|each|every)\s+$", re.I)
#: A name that the text itself calls an agent or skill, even when the catalog lacks it.
TYPED_RE = re.compile(r"(?:`(?P<code>[a-z0-9][\w.:/-]*)`|\*\*(?P<bold>[a-z0-9][\w.:/-]*)\*\*)\s+(?:sub-?)?(?:agent|skill)s?\b")
SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
#: "01-fullstack-fundamentals", "03-Backend Development" in a numbered agent's file: a sibling by its number.
NUMBERED_NAME_RE = re.compile(r"(?<![\w-])(?P<number>\d{2})-(?P<title>[A-Za-z]\w*(?:-[A-Za-z]\w*|\s[A-Z]\w*)*)")
#: "(→ 03)" in a numbered agent's file: the bare number of a sibling agent.
ARROW_NUMBER_RE = re.compile(r"(?:→|->)\s*(?P<number>\d{2})\b(?![.\d])")
#: A marked, hyphenated lowercase slug: how collections write agent names, also those they do not ship.
CANDIDATE_RE = re.compile(r"(?:`(?P<code>[a-z0-9]+(?:-[a-z0-9]+)+)`|\*\*(?P<bold>[a-z0-9]+(?:-[a-z0-9]+)+)\*\*)")
NEXT_WORD_RE = re.compile(r"[\s*_`'\"]*(?P<word>[\w-]+)")


@dataclass(frozen=True)
class Mention:
    """One mention on a line: where it is, how it is written, and what it can resolve to."""

    start: int
    end: int
    written: str  # as on the line, without backticks or emphasis: "planner", "Agent 03", "/hub:spawn"
    form: Form
    key: str = ""  # gazetteer key, for names
    number: int | None = None  # for "Agent N"
    path: str = ""  # for paths and links, as written

    @property
    def marked(self) -> bool:
        """Whether the form alone says this is a name (backticks, bold, a command, a slug…)."""
        return self.form in MARKED_FORMS


def find_mentions(
    line: str, index: NameIndex, tool_words: frozenset[str], entry_words: frozenset[str], numbered: bool = False
) -> list[Mention]:
    """Every mention on `line`, left to right; names used as tools or ordinary words are left out.

    `numbered`: the line is in a numbered agent's file, where "→ 03" names agent 03.
    """
    lowered = line.lower()  # cheap substring tests skip the passes a line cannot need
    if not _may_mention(line, lowered, index, numbered):
        return []  # most lines: every pass below would find nothing
    found: list[Mention] = []
    taken = bytearray(len(line))  # characters already part of a mention (or of code that is not one)

    def claim(mention: Mention) -> None:
        found.append(mention)
        taken[mention.start:mention.end] = b"\1" * (mention.end - mention.start)

    for match in TYPED_RE.finditer(line) if "agent" in lowered or "skill" in lowered else ():
        name = match["code"] or match["bold"]
        key = name_key(name.split(":")[-1].lstrip("/"))
        if key not in index.by_key and name_key(name) not in index.by_key:
            claim(Mention(match.start(), match.end(), name, "typed", key=key))  # "the `x` agent", x not in the catalog
    for match in CANDIDATE_RE.finditer(line) if "`" in line or "**" in line else ():
        name = match["code"] or match["bold"]
        if not any(taken[match.start():match.end()]) and name_key(name) not in index.by_key:
            claim(Mention(match.start(), match.end(), name, "candidate", key=name_key(name)))
    for start, end in code_spans(line) if "`" in line else ():
        if any(taken[start:end]):
            continue
        mention = _code_mention(line, start, end, index)
        if mention and not _is_tool(line, end, tool_words):
            claim(mention)
        else:
            taken[start:end] = b"\1" * (end - start)
    for match in LINK_RE.finditer(line) if "](" in line else ():
        target = match["target"]
        if any(taken[match.start():match.end()]):
            continue
        if SCHEME_RE.match(target) or target.startswith("#"):
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())  # a web page, not an entry
            continue
        if target.split("#")[0].lower().endswith(".md") or target.rstrip("/").count("/"):
            claim(Mention(match.start(), match.end(), match["text"] or target, "link", path=target.split("#")[0]))
    for match in PATH_RE.finditer(line) if ".md" in lowered else ():
        if not any(taken[match.start():match.end()]):
            claim(Mention(match.start(), match.end(), match["path"], "path", path=match["path"]))
    for match in NUMBERS_RE.finditer(line) if "agent" in lowered else ():
        if not any(taken[match.start():match.end()]):
            for number in expand_numbers(match["numbers"]):
                found.append(Mention(match.start(), match.end(), f"Agent {number:02d}", "number", number=number))
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
    if numbered:
        for match in NUMBERED_NAME_RE.finditer(line):
            if not any(taken[match.start():match.end()]) and name_key(match.group(0)) not in index.by_key:
                claim(Mention(match.start(), match.end(), match.group(0), "number", number=int(match["number"])))
        for match in ARROW_NUMBER_RE.finditer(line):
            if not any(taken[match.start():match.end()]):
                claim(Mention(match.start("number"), match.end(), f"Agent {match['number']}", "number", number=int(match["number"])))
    if index.pattern is not None:
        for match in index.pattern.finditer(line):
            if any(taken[match.start():match.end()]):
                continue
            mention = _name_mention(line, match, index, tool_words, entry_words)
            if mention:
                claim(mention)
    return sorted(found, key=lambda m: (m.start, m.number or 0))


def _may_mention(line: str, lowered: str, index: NameIndex, numbered: bool) -> bool:
    """Whether any pass of `find_mentions` can find something: the substring tests that gate them, or a name."""
    return (numbered or "`" in line or "**" in line or "](" in line or "agent" in lowered or "skill" in lowered
            or ".md" in lowered or index.pattern is not None and index.pattern.search(line) is not None)


def expand_numbers(text: str) -> list[int]:
    """'01-04' -> 1, 2, 3, 4; '2, 3 and 5' -> 2, 3, 5; ranges longer than 20 are read as two numbers."""
    parts = NUMBER_SPLIT_RE.split(text)
    numbers = [int(parts[0])]
    for separator, value in zip(parts[1::2], parts[2::2]):
        number = int(value)
        if separator.lower() in ("-", "–", "—", "to") and 0 < number - numbers[-1] <= 20:
            numbers += range(numbers[-1] + 1, number + 1)
        else:
            numbers.append(number)
    return list(dict.fromkeys(numbers))


def _code_mention(line: str, start: int, end: int, index: NameIndex) -> Mention | None:
    """A code span that is exactly a name, a command (`/x`, `/plugin:x`, `plugin:x`) or a definition path."""
    content = line[start:end].strip("`").strip()
    if not content or any(char.isspace() for char in content):
        return None  # code with arguments or prose: `git commit`, `**REQUIRED:** use x`
    if content.lower().endswith(".md"):
        return Mention(start, end, content, "path", path=content)
    bare = content.lstrip("/@")
    form: Form = "command" if bare != content or ":" in bare else "code"
    bare = bare.split(":")[-1].removesuffix("()")
    key = name_key(bare)
    if key not in index.by_key:
        return None
    return Mention(start, end, content, form, key=key)


def _name_mention(
    line: str, match: re.Match[str], index: NameIndex, tool_words: frozenset[str], entry_words: frozenset[str]
) -> Mention | None:
    """A gazetteer match, with its form; None when the words around make it a tool or an ordinary word."""
    start, end = match.start(), match.end()
    written = match.group(0)
    key = name_key(written)
    if key not in index.by_key:
        return None
    before, after = line[:start], line[end:]
    if _is_tool(line, end, tool_words):
        return None
    following = NEXT_WORD_RE.match(after)
    names_entry = bool(following) and following["word"].lower() in entry_words
    if before.endswith(("**", "__")) and after.startswith(("**", "__")):
        form: Form = "bold"
    elif before.endswith("/") or re.search(r"[\w-]:$", before):
        form = "command"
        start -= 1 if before.endswith("/") else 0
    elif re.search(r"[-_\d]", written) or written in {e.name for e in index.by_key[key]} and " " in written:
        form = "slug" if re.search(r"[-_\d]", written) and written == written.lower() else "title"
    else:
        form = "word"
    if form in ("slug", "word") and DETERMINER_RE.search(before) and not names_entry:
        return None  # "the error-handling design", "a planner": words, not names
    if form == "word" and names_entry:
        form = "typed"  # "the planner agent"
    elif form == "word" and written != written.lower() and all(e.name == e.name.lower() for e in index.by_key[key]):
        return None  # "Redis", "Performance": a product or a word, where the entry is called "redis"
    return Mention(start, end, written, form, key=key)


def _is_tool(line: str, end: int, tool_words: frozenset[str]) -> bool:
    """Whether the word after a name makes it a tool, command or thing ("the docker CLI")."""
    match = NEXT_WORD_RE.match(line, end)
    return bool(match) and match["word"].lower() in tool_words
