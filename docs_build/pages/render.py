"""Turn entries and features into Markdown pages, through autoescaping Jinja templates."""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any, Sequence

import jinja2
import yaml
from markupsafe import Markup

from ..cache import Memory
from ..catalog import Catalog, Names, entry_src, home_folder, href, url_of
from ..limits.bounds import bound_markdown
from ..markdown.gfm import separate_blocks
from ..model import Entry, GeneratedPage, Problem
from ..search.weights import card_weights, frontmatter_weight
from ..wiki.copylinks import (
    copy_controls,  # copylinks renders through this module: a cycle Python resolves
)
from .heldhtml import hold

PROMINENT_KEYS = ("name", "description", "model", "tools", "skills", "version")
ATX_H1_RE = re.compile(r"^ {0,3}#[ \t]+\S")
#: Characters Python-Markdown (with the tables extension) unescapes after a backslash; '<' and '&' are
#: not among them, so they become entities instead, and '~' needs nothing (no strikethrough extension).
MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+!|>])")
CATALOG_JSON = "catalog.json"
INVENTORY_FILE = "objects.inv"  # written by docs_build.inventory
PROBLEMS_PAGE = "problems.md"
#: First URL segments of the site's own pages beside the features': the problems page, the hand-written guide,
#: assets (docs/assets, the Mermaid bundle) and search; see catalog.collection_url.
SITE_URLS = frozenset({"problems", "guide", "assets", "search"})
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, where PyYAML was built with it


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The templates' environment; autoescape is on, so content values are always escaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("docs_build", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )


def render_template(name: str, **context: Any) -> str:
    """Render one template; the output is one raw-HTML block (no blank lines inside)."""
    text = environment().get_template(name).render(**context)
    return "\n".join(line for line in text.split("\n") if line.strip())






def md_escape(text: str) -> str:
    """Plain text made safe to drop into Markdown prose."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return MD_SPECIAL_RE.sub(r"\\\1", text)


def page(src_uri: str, title: str, content: str, description: str = "", **options: Any) -> GeneratedPage:
    """A generated page: escaped meta (Material prints meta values unescaped) and the content."""
    meta = {"title": html.escape(title)}
    if description:
        meta["description"] = html.escape(" ".join(description.split())[:300])
    # libyaml's emitter: 8 times faster; it writes some characters as escapes, which read back the same.
    header = yaml.dump(meta, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=10**6)
    return GeneratedPage(src_uri, title, f"---\n{header}---\n\n{content}\n", **options)


def held_page(src_uri: str, title: str, parts: list[str], description: str = "", **options: Any) -> GeneratedPage:
    """A generated page of Markdown and template HTML parts; the HTML is held back from Python-Markdown."""
    made, held = hold(parts, "")
    return page(src_uri, title, "\n\n".join(made), description, held=held, **options)



EXAMPLE_TAG_RE = re.compile(r"<(/?)example>", re.I)


def split_description(description: str) -> tuple[str, list[str]]:
    """The summary of a description and its `<example>` blocks, the classic Claude Code agent format.

    Such descriptions often carry literal `\\n` (a plain YAML scalar) meant as line breaks.
    """
    if "\\n" in description and "\n" not in description:
        description = description.replace("\\n", "\n")
    summary: list[str] = []
    examples: list[str] = []
    inside = False
    for index, piece in enumerate(EXAMPLE_TAG_RE.split(description)):
        if index % 2:  # the captured "" or "/" of a tag: it opens or closes an example
            inside = piece == ""
        else:
            (examples if inside else summary).append(piece)
    return " ".join("".join(summary).split()), [e.strip() for e in examples if e.strip()]


def render_card(entry: Entry, names: Names) -> str:
    """The header card: every frontmatter field, prominent ones first."""
    src = entry_src(entry)
    skills = []
    for name in entry.skills:
        found = names.find(name, entry.collection, kind="skill")
        skills.append((name, href(src, found[0].url) if found else None))
    details = [(key, value) for key, value in entry.meta.items() if key not in PROMINENT_KEYS]
    summary, examples = split_description(entry.description)
    return render_template(
        "card.html",
        entry=entry,
        summary=summary,
        examples=examples,
        collection_url=href(src, names.collection_url(entry.collection)),
        group_url=href(src, home_folder(entry) + "/"),
        skills=skills,
        namesakes=[(other, href(src, other.url)) for other in names.namesakes(entry)],
        details=details,
        weights=card_weights(),
        key_weight=frontmatter_weight,
        copy_links=Markup(copy_controls(src, entry.url, entry.title)),
    )


def render_entry(entry: Entry, names: Names, sections: Sequence[str], body: str) -> GeneratedPage:
    """An agent or skill page: the body's own H1, the card, the body, then feature sections."""
    card = render_card(entry, names)
    lines = separate_blocks(bound_markdown(body)[0]).split("\n")  # problems were reported when parsing
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and ATX_H1_RE.match(lines[first]):
        head, rest = "\n".join(lines[: first + 1]), "\n".join(lines[first + 1:])
    else:
        head, rest = f"# {md_escape(entry.title)}", "\n".join(lines)
    # The card and the sections' tables are template HTML: held back from Python-Markdown (see heldhtml).
    made, held = hold([card, *(part for section in sections for part in section.split("\n\n", 1))], rest)
    parts = [head, made[0], rest, *made[1:]]
    return page(entry_src(entry), entry.title, "\n\n".join(parts), entry.description, held=held)


