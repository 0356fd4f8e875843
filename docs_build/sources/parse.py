"""Read one definition file into an Entry: frontmatter, body and the lines of both."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import yaml

from ..cache import fingerprint
from ..limits.bounds import bound_markdown, bound_problems
from ..limits.pagecut import shown_part
from ..limits.table import MAX_META_DEPTH, MAX_META_NODES
from ..limits.values import bound_meta
from ..markdown.fences import fence_problems, iter_fences, normalise_fences
from ..model import Entry, Kind, Location, Problem, Source
from .encoding import decode
from .yamltext import load_as_written, written_value_problems

FRONTMATTER_OPEN_RE = re.compile(r"^---[ \t]*$")
FRONTMATTER_CLOSE_RE = re.compile(r"^(---|\.\.\.)[ \t]*$")
TOP_KEY_RE = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
LIST_ITEM_RE = re.compile(r"^[ \t]+-[ \t]+(?P<value>.+?)[ \t]*$")
HOSTILE_HTML_RE = re.compile(r"<\s*(script|iframe|object|embed|style|form)\b|\son[a-z]+\s*=\s*[\"']|javascript:", re.I)
#: Frontmatter fields read as one piece of text; a list or mapping there is reported.
TEXT_KEYS = ("name", "description", "model", "version")
EXAMPLE_FRONTMATTER = "'---' / 'name: my-agent' / 'description: What it does' / '---'"


@dataclass
class ParsedFile:
    """The pieces of a definition file, before it becomes an Entry."""

    meta: dict[str, Any]
    meta_lines: dict[str, int]
    body: str
    body_line: int
    problems: list[Problem]
    has_frontmatter: bool


def read_text(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """Decode a file's bytes (see encoding.decode)."""
    return decode(data, path)


def split_file(text: str, path: str) -> ParsedFile:
    """Split text into frontmatter and body, loading the YAML safely and leniently on error."""
    lines = text.split("\n")
    if not lines or not FRONTMATTER_OPEN_RE.match(lines[0]):
        problem = Problem(
            Location(path, 1), "warning", "no-frontmatter",
            "file has no YAML frontmatter; the page uses the file name as its name",
            f"start the file with the lines {EXAMPLE_FRONTMATTER}",
        )
        return ParsedFile({}, {}, text, 1, [problem], False)
    close = next((i for i in range(1, len(lines)) if FRONTMATTER_CLOSE_RE.match(lines[i])), None)
    if close is None:
        problem = Problem(
            Location(path, 1), "error", "unclosed-frontmatter",
            "frontmatter opened with '---' is never closed; the whole file is shown as the body",
            "add a '---' line after the last frontmatter field",
        )
        return ParsedFile({}, {}, text, 1, [problem], False)
    raw = "\n".join(lines[1:close])
    meta_lines = {m["key"]: i + 2 for i, line in enumerate(lines[1:close]) if (m := TOP_KEY_RE.match(line))}
    body, body_line = "\n".join(lines[close + 1:]), close + 2
    meta, problems = _load_yaml(raw, path, meta_lines)
    return ParsedFile(meta, meta_lines, body, body_line, problems, True)


def _load_yaml(raw: str, path: str, meta_lines: dict[str, int]) -> tuple[dict[str, Any], list[Problem]]:
    """Load frontmatter YAML as written; on a syntax error, report it and recover the top-level scalars."""
    try:
        loaded, coercions, duplicates = load_as_written(raw) if raw.strip() else ({}, [], [])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        problem = Problem(
            Location(path, line), "error", "invalid-yaml",
            f"frontmatter is not valid YAML ({reason}); name and description were recovered leniently",
            "quote values that contain ': ', e.g. description: \"Use when: …\"",
        )
        return lenient_meta(raw), [problem]
    if loaded is None:
        return {}, []
    if not isinstance(loaded, dict):
        problem = Problem(
            Location(path, 2), "error", "frontmatter-not-mapping",
            f"frontmatter is a YAML {type(loaded).__name__}, not a mapping of fields",
            f"write it as key: value lines: {EXAMPLE_FRONTMATTER}",
        )
        return {}, [problem]
    if _too_tangled(loaded):
        problem = Problem(
            Location(path, 2), "error", "frontmatter-too-nested",
            f"frontmatter nests deeper than {MAX_META_DEPTH} levels or expands to more than {MAX_META_NODES} "
            "values (YAML aliases); name and description were recovered leniently",
            "write plain key: value fields without '&anchor' / '*alias' references",
        )
        return lenient_meta(raw), [problem]
    problems = written_value_problems(path, coercions, duplicates, meta_lines, TEXT_KEYS)
    return {str(key): value for key, value in loaded.items()}, problems


def _too_tangled(value: Any) -> bool:
    """Whether a loaded value is recursive, very deep, or very large once its aliases are expanded."""
    stack, seen = [(value, 0)], 0
    while stack:
        item, depth = stack.pop()
        seen += 1
        if seen > MAX_META_NODES or depth > MAX_META_DEPTH:
            return True
        if isinstance(item, dict):
            stack += [(child, depth + 1) for child in item.values()]
        elif isinstance(item, list):
            stack += [(child, depth + 1) for child in item]
    return False


def lenient_meta(raw: str) -> dict[str, Any]:
    """Recover `key: value` lines and simple `- item` lists from frontmatter YAML cannot load."""
    meta: dict[str, Any] = {}
    key = None
    for line in raw.split("\n"):
        if match := TOP_KEY_RE.match(line):
            key, value = match["key"], match["value"]
            meta[key] = _unquote(value) if value else []
        elif key and isinstance(meta.get(key), list) and (item := LIST_ITEM_RE.match(line)):
            meta[key].append(_unquote(item["value"]))
    return {k: v for k, v in meta.items() if v != []}


