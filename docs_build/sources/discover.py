"""Find the agent and skill files of a content directory, by the layouts real collections use."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..model import IgnoredFile, Kind, Source

#: Files that document a collection rather than define an agent or skill.
NON_DEFINITION_STEMS = frozenset(
    {"readme", "license", "licence", "changelog", "contributing", "code_of_conduct", "security", "claude", "agents"}
)
SKILL_FILE = "skill.md"
#: Old content paths mapped to new ones, read by docs_build/wiki/redirects.py: a file at the content root.
REDIRECTS_FILE = "redirects.yml"
#: Hidden folders that hold definitions: Claude Code keeps a project's agents and skills in `.claude/`, a plugin
#: or marketplace its manifest in `.claude-plugin/`. Other hidden folders (.git, .github, per-tool copies such as
#: .cursor/) are passed over, each reported once.
DEFINITION_DOT_FOLDERS = frozenset({".claude", ".claude-plugin"})
#: Plugin and marketplace manifests (read by docs_build/plugins): `plugin.json` may also sit at a plugin's root.
MANIFEST_NAMES = ("/.claude-plugin/plugin.json", "/.claude-plugin/marketplace.json", "/plugin.json")
#: Folders whose Markdown files are slash commands (a plugin's `commands/`, a project's `.claude/commands/`). There
#: `security.md` or `changelog.md` is a command like any other (`/security`); only these stems document the folder.
COMMAND_FOLDER = "commands"
COMMAND_DOCUMENTATION_STEMS = frozenset({"readme", "license", "licence"})


@dataclass
class Discovery:
    """The definition files of a content directory and everything passed over, with reasons."""

    collections: list[str]
    sources: list[Source]
    ignored: list[IgnoredFile]
    manifests: list[str] = field(default_factory=list)  # plugin and marketplace manifests, content-relative


def discover(content_dir: Path) -> Discovery:
    """Walk every collection (top-level folder) of `content_dir` and classify its files."""
    collections: list[str] = []
    sources: list[Source] = []
    ignored: list[IgnoredFile] = []
    manifests: list[str] = []
    for top in sorted(content_dir.iterdir(), key=lambda p: p.name):
        if top.name.startswith("."):
            ignored.append(IgnoredFile(top.name + ("/" if top.is_dir() else ""), "hidden file or folder"))
            continue
        if not top.is_dir():
            if top.name != REDIRECTS_FILE:  # read by docs_build/wiki/redirects.py, not ignored
                ignored.append(IgnoredFile(top.name, "not inside a collection folder"))
            continue
        collections.append(top.name)
        paths = [(path.relative_to(content_dir).as_posix(), path) for path in _walk(top, ignored, content_dir)]
        found = [rel for rel, _ in paths if rel.endswith(MANIFEST_NAMES) and "/skills/" not in rel]
        manifests += found
        roots = plugin_roots(found)
        for rel, path in paths:
            source_or_reason = classify(rel, str(path), roots)
            if isinstance(source_or_reason, Source):
                sources.append(source_or_reason)
            else:
                ignored.append(IgnoredFile(rel, "plugin or marketplace manifest (shown on its page)" if rel in found
                                           else source_or_reason))
    return Discovery(collections, sources, ignored, manifests)


def plugin_roots(manifests: list[str]) -> list[str]:
    """The folders that hold a plugin manifest, deepest first (a file belongs to the deepest plugin above it)."""
    roots = {rel.removesuffix("/.claude-plugin/plugin.json") if rel.endswith("/.claude-plugin/plugin.json")
             else posixpath.dirname(rel) for rel in manifests if rel.endswith("/plugin.json")}
    return sorted(roots, key=lambda root: (-root.count("/"), root))


def classify(rel: str, abs_path: str = "", plugin_roots: list[str] = ()) -> Source | str:
    """Classify one content-relative path: a Source, or the reason it is not one.

    `plugin_roots`: folders holding a plugin manifest; a file below one belongs to that plugin (its group).
    """
    parts = PurePosixPath(rel).parts
    collection, inner = parts[0], parts[1:]
    name = inner[-1] if inner else ""
    if not name.lower().endswith(".md"):
        return "not a Markdown file"
    stem = name[:-3].lower()
    folders = [part.lower() for part in inner[:-1]]
    root = next((root for root in plugin_roots if rel.startswith(root + "/")), None)
    group = posixpath.basename(root) if root and root != collection else _group(folders, inner)
    if name.lower() == SKILL_FILE:
        return Source(collection, rel, abs_path, "skill", group)
    if stem in NON_DEFINITION_STEMS and not (COMMAND_FOLDER in folders and stem not in COMMAND_DOCUMENTATION_STEMS):
        return "collection documentation, not a definition"
    if "skills" in folders:
        skill = folders.index("skills") + 1
        if "agents" in folders[skill + 1:]:
            # skills/<skill>/agents/*.md: the skill's own sub-agents, grouped under it.
            return Source(collection, rel, abs_path, "agent", group or inner[skill])
        # Files beside a SKILL.md (references/, examples/) belong to that skill, not the catalog.
        return "supporting file of a skill (references, examples, assets)"
    if COMMAND_FOLDER in folders:
        return Source(collection, rel, abs_path, "command", group)
    kind: Kind | None = "agent" if "agents" in folders else None
    return Source(collection, rel, abs_path, kind, group)


def _group(folders: list[str], inner: tuple[str, ...]) -> str | None:
    """The plugin or category a file sits in: plugins/<plugin>/… or categories/<category>/…."""
    for marker in ("plugins", "categories"):
        if marker in folders:
            index = folders.index(marker)
            if index + 1 < len(folders):
                return inner[index + 1]
    return None


def _walk(folder: Path, ignored: list[IgnoredFile], content_dir: Path) -> list[Path]:
    """All files below `folder`, sorted; hidden files and folders other than `.claude` are listed in `ignored`."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        for hidden in sorted(d for d in dirs if d.startswith(".") and d not in DEFINITION_DOT_FOLDERS):
            ignored.append(IgnoredFile(Path(root, hidden).relative_to(content_dir).as_posix() + "/",
                                       "hidden folder (version control or another tool's copies)"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") or d in DEFINITION_DOT_FOLDERS)
        for name in sorted(files):
            if name.startswith("."):  # editor and OS files (.DS_Store, .#draft.md): listed, never a page
                ignored.append(IgnoredFile(Path(root, name).relative_to(content_dir).as_posix(), "hidden file"))
            else:
                found.append(Path(root, name))
    return found