def render_collection(collection: str, catalog: Catalog) -> GeneratedPage:
    """The index of one collection, one table per plugin or category."""
    src = catalog.collection_url(collection) + "index.md"
    return catalog.memory.call(src, render_listing, src, collection, f"{collection}/", tuple(catalog.in_collection(collection)))


def render_folder(folder: str, entries: list[Entry], memory: Memory) -> GeneratedPage:
    """The index of one folder level of the URLs (a plugin, a category, an agents/ folder)."""
    title = " / ".join(folder.split("/")[1:])
    where = f"{entries[0].collection}/…/{folder.split('/')[-1]}/"
    return memory.call(f"{folder}/index.md", render_listing, f"{folder}/index.md", title, where, tuple(entries))


def render_listing(src: str, title: str, where: str, entries: Sequence[Entry]) -> GeneratedPage:
    """A table of entries, one per plugin or category, linking to their pages."""
    groups: dict[str | None, list[tuple[Entry, str, str]]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: (e.kind, e.source)):
        groups[entry.group].append((entry, href(src, entry.url), split_description(entry.description)[0]))
    kinds = Counter(entry.kind for entry in entries)
    ordered = sorted(groups.items(), key=lambda item: (item[0] is not None, item[0] or ""))
    content = render_template(
        "collection.html",
        where=where,
        groups=ordered if len(ordered) != 1 else [(None, ordered[0][1])],
        group_ids={group: slug(group) for group in groups if group},
        agents=kinds["agent"],
        skills=kinds["skill"],
        commands=kinds["command"],
    )
    return held_page(src, title, [f"# {md_escape(title)}", content], f"Agents and skills of {title}")


def render_home(catalog: Catalog, reference_pages: list[GeneratedPage]) -> GeneratedPage:
    """The home page with generated counts."""
    rows = []
    for collection in catalog.collections:
        kinds = Counter(entry.kind for entry in catalog.in_collection(collection))
        rows.append((collection, href("index.md", catalog.collection_url(collection)), kinds["agent"], kinds["skill"],
                     kinds["command"]))
    kinds = Counter(entry.kind for entry in catalog.entries)
    content = render_template(
        "home.html",
        collections=rows,
        agents=kinds["agent"],
        skills=kinds["skill"],
        commands=kinds["command"],
        pages=[(p.title, href("index.md", url_of(p.src_uri))) for p in reference_pages],
        catalog_url=CATALOG_JSON,
        inventory_url=INVENTORY_FILE,
    )
    return page("index.md", "Home", f"# Agent Atlas\n\n{content}", "A catalog of AI agents and skills")


def render_problems(problems: list[Problem], catalog: Catalog) -> GeneratedPage:
    """The content health page: every problem, grouped by collection."""
    groups = problems_by_collection(problems, catalog, PROBLEMS_PAGE)
    severities = Counter(problem.severity for problem in problems)
    content = render_template(
        "problems.html",
        total=len(problems),
        by_severity=sorted(severities.items()),
        groups=groups,
        collection_ids={collection: slug(collection) for collection, _ in groups},
    )
    return page(PROBLEMS_PAGE, "Content problems", f"# Content problems\n\n{content}", nav_section="Health")


def problems_by_collection(
    problems: list[Problem], catalog: Catalog, from_src: str
) -> list[tuple[str, list[tuple[Problem, str | None]]]]:
    """Problems in file order, grouped by collection, each with a link from `from_src` to its entry's page."""
    by_source = {entry.source: entry for entry in catalog.entries}
    groups: dict[str, list[tuple[Problem, str | None]]] = defaultdict(list)
    for problem in sorted(problems, key=lambda p: (p.location.path, p.location.line)):
        entry = by_source.get(problem.location.path)
        groups[problem.location.path.split("/")[0]].append((problem, href(from_src, entry.url) if entry else None))
    return sorted(groups.items())


def slug(text: str) -> str:
    """An HTML id for generated headings."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


HEADING_RE = re.compile(r'<h(?P<level>[23]) id="(?P<id>[^"]+)"[^>]*>(?P<name>.*?)</h(?P=level)>', re.S)
TAG_RE = re.compile(r"<[^>]+>")


def heading_tokens(html: str) -> list[dict[str, Any]]:
    """Table-of-contents tokens (MkDocs' toc_tokens shape) for the h2/h3 headings of generated HTML.

    Headings written by templates are raw HTML, which Python-Markdown's toc does not see.
    """
    tokens: list[dict[str, Any]] = []
    for match in HEADING_RE.finditer(html):
        token = {"level": int(match["level"]), "id": match["id"], "name": TAG_RE.sub("", match["name"]).strip(), "children": []}
        if token["level"] == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens
