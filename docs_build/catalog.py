"""The whole set of collections: entries with stable ids, and lookups by id, name and stem."""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .cache import Memory, fingerprint
from .limits.table import MAX_SEGMENT_CHARS
from .model import Entry, IgnoredFile, Location, Problem, Source
from .sources.discover import discover
from .sources.parse import parse_source

UNSAFE_ID_CHARS_RE = re.compile(r"[^a-z0-9._/-]+")


def entry_id(source_path: str) -> str:
    """Stable id from the path alone: lowercase, no `.md`, a SKILL.md named by its folder."""
    # NFC first: 'café' typed as e + combining accent is the same name, and gets the same URL.
    path = PurePosixPath(unicodedata.normalize("NFC", source_path).lower())
    path = path.parent if path.name == "skill.md" else path.with_suffix("")
    slug = slug_path(path.as_posix())
    # MkDocs serves `x/index.md` at `x/` (and `<collection>/index.md` is the collection's overview).
    return slug + "-page" if slug.rsplit("/", 1)[-1] == "index" else slug


def slug_path(path: str) -> str:
    """A path made URL-safe segment by segment: lowercase letters, digits, '.', '_' and '-'."""
    slug = UNSAFE_ID_CHARS_RE.sub("-", path.lower())
    return "/".join(_short_segment(part.strip("-.") or "-") for part in slug.split("/"))


def _short_segment(segment: str) -> str:
    """A URL segment within MAX_SEGMENT_CHARS: a long one keeps its start and gains a hash of the whole."""
    if len(segment) <= MAX_SEGMENT_CHARS:
        return segment
    digest = hashlib.sha1(segment.encode()).hexdigest()[:10]
    return f"{segment[: MAX_SEGMENT_CHARS - 11].rstrip('-.')}-{digest}"


def long_segment_problems(source_path: str) -> list[Problem]:
    """A warning when a file's path makes a URL segment longer than MAX_SEGMENT_CHARS."""
    stem = source_path[:-3] if source_path.lower().endswith(".md") else source_path
    raw = UNSAFE_ID_CHARS_RE.sub("-", unicodedata.normalize("NFC", stem).lower())
    longest = max(len(part.strip("-.")) for part in raw.split("/"))
    if longest <= MAX_SEGMENT_CHARS:
        return []
    return [
        Problem(Location(source_path, 1), "warning", "long-url-segment",
                f"a name in this path makes a URL segment of {longest} characters; the URL keeps the first "
                f"{MAX_SEGMENT_CHARS - 11} and a hash", f"shorten the file or folder name to {MAX_SEGMENT_CHARS} characters")
    ]


def collection_url(collection: str, reserved: frozenset[str] = frozenset()) -> str:
    """Site-relative URL of a collection's overview page (its entries keep `<collection>/…`).

    `reserved`: first URL segments of the site's own pages, which each feature declares (`URLS`, gathered by
    `atlas.reserved_urls`); a collection folder with one of these names has its overview at `<name>-collection/`.
    """
    slug = slug_path(collection)
    return (f"{slug}-collection" if slug in reserved else slug) + "/"


def url_of(src_uri: str) -> str:
    """Site-relative URL that MkDocs gives a page (use_directory_urls)."""
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def href(from_src: str, to_url: str) -> str:
    """A relative link from the page of `from_src` to the site URL `to_url` (anchors kept)."""
    target, _, anchor = to_url.partition("#")
    base = url_of(from_src) or "."
    rel = relpath(target or ".", base)
    rel = "./" if rel == "." else rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")
    return rel + (f"#{anchor}" if anchor else "")


