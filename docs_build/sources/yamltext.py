"""Frontmatter YAML read as written: plain scalars stay text, and what YAML 1.1 would have changed is noted.

PyYAML's SafeLoader follows YAML 1.1, where `no` is False, `1.10` is 1.1, `017` is 15 and `12:30` is 750.
A definition file's `version: 1.10` is a version, not a float: this loader resolves plain scalars to
text (null alone stays None), records each scalar a standard loader would have read as another value,
and records keys written twice (the standard loader keeps the last without a word).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..model import Location, Problem

NULL_TAG = "tag:yaml.org,2002:null"
MERGE_TAG = "tag:yaml.org,2002:merge"
#: Scalars longer than this are not re-read to see what YAML 1.1 would make of them (no number is this long).
MAX_COERCIBLE_CHARS = 64
_STANDARD = yaml.resolver.Resolver()  # what yaml.SafeLoader would resolve a plain scalar to
#: libyaml's parser when PyYAML has it (as python-frontmatter uses), with the safe constructor either way.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Coercion:
    """A plain scalar that a YAML 1.1 loader reads as another value: `version: 1.10` -> 1.1."""

    line: int  # 0-based, in the YAML text
    written: str
    read_as: Any


class TextLoader(_SAFE_LOADER):  # type: ignore[misc, valid-type]
    """A SafeLoader whose plain scalars are text; it records coercions avoided and duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.coercions: list[Coercion] = []
        self.duplicates: list[tuple[int, str]] = []  # (0-based line of the second key, key)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A mapping, noting every key written twice at its second line."""
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != MERGE_TAG:
                if key_node.value in seen:
                    self.duplicates.append((key_node.start_mark.line, key_node.value))
                seen.add(key_node.value)
        return super().construct_mapping(node, deep)

    def construct_text(self, node: yaml.ScalarNode) -> str:
        """A string scalar as written, noting when a YAML 1.1 loader would have read another value."""
        value = self.construct_scalar(node)
        if not node.style and 0 < len(value) <= MAX_COERCIBLE_CHARS:  # plain: None in PyYAML, "" in libyaml
            tag = _STANDARD.resolve(yaml.ScalarNode, value, (True, False))
            if tag not in ("tag:yaml.org,2002:str", NULL_TAG) and _changes(value, read := _standard_value(value)):
                self.coercions.append(Coercion(node.start_mark.line, value, read))
        return value


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag in (NULL_TAG, MERGE_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
TextLoader.add_constructor("tag:yaml.org,2002:str", TextLoader.construct_text)


def _standard_value(text: str) -> Any:
    """What yaml.safe_load makes of one plain scalar."""
    try:
        return yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):
        return text


def _changes(written: str, read: Any) -> bool:
    """Whether reading `written` as `read` loses what was written (`true` stays true, `1.10` does not)."""
    if isinstance(read, bool):
        return written.lower() not in ("true", "false")
    return str(read) != written


def load_as_written(raw: str) -> tuple[Any, list[Coercion], list[tuple[int, str]]]:
    """Load YAML safely with plain scalars as text; also return coercions avoided and duplicate keys."""
    loader = TextLoader(raw)
    try:
        return loader.get_single_data(), loader.coercions, loader.duplicates
    finally:
        loader.dispose()


def written_value_problems(
    path: str, coercions: list[Coercion], duplicates: list[tuple[int, str]], key_lines: dict[str, int], text_keys: tuple[str, ...]
) -> list[Problem]:
    """Duplicate keys (warnings) and values kept as written: warnings for text fields, notes for the rest.

    Lines are 0-based in the YAML, which starts on line 2 of the file; `key_lines` gives top-level keys' file lines.
    """
    text_lines = {key_lines[key] for key in text_keys if key in key_lines}
    problems = [
        Problem(Location(path, line + 2), "warning", "duplicate-key",
                f"key '{key}' is written twice; the second value is used", f"keep one '{key}:' line")
        for line, key in duplicates
    ]
    for coercion in coercions:
        line = coercion.line + 2
        problems.append(
            Problem(Location(path, line), "warning" if line in text_lines else "info", "yaml-coerced",
                    f"'{coercion.written}' is kept as written; a YAML 1.1 reader takes it as {_shown(coercion.read_as)}",
                    f"quote it (\"{coercion.written}\") so every tool reads the same text")
        )
    return problems


def _shown(value: Any) -> str:
    """A value as YAML 1.1 readers hold it, in words: false, 1.1, 2024-01-02T10:00:00+00:00."""
    if isinstance(value, bool):
        return str(value).lower()
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
