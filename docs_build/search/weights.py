"""What weighs above body text in the search: card fields and findable frontmatter keys (data/search.yml)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def _weights() -> dict[str, Any]:
    """docs_build/data/search.yml, read once."""
    text = resources.files("docs_build").joinpath("data/search.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _key(name: str) -> str:
    """A frontmatter key as the data file writes it: lowercased, '-' as '_'."""
    return str(name).strip().lower().replace("-", "_")


def card_weights() -> dict[str, int]:
    """The weight of each card field: {'name': 8, 'description': 5}."""
    return dict(_weights()["card"])


def frontmatter_weight(key: str) -> int | None:
    """The weight of a frontmatter key's value, or None where it weighs as body text."""
    return _weights()["frontmatter"].get(_key(key))