def relpath(path: str, start: str) -> str:
    """posixpath.relpath for two site-relative paths, without the working directory it asks the OS for each call.

    Pages make tens of thousands of links per build. Paths that climb ("..") or are absolute go to posixpath.
    """
    if path.startswith("/") or start.startswith("/") or ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def md_href(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link target from page `from_src` to page `to_src` (both docs-relative .md paths).

    Use this, not `href`, in Markdown: MkDocs validates `.md` links and turns them into URLs, while a
    URL-style relative link in Markdown draws an 'unrecognized relative link' warning.
    """
    rel = relpath(to_src, posixpath.dirname(from_src) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def entry_src(entry: Entry) -> str:
    """The generated page's path in the docs namespace."""
    return f"{entry.id}.md"



@dataclass(frozen=True)
class EntryName:
    """What a page may show of another entry: what it is called and where it is (never its content)."""

    id: str
    kind: str
    collection: str
    group: str | None
    source: str
    stem: str
    name: str

    @property
    def url(self) -> str:
        """Site-relative URL of the entry's page."""
        return f"{self.id}/"


class Names:
    """The catalog as other entries' pages see it: every entry's EntryName, the lookups pages make, the URL
    rules. Pages and handoffs are remembered per entry with this as an input (docs_build.cache), so its
    fingerprint covers all it holds, and nothing it holds changes when only a file's body does."""

    def __init__(self, entries: list[Entry], reserved: frozenset[str]) -> None:
        self.all = tuple(EntryName(e.id, e.kind, e.collection, e.group, e.source, e.stem, e.name) for e in entries)
        self.reserved = reserved
        self.by_id = {name.id: name for name in self.all}
        self._by_key: dict[str, list[EntryName]] = defaultdict(list)
        for name in self.all:
            for key in {_key(name.name), _key(name.stem)}:
                self._by_key[key].append(name)
        self._fingerprint: bytes | None = None

    def fingerprint(self) -> bytes:
        """A digest of every name and place, and the reserved URLs."""
        if self._fingerprint is None:
            self._fingerprint = fingerprint((self.all, self.reserved))
        return self._fingerprint

    def collection_url(self, collection: str) -> str:
        """Site-relative URL of a collection's overview page."""
        return collection_url(collection, self.reserved)

    def find(self, name: str, collection: str | None = None, kind: str | None = None) -> list[EntryName]:
        """Entries whose frontmatter name or file stem is `name`; within `collection` first."""
        found = [e for e in self._by_key.get(_key(name), []) if kind is None or e.kind == kind]
        if collection is not None:
            local = [e for e in found if e.collection == collection]
            return local or found
        return found

    def namesakes(self, entry: Entry | EntryName) -> list[EntryName]:
        """Other entries with the same name: shown on each page as 'also defined in'."""
        return [e for e in self._by_key.get(_key(entry.name), []) if e.id != entry.id and _key(e.name) == _key(entry.name)]


def home_folder(entry: Entry | EntryName) -> str:
    """The folder page that lists an entry with its plugin or category (or its kind folder)."""
    parts = entry.id.split("/")
    if entry.group is not None and (group := slug_path(entry.group)) in parts[1:-1]:
        return "/".join(parts[: parts.index(group, 1) + 1])
    return "/".join(parts[:-1])


@dataclass
class Catalog:
    """Every entry of every collection, and the problems met while reading them."""

    content_dir: Path
    collections: list[str]
    entries: list[Entry]
    ignored: list[IgnoredFile]
    problems: list[Problem] = field(default_factory=list)
    reserved: frozenset[str] = frozenset()  # first URL segments the site's own pages take (see collection_url)
    memory: Memory = field(default_factory=Memory, repr=False)  # per-entry results kept for the process
    manifests: list[str] = field(default_factory=list)  # plugin and marketplace manifests (docs_build/plugins)
    settings: dict[str, Any] = field(default_factory=dict)  # the site's settings (marketplace_sources)

    def __post_init__(self) -> None:
        self.by_id = {entry.id: entry for entry in self.entries}
        self.names = Names(self.entries, self.reserved)

    def collection_url(self, collection: str) -> str:
        """Site-relative URL of a collection's overview page."""
        return collection_url(collection, self.reserved)

    def in_collection(self, collection: str) -> list[Entry]:
        """Entries of one collection, agents first, in path order."""
        return sorted((e for e in self.entries if e.collection == collection), key=lambda e: (e.kind, e.source))

    def find(self, name: str, collection: str | None = None, kind: str | None = None) -> list[Entry]:
        """Entries whose frontmatter name or file stem is `name`; within `collection` first."""
        return [self.by_id[found.id] for found in self.names.find(name, collection, kind)]

    def namesakes(self, entry: Entry) -> list[Entry]:
        """Other entries with the same name: shown on each page as 'also defined in'."""
        return [self.by_id[found.id] for found in self.names.namesakes(entry)]

    def folders(self) -> dict[str, list[Entry]]:
        """Every folder level of the entry ids below a collection (`c/plugins/p`, `c/agents`…) with its entries.

        Each gets an index page, so a URL cut back to any folder still leads somewhere.
        """
        folders: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            parts = entry.id.split("/")
            for depth in range(2, len(parts)):
                folders["/".join(parts[:depth])].append(entry)
        return {folder: entries for folder, entries in folders.items() if folder not in self.by_id}

    def home_folder(self, entry: Entry) -> str:
        """The folder page that lists an entry with its plugin or category (or its kind folder)."""
        return home_folder(entry)

    def known_names(self, collection: str | None = None) -> list[str]:
        """All names and stems, for 'did you mean' suggestions."""
        entries = self.entries if collection is None else self.in_collection(collection)
        return sorted({e.name for e in entries} | {e.stem for e in entries})


def _key(name: str) -> str:
    """Names match case-insensitively, in any Unicode normalisation, and ignore spaces vs dashes vs underscores."""
    return re.sub(r"[\s_]+", "-", unicodedata.normalize("NFC", name).strip().lower())


def build_catalog(content_dir: Path, reserved: frozenset[str] = frozenset(), memory: Memory | None = None,
                  settings: dict[str, Any] | None = None) -> Catalog:
    """Discover and parse every file; one bad file is reported, never fatal to the others.

    `reserved`: the URL segments the site's own pages take (`atlas.reserved_urls()`). `memory`: results of
    earlier builds in this process (`mkdocs serve`); a file whose bytes did not change is not parsed again.
    """
    memory = memory or Memory()
    found = discover(content_dir)
    entries: list[Entry] = []
    ignored = list(found.ignored)
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    for source in found.sources:
        base_id = entry_id(source.path)
        problems += long_segment_problems(source.path)
        unique_id = _unique(base_id, taken)
        if unique_id != base_id:
            problems.append(
                Problem(Location(source.path, 1), "warning", "duplicate-id",
                        f"URL '{base_id}/' is already used by {taken[base_id]}; this page is at '{unique_id}/'",
                        "rename one of the files so their paths differ by more than case, punctuation or accents")
            )
        entry, file_problems = _parse(source, unique_id, memory)
        problems += file_problems
        if entry is None:
            ignored.append(IgnoredFile(source.path, "no agent/skill frontmatter (name, description)"))
            continue
        taken[unique_id] = source.path
        entries.append(entry)
    catalog = Catalog(content_dir, found.collections, entries, ignored, problems, reserved, memory, found.manifests,
                      dict(settings or {}))
    catalog.problems += _duplicate_name_problems(catalog) + _collection_url_problems(found.collections, reserved)
    return catalog


def _parse(source: Source, unique_id: str, memory: Memory) -> tuple[Entry | None, list[Problem]]:
    """Read and parse one file, turning an unreadable file into a problem."""
    try:
        data = Path(source.abs_path).read_bytes()
    except OSError as error:
        return None, [Problem(Location(source.path, 1), "error", "unreadable", f"cannot read file: {error.strerror}")]
    return memory.call(source.path, parse_source, source, data, unique_id)


def _unique(base: str, taken: dict[str, str]) -> str:
    """`base`, or `base-2`, `base-3`… when another file already has it."""
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _collection_url_problems(collections: list[str], reserved: frozenset[str]) -> list[Problem]:
    """Collection folders whose names differ only in case or punctuation share one overview URL."""
    seen: dict[str, str] = {}
    problems = []
    for collection in collections:
        url = collection_url(collection, reserved)
        if first := seen.get(url):
            problems.append(
                Problem(Location(collection, 1), "warning", "duplicate-collection-url",
                        f"collection folder '{collection}' has the same URL '{url}' as '{first}'; one overview page is lost",
                        "rename one of the folders so their names differ by more than case or punctuation")
            )
        seen.setdefault(url, collection)
    return problems


def _duplicate_name_problems(catalog: Catalog) -> list[Problem]:
    """Two entries of one kind with one name in one collection make references ambiguous."""
    seen: dict[tuple[str, str, str | None, str], Entry] = {}
    problems = []
    for entry in catalog.entries:
        key = (entry.collection, entry.kind, entry.group, _key(entry.name))
        if first := seen.get(key):
            problems.append(
                Problem(Location(entry.source, entry.line_of("name")), "warning", "duplicate-name",
                        f"{entry.kind} name '{entry.name}' is also used by {first.source}",
                        "give each a distinct name: other files refer to them by it")
            )
        else:
            seen[key] = entry
    return problems
