"""Plain data shared by every part of the build: locations, problems, entries."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Callable, Literal

from .cache import fingerprint

Kind = Literal["agent", "skill", "command"]
Severity = Literal["error", "warning", "info"]

#: Severities that fail `mkdocs build --strict` and make `python -m docs_build check` exit non-zero.
FAILING_SEVERITIES: frozenset[str] = frozenset({"error", "warning"})


@dataclass(frozen=True)
class Location:
    """A place in the content: a content-relative path and a 1-based line."""

    path: str
    line: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """Something wrong with the content, reported instead of raised or printed."""

    location: Location
    severity: Severity
    code: str
    message: str
    hint: str = ""

    def format(self) -> str:
        """The one wording used by the log, the check command and the health page."""
        text = f"{self.location}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def to_json(self) -> dict[str, Any]:
        """The shape of a problem in catalog.json."""
        return {
            "path": self.location.path,
            "line": self.location.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message if not self.hint else f"{self.message} ({self.hint})",
        }


@dataclass(frozen=True)
class Source:
    """A definition file found in the content directory, before it is read."""

    collection: str
    path: str  # content-relative, POSIX separators, e.g. "api-design/agents/02-backend-patterns.md"
    abs_path: str
    kind: Kind | None  # None: the path alone does not say; the frontmatter decides
    group: str | None  # plugin or category the file belongs to, if any


@dataclass(frozen=True)
class Entry:
    """One parsed agent or skill."""

    id: str  # stable, lowercase, derived from the path: also the page URL without its slash
    kind: Kind
    collection: str
    group: str | None
    source: str
    stem: str  # file stem for agents, folder name for SKILL.md files
    name: str
    description: str
    meta: dict[str, Any]
    meta_lines: dict[str, int]  # top-level frontmatter key -> line in the file
    body: str
    body_line: int  # line of the file where the body starts
    tools: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    model: str | None = None
    version: str | None = None
    #: Facts other features read (never found again through problem codes):
    unclosed_fences: frozenset[int] = frozenset()  # file lines of fences never closed: they run to the end
    cut_note: str | None = None  # why the page shows the file only in part (limits.pagecut); None: all of it
    #: What the entry was parsed from (its file's bytes, path and id): see `fingerprint`.
    digest: bytes = field(default=b"", compare=False, repr=False)

    def fingerprint(self) -> bytes:
        """Equal for an entry parsed from the same bytes at the same path (docs_build.cache keys results by it)."""
        if self.digest:
            return self.digest
        return fingerprint(tuple(getattr(self, spec.name) for spec in fields(self) if spec.name != "digest"))

    @property
    def url(self) -> str:
        """Site-relative URL of the entry's page."""
        return f"{self.id}/"

    @property
    def title(self) -> str:
        """Human title: the frontmatter name, which readers and other files use."""
        return self.name

    def line_of(self, key: str) -> int:
        """Line of a frontmatter key, or of the file's start when the key is absent."""
        return self.meta_lines.get(key, 1)


@dataclass(frozen=True)
class IgnoredFile:
    """A file in the content directory that is not an agent or skill definition."""

    path: str
    reason: str


@dataclass
class GeneratedPage:
    """A page the build adds to the site in memory."""

    src_uri: str
    title: str
    markdown: str
    nav_section: str | None = None  # nav section ("Reference", or nested "Reference/Handoff graphs"); None: links only
    nav_title: str | None = None  # shorter title for the sidebar, where the section already says what it is
    render_macros: bool = False
    #: Template HTML held back from Python-Markdown as (placeholder, HTML) pairs (see docs_build.heldhtml).
    held: tuple[tuple[str, str], ...] = ()

    @property
    def full_markdown(self) -> str:
        """The Markdown with the held HTML in place: the page as written, before any was held."""
        text = self.markdown
        for token, html in self.held:
            text = text.replace(token, html, 1)
        return text

    def fingerprint(self) -> str:
        """What decides whether the page changed between two builds: its Markdown and its held HTML."""
        return "\0".join([self.markdown, *(html for _, html in self.held)])


@dataclass(frozen=True)
class SearchDocument:
    """One search result that is not a whole page: a table row, say, opened at its anchor."""

    url: str  # site-relative, with the anchor: "api-design/agents/x/#ts-econnreset"
    title: str  # what the result shows and what weighs most, e.g. the symptom
    fields: tuple[tuple[str, str], ...]  # (label, text) pairs searched below the title: cause, solution…
    filters: tuple[tuple[str, str], ...] = ()  # (filter, value), e.g. ("collection", "api-design")


@dataclass
class Analysis:
    """What one feature (handoffs, troubleshooting, snippets…) contributes to the site.

    Features are pure: they read the catalog and return this; the hooks do the rest.
    """

    name: str
    problems: list[Problem] = field(default_factory=list)
    entry_json: dict[str, dict[str, Any]] = field(default_factory=dict)  # entry id -> catalog.json fields
    entry_markdown: dict[str, list[str]] = field(default_factory=dict)  # entry id -> sections after the body
    display_body: dict[str, str] = field(default_factory=dict)  # entry id -> body to show instead of the file's
    pages: list[GeneratedPage] = field(default_factory=list)
    summary: str = ""  # one short phrase for the build summary line, e.g. "42 handoffs"
    # Rewrites an entry page's rendered HTML (entry id, html) -> html, e.g. to anchor table rows.
    html_transform: Callable[[str, str], str] | None = None
    # Extra documents for the site search, beside the pages themselves (one per troubleshooting row).
    search_documents: list[SearchDocument] = field(default_factory=list)
    # Other files of the site, by site path: the redirect pages left at renamed entries' old URLs (text), downloads.
    files: dict[str, str | bytes] = field(default_factory=dict)
    # Top-level fields of catalog.json (the plugins feature's "marketplaces" and "plugins").
    catalog_json: dict[str, Any] = field(default_factory=dict)
    # Display titles of collections, where the content names them (a marketplace's name): collection -> title.
    collection_titles: dict[str, str] = field(default_factory=dict)
