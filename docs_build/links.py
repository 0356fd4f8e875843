"""Find handoff references in entry bodies: every dialect real collections use, as one list.

A dialect is a `Dialect` in `DIALECTS`: which lines it reads (optionally only under some heading or
label), how it finds each target and topic on such a line, and the real lines it was written for.
A new phrasing is one more entry here with its examples; `tests/data/handoffs/` holds the labelled
lines (matching and not) that measure precision and recall. Resolution lives in `handoffs.py`.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator, Literal

from markdown.extensions.toc import slugify, unique

from .fences import fenced_lines

if TYPE_CHECKING:
    from .catalog import Catalog
    from .model import Entry

Direction = Literal["to", "from"]
TargetKind = Literal["agent", "skill", "path"]

#: "Agent 03", "Agents 02/03/04", "Agent 3": numbered agents of the same folder.
AGENT_NUMBER = r"Agents?\s+\d{1,2}(?:\s*/\s*\d{1,2})*\b"
#: "Agent 02: Backend Patterns": the title after the number says what the agent is for.
LABEL = r"(?::\s*(?P<label>[A-Z][\w&/-]*(?:\s+[A-Z&][\w&/-]*)*))?"
NUMBERED_TARGET_RE = re.compile(r"^Agents?\s+(?P<numbers>\d{1,2}(?:\s*/\s*\d{1,2})*)$")
#: An agent or skill slug as collections name them: lowercase words joined by '-', dots in versions.
SLUG = r"[a-z0-9]+(?:\.[0-9]+)*(?:-[a-z0-9]+(?:\.[0-9]+)*)+"
NUMBER_PREFIX_RE = re.compile(r"^(\d{1,2})[-_]")
HEADING_RE = re.compile(r"^ {0,3}(?P<level>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
HEADING_ID_RE = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
BULLET_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
INLINE_MARKUP_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]")
TOPIC_TRIM = " \t*_`❌✅-–—,;:|.>→"
LEADING_JOINER_RE = re.compile(r"^(?:or|and|then|also)\s+", re.I)
#: In free-text bullets, the topic starts at the first of these words after the first target.
TOPIC_START_RE = re.compile(r"\s(?:(?:on|for|about|regarding|during|when|in|to)\s|[-–—:]\s)", re.I)
#: "fold them into the error-handling design": a slug after an article or preposition is a word, not a name.
ARTICLE_BEFORE_RE = re.compile(r"(?:^|\s)(?:the|a|an|of|into|its|their|our|your|this|that|these|those)\s+$", re.I)
#: A slug in prose is a target only when it stands as a name: followed by an end, a separator or a joining word.
NAME_POSITION_RE = re.compile(
    r"\s*(?:$|[,;:/)]|\.(?:\s|$)|(?:on|for|to|with|about|in|during|when|and|or|regarding|via|through|as|if|before|after|"
    r"until|so|that|which|who|throughout|across|at|by)\b|\(|[-–—]\s)",
    re.I,
)
FREE_TARGET_RE = re.compile(rf"(?<![\w.@-])(?P<bold>\*\*)?(?P<target>{SLUG})(?(bold)\*\*)(?![\w-])")
INBOUND_PHRASE_RE = re.compile(r"^(?:upstream|previous|receives?|gets?|takes?|accepts?)\b|\bfrom$", re.I)
#: Handoffs and bonds are stated in short lines; the dialects' regexes take time quadratic in a line's
#: length when it does not match, so longer lines (data URIs, pasted minified text) are not read.
MAX_LINE_CHARS = 2_000
LEADING_VERB_RE = re.compile(r"^\s*(?P<verb>\w+(?:\s+(?:with|from|to|up\s+with|on|before|after))?)\s+", re.I)


@dataclass(frozen=True)
class Reference:
    """One reference to another entry, as written on one line of a body."""

    line: int  # line in the file
    text: str  # the whole source line, stripped
    phrase: str  # what introduced it: "delegate to", "ESCALATES TO", "Collaborate with"…
    topic: str  # what is handed over: "Database queries"
    target: str  # as written: "Agent 03", "product-manager", "../other/SKILL.md"
    kind: str  # the dialect's name
    direction: Direction  # "to": this entry hands off to the target; "from": the target hands off to it
    target_kind: TargetKind
    anchor: str = ""  # id of the heading of the section the line is in ("" before any heading)


@dataclass(frozen=True)
class Item:
    """A target found on a line, before it becomes a Reference."""

    target: str
    topic: str = ""
    phrase: str = ""


@dataclass(frozen=True)
class Dialect:
    """One way collections write handoffs; `examples` are real lines it must read."""

    kind: str
    line_re: re.Pattern[str]  # the line's shape; a `rest` group limits where items are looked for
    item_re: re.Pattern[str] | None = None  # each target on the line (groups target, topic?, phrase?)
    section_re: re.Pattern[str] | None = None  # only under a heading or label line matching this
    phrase: str = ""  # phrase when the regexes capture none
    target_kind: TargetKind = "agent"
    entry_kind: str | None = None  # only in bodies of this kind of entry
    items: Callable[[str], list[Item]] | None = None  # custom extraction for free text
    examples: tuple[str, ...] = field(default=(), repr=False)

    def find(self, line: str) -> list[Item]:
        """The targets this dialect reads on `line` (empty when the line is not of this dialect)."""
        match = self.line_re.search(line)
        if not match:
            return []
        rest = match["rest"] if "rest" in self.line_re.groupindex and match["rest"] is not None else line
        if self.items is not None:
            return self.items(rest)
        if self.item_re is None:
            return [_item(match, self.phrase)]
        return [_item(m, self.phrase) for m in self.item_re.finditer(rest)]


def _item(match: re.Match[str], phrase: str) -> Item:
    """An Item from a match's `target`, `topic`, `label` and `phrase` groups."""
    groups = match.groupdict()
    topic = groups.get("topic") or groups.get("label") or ""
    return Item(match["target"].strip(), clean_topic(topic), (groups.get("phrase") or phrase).strip())


def clean_topic(text: str) -> str:
    """A topic without list markers, emphasis, arrows or joining words."""
    text = INLINE_MARKUP_RE.sub(lambda m: m.group(1) or "", text).strip(TOPIC_TRIM)
    return LEADING_JOINER_RE.sub("", text).strip(TOPIC_TRIM)


def free_text_items(rest: str) -> list[Item]:
    """Agent slugs in a collaboration bullet ("Collaborate with **product-manager** on features").

    Only bold slugs or slugs standing as names count (not "real-time features"), and only before the topic starts.
    """
    found = [
        m for m in FREE_TARGET_RE.finditer(rest)
        if m["bold"] or (NAME_POSITION_RE.match(rest, m.end()) and not ARTICLE_BEFORE_RE.search(rest[: m.start()]))
    ]
    if not found:
        return []
    stop = TOPIC_START_RE.search(rest, found[0].end())
    targets = [m for m in found if stop is None or m.start() < stop.start()]
    before = rest[: targets[0].start()].strip()
    after = rest[stop.end():] if stop else rest[targets[-1].end():]
    topic = clean_topic(after)
    verb = LEADING_VERB_RE.match(before + " ")
    phrase = (verb["verb"] if verb else before).strip()
    if not topic and verb:
        topic = clean_topic(re.sub(r"\s+(?:from|to|with|by)$", "", before[verb.end():].strip(), flags=re.I))
    if re.search(r"\bfrom$", before, re.I):
        phrase = before  # "Receive API specifications from": direction comes from the whole phrase
    return [Item(m["target"], topic, phrase) for m in targets]


