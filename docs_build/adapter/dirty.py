"""Dirty rebuilds under `mkdocs serve --dirty`: rebuild only the pages whose content changed.

MkDocs' dirty mode skips a page when `File.is_modified()` is false, but a generated file (content in
memory) always counts as modified. Here every generated page is fingerprinted by its Markdown and
compared with the last finished build of the same site directory in this process. The navigation is
fingerprinted too: when an entry is added, removed or renamed, every page is rebuilt (a full rebuild).
Search stays whole without help from here: Pagefind indexes every page in the site directory after each
build (search_index.index_site). The planner lives for the process (`AtlasPlugin.__init__`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass
class Rebuild:
    """What this build is: full, or dirty with the generated pages that are rebuilt.

    A post-build step (a search indexer, say) reads `dirty` and `changed` to redo only that part.
    """

    site_dir: str
    dirty: bool
    changed: set[str]  # src_uri of every generated page rebuilt (all of them in a full build)
    digests: dict[str, str] = field(default_factory=dict)
    nav: str = ""
    serving_dirty: bool = False  # the process serves dirty rebuilds: later edits will rebuild only their pages

    def describe(self, total: int) -> str:
        """The serve log line."""
        if self.dirty:
            return f"docs_build: dirty rebuild: {len(self.changed)} of {total} generated pages changed and are rebuilt"
        fast = "; later edits rebuild only the pages that change (serve --dirty)" if self.serving_dirty else ""
        return f"docs_build: full build of {total} generated pages{fast}"


@dataclass
class _Memory:
    """The last finished build of one site directory."""

    digests: dict[str, str]
    nav: str


def refusal(command: str, dirty: bool) -> str | None:
    """Why a dirty build of this command is refused (it could be deployed), or None."""
    if dirty and command != "serve":
        return (f"'mkdocs {command} --dirty' is refused: a dirty build can miss pages' navigation and search "
                "documents; it is for 'mkdocs serve --dirty' only (build without --dirty)")
    return None


def digest(text: str) -> str:
    """A short fingerprint of a page's source."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class RebuildPlanner:
    """The last finished build of each site directory, kept for the process (a `mkdocs serve` session), and the
    plan of each new build against it."""

    def __init__(self, serving_dirty: bool = False) -> None:
        self.serving_dirty = serving_dirty  # this process is `mkdocs serve --dirty`
        self._last: dict[str, _Memory] = {}

    def plan(self, site_dir: str, pages: dict[str, str], nav: Any) -> Rebuild:
        """Which generated pages (src_uri -> their Markdown, or text that changes with it) to rebuild; `nav` (the
        navigation and whatever else shapes every page, such as the configuration) is anything JSON can fingerprint."""
        digests = {src: digest(markdown) for src, markdown in pages.items()}
        nav_digest = digest(json.dumps(nav, sort_keys=True, default=str))
        last = self._last.get(site_dir)
        if not self.serving_dirty or last is None or last.nav != nav_digest:
            return Rebuild(site_dir, False, set(digests), digests, nav_digest, self.serving_dirty)
        changed = {src for src, value in digests.items() if last.digests.get(src) != value}
        return Rebuild(site_dir, True, changed, digests, nav_digest, self.serving_dirty)

    def finish(self, rebuild: Rebuild) -> None:
        """Remember this build as the last finished one (only once it finished: a failed build is redone whole)."""
        self._last[rebuild.site_dir] = _Memory(rebuild.digests, rebuild.nav)


def mark_files(files: Iterable[Any], rebuild: Rebuild) -> None:
    """Give each file a modification test for this build (duck-typed MkDocs `File`s).

    Generated files (pages, downloads, redirect pages): changed or not by their fingerprint; one without a
    fingerprint (an asset copied from a package) only in a full build, where MkDocs writes every file anyway.
    Hand-written ones keep MkDocs' own test (their modification time) in a dirty build, and all count as
    modified after a navigation change.
    """
    for file in files:
        if file.generated_by is not None:  # compat.FILE_IS_MODIFIED
            file.is_modified = (lambda modified: lambda: modified)(file.src_uri in rebuild.changed)
        elif not rebuild.dirty:
            file.is_modified = _always


def _always() -> bool:
    """Every file is modified in a full build."""
    return True
