"""Dirty rebuilds under `mkdocs serve --dirty`: rebuild only the pages whose content changed.

MkDocs' dirty mode skips a page when `File.is_modified()` is false, but a generated file (content in
memory) always counts as modified. Here every generated page is fingerprinted by its Markdown and
compared with the last finished build of the same site directory in this process. The navigation is
fingerprinted too: when an entry is added, removed or renamed, every page is rebuilt (a full rebuild).
Search stays whole without help from here: Pagefind indexes every page in the site directory after each
build (docs_build.search.index_site). Nothing here imports MkDocs: files are duck-typed.
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

    def describe(self, total: int) -> str:
        """The serve log line."""
        if self.dirty:
            return f"docs_build: dirty rebuild: {len(self.changed)} of {total} generated pages changed and are rebuilt"
        fast = "; later edits rebuild only the pages that change (serve --dirty)" if serving_dirty() else ""
        return f"docs_build: full build of {total} generated pages{fast}"


@dataclass
class _Memory:
    """The last finished build of one site directory."""

    digests: dict[str, str]
    nav: str


_LAST: dict[str, _Memory] = {}
_SERVING_DIRTY = {"on": False}  # set once per process by `start`: hook modules are reloaded every build


def start(command: str, dirty: bool) -> str | None:
    """Note whether this process serves dirty rebuilds; a reason to refuse when a dirty build could be deployed."""
    if dirty and command != "serve":
        return (f"'mkdocs {command} --dirty' is refused: a dirty build can miss pages' navigation and search "
                "documents; it is for 'mkdocs serve --dirty' only (build without --dirty)")
    _SERVING_DIRTY["on"] = dirty
    return None


def serving_dirty() -> bool:
    """Whether this process is `mkdocs serve --dirty`."""
    return _SERVING_DIRTY["on"]


def digest(text: str) -> str:
    """A short fingerprint of a page's source."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def plan(site_dir: str, dirty: bool, pages: dict[str, str], nav: Any) -> Rebuild:
    """Which generated pages (src_uri -> their Markdown, or text that changes with it) to rebuild; `nav` (the navigation and whatever else shapes
    every page, such as the configuration) is anything JSON can fingerprint."""
    digests = {src: digest(markdown) for src, markdown in pages.items()}
    nav_digest = digest(json.dumps(nav, sort_keys=True, default=str))
    last = _LAST.get(site_dir)
    if not dirty or last is None or last.nav != nav_digest:
        return Rebuild(site_dir, False, set(digests), digests, nav_digest)
    changed = {src for src, value in digests.items() if last.digests.get(src) != value}
    return Rebuild(site_dir, True, changed, digests, nav_digest)


def mark_files(files: Iterable[Any], rebuild: Rebuild) -> None:
    """Give each documentation file a modification test for this build (duck-typed MkDocs `File`s).

    Generated pages: changed or not by their fingerprint. Hand-written ones keep MkDocs' own test (their
    modification time) in a dirty build, and all count as modified after a navigation change.
    """
    for file in files:
        if file.generated_by is not None:
            file.is_modified = (lambda modified: lambda: modified)(file.src_uri in rebuild.changed)
        elif not rebuild.dirty:
            file.is_modified = _always


def _always() -> bool:
    """Every file is modified in a full build."""
    return True


def finish(rebuild: Rebuild) -> None:
    """Remember this build as the last finished one (only once it finished: a failed build is redone whole)."""
    memory = _LAST.setdefault(rebuild.site_dir, _Memory({}, ""))
    memory.digests, memory.nav = rebuild.digests, rebuild.nav