def _unquote(value: str) -> str:
    """A quoted scalar as YAML reads it (escapes such as \\n decoded), else the text as written."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        try:
            loaded = yaml.safe_load(value)
        except yaml.YAMLError:
            return value[1:-1]
        return loaded if isinstance(loaded, str) else value[1:-1]
    return value


def as_list(value: Any) -> tuple[str, ...]:
    """Normalise `tools`/`skills` shapes: comma string, single string, list, or nothing."""
    if value is None or value == "":
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(item).strip() for item in value if str(item).strip())
    if isinstance(value, dict):
        return tuple(str(key) for key in value)
    text = str(value)
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _scalar(value: Any) -> str | None:
    """A frontmatter value as text, or None when it is absent or a structure."""
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value).strip()


def stem_of(source_path: str) -> str:
    """The identifier a path gives: the file stem, or the folder name of a SKILL.md."""
    path = PurePosixPath(source_path)
    return path.parent.name if path.name.lower() == "skill.md" else path.stem


def parse_source(source: Source, data: bytes, entry_id: str) -> tuple[Entry | None, list[Problem]]:
    """Parse one file; None with a reason when frontmatter shows it is not a definition.

    A file too large for one page is parsed in part (limits.pagecut), so its rows, handoffs and snippets are
    those of the part shown.
    """
    data, cut = shown_part(source.path, data)
    text, problems = read_text(data, source.path)
    parsed = split_file(text, source.path)
    problems += parsed.problems
    fences = iter_fences(parsed.body, parsed.body_line)
    problems += fence_problems(source.path, fences)
    problems += hostile_html_problems(source.path, parsed.body, parsed.body_line, fences)
    problems += bound_problems(source.path, bound_markdown(parsed.body)[1], parsed.body_line)  # render.py bounds the page
    kind = source.kind or _kind_from_meta(parsed.meta)
    if kind == "command":  # Claude Code runs a command without frontmatter as written: a note, not a warning
        problems = [_command_note(p) if p.code == "no-frontmatter" else p for p in problems]
    if kind is None:
        return None, problems + [cut] if cut is not None else problems
    meta, value_problems = bound_meta(parsed.meta, parsed.meta_lines, source.path)
    problems += value_problems
    stem = stem_of(source.path)
    problems += _structure_problems(source.path, meta, parsed.meta_lines)
    name = _scalar(meta.get("name")) or stem
    if "name" not in meta and parsed.has_frontmatter and not parsed.problems and kind != "command":  # commands go by file
        problems.append(
            Problem(Location(source.path, 1), "info", "missing-name",
                    f"frontmatter has no 'name'; the file name '{stem}' is used", "add name: " + stem)
        )
    entry = Entry(
        id=entry_id,
        kind=kind,
        collection=source.collection,
        group=source.group,
        source=source.path,
        stem=stem,
        name=name,
        description=_scalar(meta.get("description")) or "",
        meta=meta,
        meta_lines=parsed.meta_lines,
        body=normalise_fences(parsed.body, fences, parsed.body_line),
        body_line=parsed.body_line,
        tools=as_list(meta.get("tools")),
        skills=as_list(meta.get("skills")),
        model=_scalar(meta.get("model")),
        version=_scalar(meta.get("version")),
        unclosed_fences=frozenset(fence.start_line for fence in fences if fence.end_line is None),
        cut_note=cut.message if cut is not None else None,
        digest=fingerprint((source, data, entry_id)),
    )
    return entry, problems + [cut] if cut is not None else problems


def _command_note(problem: Problem) -> Problem:
    """The no-frontmatter problem of a slash command, as the note it is."""
    return Problem(problem.location, "info", "no-frontmatter",
                   "command without frontmatter: Claude Code runs it as written, with no description in its list",
                   "start the file with '---' / 'description: What it does' / '---'")


def _structure_problems(path: str, meta: dict[str, Any], lines: dict[str, int]) -> list[Problem]:
    """Text fields (name, description, model, version) written as a list or mapping: shown as absent."""
    problems = []
    for key in TEXT_KEYS:
        if isinstance(meta.get(key), (dict, list)):
            problems.append(
                Problem(Location(path, lines.get(key, 1)), "warning", "frontmatter-not-text",
                        f"'{key}' is a YAML {type(meta[key]).__name__}, not text, so it is ignored",
                        f"write it on one line, e.g. {key}: some text")
            )
    return problems


def _kind_from_meta(meta: dict[str, Any]) -> Kind | None:
    """Decide the kind of a file whose path gives none: skills name a bonded agent."""
    if not meta.get("name") and not meta.get("description"):
        return None
    return "skill" if "bonded_agent" in meta or "bond_type" in meta else "agent"


def hostile_html_problems(path: str, body: str, body_line: int, fences: list) -> list[Problem]:
    """Report active HTML (scripts, event handlers…) outside code: the page drops it."""
    if not HOSTILE_HTML_RE.search(body):
        return []  # a match on one line is a match in the whole body: most bodies are read once, not per line
    spans = [(f.start_line, f.end_line or body_line + body.count("\n")) for f in fences]
    problems = []
    for offset, line in enumerate(body.split("\n")):
        number = body_line + offset
        if not (match := HOSTILE_HTML_RE.search(line)) or any(a <= number <= b for a, b in spans):
            continue
        if "`" in line[: match.start()]:
            continue  # inside an inline code span, shown as text
        problems.append(
            Problem(Location(path, number), "warning", "unsafe-html",
                    f"active HTML '{match.group(0).strip()}' is removed from the page",
                    "put HTML examples in a code block")
        )
    return problems
