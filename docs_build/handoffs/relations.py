"""What a line says about the entries it mentions: a handoff (and which way), a cross-reference, or nothing.

The words come from `docs_build/data/relations.yml`. A mention takes the nearest relation word of its
own clause on the line; failing that, of its table header, its label line, then its headings, nearest
first. Direction comes from the word's group (to / from / both), or is turned round when the sentence
says the other entry acts on this one ("`planner` calls this skill").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml

from ..cache import fingerprint
from .context import ProseLine
from .mentions import Mention

Direction = Literal["to", "from", "both"]
RelationType = Literal["handoff", "related"]
#: A relation word reaches a mention across this many characters of its clause, no further.
MAX_REACH = 120
#: A plain word that is also a name ("planner") needs its relation word this close.
WORD_REACH = 24
#: A name the catalog does not have counts only this close after a verb of handing over.
CANDIDATE_REACH = 6
#: Where a sentence or clause ends; a table row is one statement, so its cells do not end one.
CLAUSE_BREAK_RE = re.compile(r"[.!?;](?:\s|$)")
#: After a name, a dash or colon starts what the name is for ("- `x` — integration testing"), not a relation.
GLOSS_BREAK_RE = re.compile(r"[.!?;](?:\s|$)|\s[-–—]\s|:\s|\(")
#: "- **x** — USE when …", "`x`: invoke for …": a gloss that opens with a relation word is a routing rule.
GLOSS_START_RE = re.compile(r"[\s*_`'\"]*(?:[-–—:]\s*)?")
NEGATION_RE = re.compile(r"\b(?:not|never|no longer|don'?t|do not|doesn'?t|does not|cannot|can'?t|won'?t)\s+(?:\w+\s+)?$", re.I)
THIS_ENTRY_RE = re.compile(r"^\s*(?:this|me|us|the current)\b", re.I)


@dataclass(frozen=True)
class Cue:
    """A relation word found in some text."""

    start: int
    end: int
    written: str
    label: str
    direction: Direction
    type: RelationType
    on_line: bool = True


@dataclass(frozen=True)
class Relation:
    """What is stated about one mention: the relation, its label and where the reader saw it."""

    type: RelationType
    label: str  # "delegates to", "receives from", "related"
    phrase: str  # the words as written: "delegate to", "Upstream"
    direction: Direction
    where: Literal["line", "table", "label", "heading"]


@dataclass(frozen=True)
class _Group:
    label: str
    direction: Direction
    type: RelationType
    pattern: re.Pattern[str]


class Vocabulary:
    """The relation words of relations.yml, compiled."""

    def __init__(self, data: dict) -> None:
        self._fingerprint = fingerprint(data)  # everything it is compiled from
        self.groups = [
            _Group(g["label"], g["direction"], "handoff", words_pattern(g["words"])) for g in data["handoff"]
        ] + [_Group("related", "to", "related", words_pattern(data["related"]["words"]))]
        self.line_only = words_pattern(data["line_only"])
        self.blockers = re.compile(rf"(?:{words_pattern(data['blockers']).pattern})[\s*_`'\"]*$", re.I)
        self.user_menu = words_pattern(data["user_menu"])
        self.tool_words = frozenset(data["tool_words"])
        self.handover_labels = frozenset(data["handover_labels"])
        self.entry_words = frozenset(data["entry_words"])
        self.entry_word_re = words_pattern(data["entry_words"])

    def fingerprint(self) -> bytes:
        """A digest of the data the vocabulary was compiled from (docs_build.cache)."""
        return self._fingerprint

    def cues(self, text: str, on_line: bool = True) -> list[Cue]:
        """Every relation word in `text`, longest first where two overlap."""
        found = [
            Cue(m.start(), m.end(), m.group(0), g.label, g.direction, g.type, on_line)
            for g in self.groups for m in g.pattern.finditer(text)
        ]
        found.sort(key=lambda c: (c.start, -(c.end - c.start)))
        kept: list[Cue] = []
        for cue in found:
            if not kept or cue.start >= kept[-1].end:
                kept.append(cue)
        return kept

    @lru_cache(maxsize=4096)  # the same headings and labels stand above many lines
    def section_cue(self, text: str) -> Cue | None:
        """The relation a heading, label line or table header states for everything under it.

        Words too common to carry a whole section ("use", "after") count there only beside a word
        that names agents or skills ("## Skills used", "Agents to use after this one").
        """
        names_entries = bool(self.entry_word_re.search(text))
        for cue in self.cues(text, on_line=False):
            if names_entries or not self.line_only.fullmatch(cue.written):
                return cue
        return None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary shipped in docs_build/data/relations.yml."""
    text = resources.files("docs_build").joinpath("data/relations.yml").read_text(encoding="utf-8")
    return Vocabulary(yaml.safe_load(text))


