"""The framework vocabulary (data/frameworks.yml): recognise framework names in values and in text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..cache import fingerprint
from ..markdown.linear import drop_bracketed

VOCABULARY_FILE = "frameworks.yml"
#: A trailing version (' 18', ' v3.x+'). Tried only where a run of blanks starts, each run read once: tried
#: at every blank, `\s+v?\d+…$` rescanned the rest of the run, and a value of 10,000 spaces took 4 s.
VERSION_SUFFIX_RE = re.compile(r"(?<!\s)\s++v?\d++(?:\.[\dx]++)*+\+?$")
#: Between the items of a list written as text; 'and'/'or' only where a run of blanks starts (as above).
VALUE_SPLIT_RE = re.compile(r"[,;()\[\]|/]|(?<!\s)\s+(?:and|or)\s+")
DECORATION_RE = re.compile(r"[*_`]+")
LEADING_NUMBER_RE = re.compile(r"^(?:\d+[.)]|[-*•])\s+")
#: Values whose lookup is remembered (the corpus looks up about 15,000 distinct ones).
MAX_LOOKED_UP = 100_000


@dataclass(frozen=True)
class Framework:
    """One framework: its display name, its ecosystem and every spelling that names it."""

    name: str
    ecosystem: str
    aliases: frozenset[str]  # lowercase; recognised anywhere
    common_words: frozenset[str]  # lowercase; whole values only, or capitalised in running text
    value_only: frozenset[str] = frozenset()  # lowercase; whole values only


@dataclass
class Vocabulary:
    """Frameworks by ecosystem, with lookups for whole values and for running text."""

    ecosystems: tuple[str, ...]
    frameworks: tuple[Framework, ...]
    ecosystem_aliases: dict[str, str]
    _fingerprint: bytes = field(init=False, repr=False)
    _by_value: dict[str, Framework] = field(init=False, repr=False)
    _anywhere_re: re.Pattern[str] | None = field(init=False, repr=False)
    _capitalised_re: re.Pattern[str] | None = field(init=False, repr=False)
    _looked_up: dict[str, Framework | None] = field(init=False, repr=False)  # the same cells and headings recur

    def fingerprint(self) -> bytes:
        """A digest of the frameworks and aliases the vocabulary was made of (docs_build.cache)."""
        return self._fingerprint

    def __post_init__(self) -> None:
        self._fingerprint = fingerprint((self.ecosystems, self.frameworks, self.ecosystem_aliases))
        self._by_value, self._looked_up = {}, {}
        for framework in self.frameworks:
            for alias in framework.aliases | framework.common_words | framework.value_only:
                self._by_value.setdefault(alias, framework)
        self._anywhere_re = _words_re(sorted({a for f in self.frameworks for a in f.aliases}, key=len, reverse=True), re.I)
        capitalised = {form for f in self.frameworks for form in _capitalised_forms(f)}
        self._capitalised_re = _words_re(sorted(capitalised, key=len, reverse=True), 0)

    def by_value(self, value: str) -> Framework | None:
        """The framework a whole value names ('express', 'React 18', '**Next.js** (SSR)'), if any."""
        if value in self._looked_up:
            return self._looked_up[value]
        text = LEADING_NUMBER_RE.sub("", DECORATION_RE.sub("", value).strip())
        text = drop_bracketed(text, "([", ")]", eat_space=True).strip().rstrip(":").strip()
        text = VERSION_SUFFIX_RE.sub("", text).lower()
        if len(self._looked_up) >= MAX_LOOKED_UP:
            self._looked_up.clear()  # a crude bound for a long `mkdocs serve`: the next build refills it
        self._looked_up[value] = found = self._by_value.get(text)
        return found

    def in_values(self, text: str) -> list[Framework]:
        """Frameworks named by the items of a list written as text: 'a, b (c), d/e', '^(a|b)$'."""
        found = []
        for piece in VALUE_SPLIT_RE.split(text.strip("^$ ")):
            framework = self.by_value(piece)
            if framework and framework not in found:
                found.append(framework)
        return found

    def in_text(self, text: str) -> list[Framework]:
        """Frameworks named in running text: lists, aliases, and common words written capitalised."""
        found = self.in_values(text)
        for pattern in (self._anywhere_re, self._capitalised_re):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                framework = self.by_value(match.group(0))
                if framework and framework not in found:
                    found.append(framework)
        return found

    def ecosystem_of(self, label: str) -> str | None:
        """The ecosystem a label such as 'Node.js' or 'Golang' names."""
        text = drop_bracketed(DECORATION_RE.sub("", label), "([", ")]", eat_space=True).strip().rstrip(":").strip().lower()
        return self.ecosystem_aliases.get(text)

    def in_ecosystem(self, ecosystem: str) -> list[Framework]:
        """The frameworks of one ecosystem, in vocabulary order."""
        return [f for f in self.frameworks if f.ecosystem == ecosystem]


def parse_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """A vocabulary from the YAML structure of data/frameworks.yml."""
    ecosystems, frameworks, ecosystem_aliases = [], [], {}
    for ecosystem in data.get("ecosystems", []):
        name = str(ecosystem["name"])
        ecosystems.append(name)
        for alias in [name, *ecosystem.get("aliases", [])]:
            ecosystem_aliases.setdefault(str(alias).lower(), name)
        for item in ecosystem.get("frameworks", []):
            common = frozenset(str(word).lower() for word in item.get("common_words", []))
            value_only = frozenset(str(word).lower() for word in item.get("value_only", []))
            aliases = frozenset(str(a).lower() for a in [item["name"], *item.get("aliases", [])]) - common - value_only
            frameworks.append(Framework(str(item["name"]), name, aliases, common, value_only))
    return Vocabulary(tuple(ecosystems), tuple(frameworks), ecosystem_aliases)


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The vocabulary shipped in the package."""
    text = resources.files("docs_build").joinpath("data", VOCABULARY_FILE).read_text(encoding="utf-8")
    return parse_vocabulary(yaml.safe_load(text))


def _capitalised_forms(framework: Framework) -> set[str]:
    """How a common-word name is written when it means the framework: 'Express', 'Spring'."""
    return {word[:1].upper() + word[1:] for word in framework.common_words} | (
        {framework.name} if framework.name.lower() in framework.common_words else set()
    )


def _words_re(words: list[str], flags: int) -> re.Pattern[str] | None:
    """One regex matching any of `words` as a whole word (dots and dashes belong to words)."""
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-]|\.\w)", flags)