DIALECTS: list[Dialect] = [
    Dialect(
        "handoff-line",
        re.compile(r"^\s*(?:[-*]\s+)?\*\*(?P<phrase>Handoffs?)\s*:?\*\*\s*:?(?P<rest>.*)$", re.I),
        re.compile(rf"(?P<topic>[^|]*?)\s*(?:→|->)\s*(?P<target>{AGENT_NUMBER})"),
        phrase="Handoff",
        examples=("**Handoff:** Database queries → Agent 03 | Security review → Agent 05 | Deployment → Agent 04",),
    ),
    Dialect(
        "delegate",
        re.compile(rf"\b(?:delegate(?:d|s)? to|hand(?:s|ed)? off to|shared with)\s+{AGENT_NUMBER}", re.I),
        re.compile(
            rf"(?P<topic>[^(),;]*?)\s*\(?\s*(?P<phrase>(?i:delegate(?:d|s)? to|hand(?:s|ed)? off to|shared with))\s+"
            rf"(?P<target>{AGENT_NUMBER}){LABEL}"
        ),
        examples=(
            "- ❌ API design decisions (delegate to Agent 01)",
            "- ❌ Implementation details (delegate to Agent 02: Backend Patterns)",
            "- ❌ Infrastructure security (shared with Agent 04)",
        ),
    ),
    Dialect(
        "escalates-to",
        re.compile(r"^\s*(?:[-*]\s+)?\*\*(?P<phrase>ESCALATES TO)\*\*\s*:?(?P<rest>.*)$", re.I),
        re.compile(rf"(?P<target>{AGENT_NUMBER})\s*(?:for\s+)?(?P<topic>[^,;]*)"),
        phrase="ESCALATES TO",
        examples=("- **ESCALATES TO**: Agent 04 for query optimization, Agent 07 for security audit",),
    ),
    Dialect(
        "does-not",
        re.compile(r"^\s*(?:[-*]\s+)?\*\*(?P<phrase>DOES NOT)\*\*\s*:?(?P<rest>.*)$", re.I),
        re.compile(rf"(?P<topic>[^,()]*?)\s*\(\s*(?:→|->)\s*(?P<target>{AGENT_NUMBER})\s*\)"),
        phrase="DOES NOT",
        examples=("- **DOES NOT**: Database schema design (→ Agent 04), CI/CD (→ Agent 05)",
                  "- **DOES NOT**: Production code (→ Agents 02/03/04), Deployment (→ Agent 05)"),
    ),
    Dialect(
        "next",
        re.compile(r"^\s*(?:[-*]\s+)?\*\*(?P<phrase>Next(?: steps?)?)\s*:?\*\*\s*:?(?P<rest>.*)$", re.I),
        re.compile(rf"(?P<topic>[^,()]*?)\s*\(\s*(?P<target>{AGENT_NUMBER})\s*\)"),
        phrase="Next",
        examples=("**Next:** Database & Performance (Agent 3) or DevOps (Agent 4)",),
    ),
    Dialect(
        "agent-table",
        re.compile(r"^\s*\|\s*`?(?P<target>\d{2}-[a-z0-9-]+)`?\s*\|\s*(?P<topic>[^|]*)\|"),
        section_re=re.compile(r"^(?:upstream|downstream)\s+agents?$", re.I),
        examples=("| 04-database-design | Data model needed | Entity relationships |",),
    ),
    Dialect(
        "direction-table",
        re.compile(
            r"^\s*\|\s*(?P<phrase>Previous|Next|Related|Upstream|Downstream)\s*\|\s*`(?P<target>[^`|]+)`\s*\|"
            r"\s*(?P<topic>[^|]*)\|",
            re.I,
        ),
        examples=("| Previous | `programming-fundamentals-agent` | Language selection |",),
    ),
    Dialect(
        "route-list",
        re.compile(rf"^\s*[-*]\s+(?P<topic>[^→*|]+?)\s*(?:→|->)\s*\*\*(?P<target>{SLUG})\*\*\s*$"),
        phrase="→",
        examples=("- Route enumeration → **powershell-5.1-expert**",),
    ),
    Dialect(
        "definition-link",
        re.compile(r"\]\((?!https?:|mailto:|#)[^)\s]*\.md(?:#[^)\s]*)?\)", re.I),
        re.compile(r"(?<!!)\[(?P<topic>[^\]\n]*)\]\((?P<target>(?!https?:|mailto:|#)[^)\s#]*\.md)(?:#[^)\s]*)?\)", re.I),
        phrase="link",
        target_kind="path",
        examples=("- [OWASP Top 10 Checklist](../owasp-top10-checklist/SKILL.md)",),
    ),
    Dialect(
        "integration-list",
        re.compile(r"^\s*[-*]\s+(?P<rest>.+)$"),
        section_re=re.compile(r"^integration with other agents:?$", re.I),
        items=free_text_items,
        examples=("- Collaborate with **product-manager** on features", "- Receive API specifications from api-designer"),
    ),
    Dialect(
        "related-skills",
        re.compile(r"^\s*[-*]\s+(?:`|\*\*)(?P<target>[a-z0-9][a-z0-9.-]*)(?:`|\*\*)\s*(?:[-—–:]\s*(?P<topic>.*))?$"),
        section_re=re.compile(r"^related skills$", re.I),
        phrase="Related Skills",
        target_kind="skill",
        entry_kind="skill",
        examples=("- `terraform-module-library` - For IaC implementation",),
    ),
    Dialect(
        "mention",
        re.compile(rf"\b{AGENT_NUMBER}"),
        re.compile(
            rf"(?:(?P<phrase>(?i:see|per|ask|use|consult|with|from|to|by))\s+)?(?P<target>{AGENT_NUMBER}){LABEL}"
        ),
        examples=("See Agent 2: Backend Patterns for detailed guidance.",),
    ),
]


def iter_lines(body: str, first_line: int) -> Iterator[tuple[int, str, str, str]]:
    """(file line, line, section label, heading anchor) for every body line outside code fences.

    The label is the current heading's text, or a label line such as "Integration with other agents:"
    while the list below it lasts.
    """
    in_code = fenced_lines(body, first_line)
    ids: set[str] = set()
    heading, anchor, label = "", "", ""
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if number in in_code:
            continue
        if match := HEADING_RE.match(line):
            heading, label = _plain(match["text"]), ""
            anchor = heading_id(match["text"], ids)
            continue
        stripped = line.strip()
        if stripped and not BULLET_RE.match(line) and not stripped.startswith("|"):
            label = _plain(stripped) if stripped.endswith(":") or stripped.endswith(":**") else ""
        if len(line) <= MAX_LINE_CHARS:
            yield number, line, label or heading, anchor


