"""Which tables are troubleshooting tables: the roles of their columns, by the header words of
`docs_build/data/troubleshooting.yml`.

A troubleshooting table has at least one problem-side column (symptom or cause) and one remedy-side column
(fix). A section heading such as "Troubleshooting" admits weaker header words; parameter, comparison and
checklist headers are rejected even there. A new header word is one line in that file (and a case in
tests/data/tables/headers.yml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..markdown.linear import drop_bracketed
from ..markdown.tables import plain_text

ROLES = ("symptom", "cause", "solution")
HEADER_NOISE_RE = re.compile(r"[*_`:]+")  # and parenthesised asides, dropped by drop_bracketed


@dataclass(frozen=True)
class HeaderWords:
    """The compiled header vocabulary of troubleshooting.yml."""

    strong: dict[str, list[re.Pattern[str]]]  # role -> one pattern per word
    weak: dict[str, list[re.Pattern[str]]]
    headings: re.Pattern[str]
    reject: re.Pattern[str]


@lru_cache(maxsize=1)
def header_words() -> HeaderWords:
    """The vocabulary shipped in docs_build/data/troubleshooting.yml."""
    data = yaml.safe_load(resources.files("docs_build").joinpath("data/troubleshooting.yml").read_text(encoding="utf-8"))
    strong = {role: [_word_re(w) for w in data[role]] for role in ("symptom", "cause", "fix", "diagnose")}
    weak = {role: [_word_re(w) for w in words] for role, words in data["weak"].items()}
    headings = re.compile("|".join(_word_re(w).pattern for w in data["headings"]), re.I)
    reject = re.compile("^(?:" + "|".join(_word_re(w).pattern for w in data["reject"]) + ")$", re.I)
    return HeaderWords(strong, weak, headings, reject)


def _word_re(word: str) -> re.Pattern[str]:
    """A whole-word pattern; a trailing `*` allows any ending, '-' and spaces match each other."""
    stem = word.rstrip("*")
    body = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", stem))
    ending = r"[\w-]*" if word.endswith("*") else ""
    return re.compile(rf"(?<![\w-])(?:{body}){ending}(?![\w-])", re.I)


def header_roles(header: tuple[str, ...] | list[str], headings: tuple[str, ...] | list[str] = ()) -> dict[str, int] | None:
    """Column index of symptom, cause (when there is one) and solution, or None when the table is not troubleshooting.

    `headings`: the section headings above the table; a troubleshooting one admits the weak header words.
    """
    words = header_words()
    cells = [" ".join(HEADER_NOISE_RE.sub(" ", drop_bracketed(plain_text(cell).lower(), "(", ")", " ")).split()) for cell in header]
    if any(words.reject.match(cell) for cell in cells):
        return None
    under_trouble = any(words.headings.search(heading) for heading in headings)
    found = [_cell_role(cell, words.strong) or (_cell_role(cell, words.weak) if under_trouble else None) for cell in cells]
    problem = [i for i, role in enumerate(found) if role in ("symptom", "cause")]
    # The row's solution is a fix column; a diagnostic one ("Debug Steps") only when there is no fix column.
    fixes = [i for i, role in enumerate(found) if role == "fix"] or [i for i, role in enumerate(found) if role == "diagnose"]
    if not problem or not fixes:
        return None
    symptoms = [i for i in problem if found[i] == "symptom"]
    roles = {"symptom": (symptoms or problem)[0], "solution": fixes[0]}
    causes = [i for i in problem if found[i] == "cause" and i != roles["symptom"]]
    if causes:
        roles["cause"] = causes[0]
    return roles


def _cell_role(cell: str, vocabulary: dict[str, list[re.Pattern[str]]]) -> str | None:
    """The role whose word covers most of the cell ("Recovery Action": fix; "Error Message": symptom)."""
    best, length = None, 0
    for role, patterns in vocabulary.items():
        for pattern in patterns:
            if (match := pattern.search(cell)) and len(match.group(0)) > length:
                best, length = role, len(match.group(0))
    return best