def words_pattern(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for a word list: `*` ends a stem, a space matches spaces, '-' or '_'.

    Words match whole, and not inside a hyphenated name ("designing-before-coding" holds no "before").
    The start-of-word test stands once in front of all words, so most places of a line fail at once.
    """
    words = sorted(words, key=len, reverse=True)
    pieces = {True: [], False: []}
    for word in words:
        piece = r"[\s_-]++".join(re.escape(part).replace(r"\*", r"\w*") for part in word.split())
        piece = piece.replace(r"[\s_-]++\.\.\.[\s_-]++", r"(?:\s+[^\s.;:]+){1,6}?\s+")  # "defer* ... to": a few words between
        ends = word.rstrip("*")[-1:].isalnum() and not word.endswith("*")
        pieces[word[0].isalnum()].append(piece + (r"(?![\w-])" if ends else ""))
    alternatives = []
    if pieces[True]:
        alternatives.append(r"(?<![\w-])(?:" + "|".join(pieces[True]) + ")")
    if pieces[False]:
        alternatives.append("|".join(pieces[False]))
    return re.compile("|".join(alternatives), re.I)


def relate(line: ProseLine, mentions: list[Mention], visible: str, vocab: Vocabulary) -> list[Relation | None]:
    """The relation stated for each mention of a line (None: the line says nothing about it).

    A hard-wrapped sentence is read whole: the line before, when this one continues it, comes first.
    """
    if line.lead:
        shift = len(line.lead) + 1
        visible = f"{line.lead} {visible}"
        mentions = [replace(m, start=m.start + shift, end=m.end + shift) for m in mentions]
    cues = [c for c in vocab.cues(visible) if not any(m.start < c.end and c.start < m.end for m in mentions)]
    context_cue, where_context, context_text = _context_cue(line, vocab)
    menu = bool(vocab.user_menu.search(visible)) or any(vocab.user_menu.search(h) for h in line.headings[-1:])
    # A plain word that is also a name counts only where the text is about agents or skills at all.
    about_entries = any(vocab.entry_word_re.search(text) for text in (visible, line.label, context_text))
    results: list[Relation | None] = []
    for mention in mentions:
        if mention.form == "word" and not about_entries:
            results.append(None)
            continue
        if mention.form == "candidate":
            # A marked name the catalog lacks: a handoff only right after a verb of handing over ("delegate to `x`").
            cue = next((c for c in reversed(cues) if c.end <= mention.start), None)
            near = (cue is not None and mention.start - cue.end <= CANDIDATE_REACH and cue.label in vocab.handover_labels
                    and cue.written[:1].isalpha())  # a verb, not an arrow: "→ **clean-minimal** style" is no agent
            results.append(Relation("handoff", cue.label, cue.written.strip(), cue.direction, "line") if near else None)
            continue
        if mention.form == "command" and menu:
            results.append(None)  # a menu of commands offered to the reader (rule N4)
            continue
        if vocab.blockers.search(visible[: mention.start]):
            results.append(None)  # "unlike x", "instead of x"
            continue
        cue = _line_cue(mention, cues, visible, bool(line.table_header))
        where = "line"
        if cue is None and (mention.form != "word" or vocab.entry_word_re.search(context_text)):
            cue, where = context_cue, where_context
        if cue is None or (cue.on_line and NEGATION_RE.search(visible[: cue.start])):
            results.append(None)  # nothing stated, or "not deferred to x"
            continue
        direction = cue.direction
        if cue.on_line and cue.start >= mention.end and THIS_ENTRY_RE.match(visible[cue.end:]) and direction == "to":
            direction = "from"  # "`planner` calls this skill": the other entry acts on this one
        results.append(Relation(cue.type, cue.label, cue.written.strip(), direction, where))
    return results


def _line_cue(mention: Mention, cues: list[Cue], visible: str, table_row: bool) -> Cue | None:
    """The nearest relation word of the mention's own clause (or table row): before it first, then after it."""
    reach = WORD_REACH if mention.form == "word" else MAX_REACH
    before = [c for c in cues if c.end <= mention.start and mention.start - c.end <= reach
              and not CLAUSE_BREAK_RE.search(visible, c.end, mention.start)]
    if before:
        return before[-1]
    after = [c for c in cues if c.start >= mention.end and c.start - mention.end <= reach
             and (not (CLAUSE_BREAK_RE if table_row else GLOSS_BREAK_RE).search(visible, mention.end, c.start)
                  or GLOSS_START_RE.fullmatch(visible, mention.end, c.start))]
    if table_row:
        # In a row, a later cell is usually the mention's description; only a cell that is the relation word states one.
        after = [c for c in after if _cell_at(visible, c.start).strip(" *_`").lower() == c.written.lower()]
    return after[0] if after else None


def _cell_at(row: str, position: int) -> str:
    """The text of the table cell that holds `position`."""
    start = row.rfind("|", 0, position) + 1
    end = row.find("|", position)
    return row[start:end if end >= 0 else len(row)]


def _context_cue(line: ProseLine, vocab: Vocabulary) -> tuple[Cue | None, str, str]:
    """The relation stated above the line (its table header, label line, then headings), where, and that text."""
    header = " ".join(line.table_header)
    if header and (cue := vocab.section_cue(header)):
        return cue, "table", header
    if line.label and (cue := vocab.section_cue(line.label)):
        return cue, "label", line.label
    for heading in reversed(line.headings):
        if cue := vocab.section_cue(heading):
            return cue, "heading", heading
    return None, "line", ""