def heading_id(text: str, ids: set[str]) -> str:
    """The id Python-Markdown's toc gives a heading (explicit `{#id}` first), made unique like toc does."""
    if explicit := HEADING_ID_RE.search(text):
        ids.add(explicit["id"])
        return explicit["id"]
    return unique(slugify(_plain(text), "-"), ids)


def _plain(text: str) -> str:
    """Heading or label text without Markdown emphasis, code marks, link syntax or a trailing colon."""
    text = HEADING_ID_RE.sub("", text)
    return INLINE_MARKUP_RE.sub(lambda m: m.group(1) or "", text).strip().rstrip(":").strip()


def extract_references(body: str, first_line: int = 1, entry_kind: str = "agent") -> list[Reference]:
    """Every handoff reference in a body; the first dialect that finds targets on a line claims it."""
    found: list[Reference] = []
    for number, line, section, anchor in iter_lines(body, first_line):
        for dialect in DIALECTS:
            if dialect.entry_kind not in (None, entry_kind):
                continue
            if dialect.section_re is not None and not dialect.section_re.match(section):
                continue
            items = dialect.find(line)
            if items:
                found += [ref for item in items for ref in _references(item, dialect, number, line, section, anchor)]
                break
    return found


def _references(item: Item, dialect: Dialect, number: int, line: str, section: str, anchor: str) -> list[Reference]:
    """One Reference per target; "Agents 02/03" becomes two."""
    phrase = item.phrase or dialect.phrase or section
    inbound = INBOUND_PHRASE_RE.search(phrase) or (dialect.section_re is not None and INBOUND_PHRASE_RE.search(section))
    direction: Direction = "from" if inbound else "to"
    if numbered := NUMBERED_TARGET_RE.match(item.target):
        targets = [f"Agent {n.strip()}" for n in numbered["numbers"].split("/")]
    else:
        targets = [item.target]
    return [
        Reference(number, line.strip(), phrase, item.topic, target, dialect.kind, direction, dialect.target_kind, anchor)
        for target in targets
    ]


def agent_number(target: str) -> int | None:
    """The number of an "Agent 03" target, or None for a name."""
    match = NUMBERED_TARGET_RE.match(target)
    return int(match["numbers"]) if match else None


# --- Resolution: what a written target means, never crossing collections for numbers. ---


def resolve_number(number: int, source: Entry, catalog: Catalog) -> Entry | None:
    """Resolve "Agent N" among the numbered agents (`NN-*`) of the source's own folder, plugin or collection."""
    folder = posixpath.dirname(source.source)
    candidates = [
        e for e in catalog.in_collection(source.collection)
        if e.kind == "agent" and e.group == source.group and e.id != source.id and _numbered(e) == number
    ]
    candidates.sort(key=lambda e: posixpath.dirname(e.source) != folder)  # the same agents folder first
    return candidates[0] if candidates else None


def numbered_agents(source: Entry, catalog: Catalog) -> list[str]:
    """The numbers known in the source's folder, for messages ("known: 01, 02")."""
    numbers = {
        n for e in catalog.in_collection(source.collection)
        if e.kind == "agent" and e.group == source.group and (n := _numbered(e)) is not None
    }
    return [f"{n:02d}" for n in sorted(numbers)]


def _numbered(entry: Entry) -> int | None:
    """The number an agent file carries in its stem or name (`03-database-design`)."""
    for text in (entry.stem, entry.name):
        if match := NUMBER_PREFIX_RE.match(text):
            return int(match[1])
    return None


def resolve_name(name: str, source: Entry, catalog: Catalog, kind: str | None) -> Entry | None:
    """A name or file stem: the source's group first, then its collection, then the whole catalog."""
    found = [e for e in catalog.find(name, source.collection, kind) if e.id != source.id]
    if not found:
        return None
    return min(found, key=lambda e: (e.collection != source.collection, e.group != source.group, e.source))


def suggest(name: str, source: Entry, catalog: Catalog, kind: str | None) -> str | None:
    """The closest known name in the source's collection, for a "did you mean" hint.

    A name the written one begins ("customer-success" → "customer-success-manager") wins; otherwise
    difflib's closest at a ratio of 0.8, high enough that "02-frontend-x" does not suggest "03-backend-x".
    """
    names = sorted({n for e in catalog.in_collection(source.collection) if kind in (None, e.kind) for n in (e.name, e.stem)})
    lowered = {n.lower(): n for n in names if n.lower() != source.name.lower()}
    written = name.lower().strip()
    longer = sorted((n for n in lowered if n.startswith(written)), key=len)
    if longer:
        return lowered[longer[0]]
    close = difflib.get_close_matches(written, list(lowered), n=1, cutoff=0.8)
    return lowered[close[0]] if close else None
