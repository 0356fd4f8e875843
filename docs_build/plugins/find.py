"""Every marketplace and plugin of the content: manifests read, entries placed in their plugin, problems found."""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalog import slug_path
from ..model import Entry, Location, Problem
from .components import read_hooks, read_mcp_servers
from .manifests import (
    HOOKS_FILE,
    MARKETPLACE_FILE,
    MCP_FILE,
    JsonFile,
    Marketplace,
    Plugin,
    local_source,
    owner_name,
    read_json,
    remote_source,
    vocabulary,
)


@dataclass
class Plugins:
    """What the content holds as marketplaces and plugins."""

    marketplaces: list[Marketplace] = field(default_factory=list)
    plugins: list[Plugin] = field(default_factory=list)  # by root
    problems: list[Problem] = field(default_factory=list)

    def plugin_of(self, entry: Entry) -> Plugin | None:
        """The plugin whose folder holds the entry's file (the deepest, for a plugin inside another)."""
        folder = posixpath.dirname(entry.source)
        best = None
        for plugin in self.plugins:
            if (folder == plugin.root or folder.startswith(plugin.root + "/")) and (best is None or len(plugin.root) > len(best.root)):
                best = plugin
        return best

    def marketplace_of(self, collection: str) -> Marketplace | None:
        """The collection's own marketplace (its root's `.claude-plugin/marketplace.json`)."""
        return next((m for m in self.marketplaces if m.root == collection), None)


def find_plugins(content_dir: Path, manifests: list[str]) -> Plugins:
    """Read every manifest `discover` found: plugins first (their folders), then marketplaces (which name them)."""
    found = Plugins()
    roots: dict[str, Plugin] = {}
    for path in sorted(manifests, key=lambda p: (not p.endswith("/.claude-plugin/plugin.json"), p)):
        if path.endswith("marketplace.json"):
            continue
        root = path.removesuffix("/.claude-plugin/plugin.json") if path.endswith("/.claude-plugin/plugin.json") \
            else posixpath.dirname(path)
        if root in roots:
            continue  # `.claude-plugin/plugin.json` wins over a `plugin.json` beside it
        file, problems = read_json(content_dir, path)
        found.problems += problems
        data = _mapping(file, found.problems, "a plugin manifest")
        roots[root] = Plugin(root.split("/")[0], root, str(data.get("name") or posixpath.basename(root)), data, path)
    for path in sorted(p for p in manifests if p.endswith(MARKETPLACE_FILE)):
        found.marketplaces.append(_marketplace(content_dir, path, roots, found.problems))
    shared = Counter(plugin.root for plugin in roots.values())
    for plugin in sorted(roots.values(), key=lambda p: (p.root, p.name)):
        _components(content_dir, plugin, found.problems)
        # A plugin at its collection's root, or sharing a folder, would take the marketplace's or another's page.
        alone = shared[plugin.root] == 1 and plugin.root != plugin.collection
        plugin.page = slug_path(plugin.root) if alone else f"{slug_path(plugin.root)}/plugin-{slug_path(plugin.name.replace('/', '-'))}"
        found.plugins.append(plugin)
    found.problems += _duplicate_names(found.plugins)
    return found


def _mapping(file: JsonFile | None, problems: list[Problem], what: str) -> dict[str, Any]:
    """The file's JSON object, or {} (a problem when it is JSON of another shape)."""
    if file is None or file.data is None:
        return {}
    if not isinstance(file.data, dict):
        problems.append(Problem(Location(file.path, 1), "error", "manifest-shape",
                                f"{what} must be a JSON object, not a {type(file.data).__name__}", '{"name": "my-plugin", …}'))
        return {}
    return file.data


def _marketplace(content_dir: Path, path: str, roots: dict[str, Plugin], problems: list[Problem]) -> Marketplace:
    """One marketplace file: its plugins of the site (made plugins when no manifest made them) and the others."""
    file, found = read_json(content_dir, path)
    problems += found
    data = _mapping(file, problems, "a marketplace file")
    root = path.removesuffix("/" + MARKETPLACE_FILE)
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    market = Marketplace(root.split("/")[0], root, path, str(data.get("name") or posixpath.basename(root)),
                         str(data.get("description") or metadata.get("description") or ""), owner_name(data.get("owner")))
    plugin_root = metadata.get("pluginRoot") if isinstance(metadata.get("pluginRoot"), str) else None
    entries = data.get("plugins") if isinstance(data.get("plugins"), list) else []
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("name"):
            problems.append(Problem(Location(path, file.line_of("plugins") if file else 1), "warning", "marketplace-entry",
                                    "a plugin entry without a name: Claude Code cannot list it", '{"name": "x", "source": "./plugins/x"}'))
            continue
        name = str(entry["name"])
        line = file.line_of("plugins", name) if file else 1
        if (external := remote_source(name, entry)) is not None:
            market.external.append(external)
            continue
        source = entry.get("source")
        if isinstance(source, str) and plugin_root and not source.startswith(("./", "../")):
            source = posixpath.join(plugin_root, source)  # a bare name under metadata.pluginRoot
        folder = local_source(source, root)
        inside = folder is not None and (folder == root or folder.startswith(root + "/"))
        if not inside or not _is(content_dir / folder, "dir"):  # never a folder outside the marketplace
            problems.append(Problem(Location(path, line), "warning", "marketplace-source-missing",
                                    f"plugin '{name}' has source {source!r}, which is no folder of this marketplace",
                                    "point `source` at the plugin's folder, e.g. \"./plugins/" + name + "\""))
            continue
        plugin = roots.setdefault(folder, Plugin(folder.split("/")[0], folder, name))
        if plugin.entry:  # a second entry for the same folder (`"source": "./"` several times): a plugin of its own
            plugin = Plugin(folder.split("/")[0], folder, name)
            roots[f"{folder}\0{name}"] = plugin
        plugin.entry, plugin.marketplace = entry, market.name
        if not plugin.manifest:
            plugin.name = name
        listed, own = entry.get("version"), plugin.manifest.get("version")
        if listed and own and str(listed) != str(own):
            problems.append(Problem(Location(path, line), "warning", "plugin-version-mismatch",
                                    f"plugin '{name}' is version {listed} here and {own} in {plugin.manifest_path}",
                                    "give both the same version, or drop it from the marketplace entry"))
        market.plugins.append(plugin)
    return market


def _components(content_dir: Path, plugin: Plugin, problems: list[Problem]) -> None:
    """Hooks and MCP servers from the default files and from the manifest; declared paths checked."""
    manifest_file = JsonFile(plugin.manifest_path, plugin.manifest, _text(content_dir, plugin.manifest_path)) \
        if plugin.manifest_path else None
    hook_files = [f"{plugin.root}/{HOOKS_FILE}"] if _is(content_dir / plugin.root / HOOKS_FILE, "file") else []
    mcp_files = [f"{plugin.root}/{MCP_FILE}"] if _is(content_dir / plugin.root / MCP_FILE, "file") else []
    for key in vocabulary()["component_keys"]:
        declared = plugin.manifest.get(key)
        if key == "hooks" and isinstance(declared, dict) and manifest_file:
            hooks, found = read_hooks(manifest_file, declared, f"'hooks' in {plugin.manifest_path}")
            plugin.hooks += hooks
            problems.extend(found)
            continue
        if key == "mcpServers" and isinstance(declared, dict) and manifest_file:
            servers, found = read_mcp_servers(manifest_file, declared)
            plugin.mcp_servers += servers
            problems.extend(found)
            continue
        for written in _paths(declared):
            resolved = _declared_path(content_dir, plugin, key, written, manifest_file, problems)
            if resolved and key == "hooks" and resolved not in hook_files:
                hook_files.append(resolved)
            elif resolved and key == "mcpServers" and resolved not in mcp_files:
                mcp_files.append(resolved)
    for path in hook_files:
        file, found = read_json(content_dir, path)
        problems.extend(found)
        if file is not None and file.data is not None:
            hooks, found = read_hooks(file, file.data, path)
            plugin.hooks += hooks
            problems.extend(found)
    for path in mcp_files:
        file, found = read_json(content_dir, path)
        problems.extend(found)
        if file is not None and file.data is not None:
            servers, found = read_mcp_servers(file, file.data)
            plugin.mcp_servers += servers
            problems.extend(found)


def _paths(declared: Any) -> list[str]:
    """The paths a component key declares: a string, a list, or an object map of `{name: {source: path}}`."""
    if isinstance(declared, str):
        return [declared]
    if isinstance(declared, list):
        return [str(item) for item in declared if isinstance(item, (str, int, float))]
    if isinstance(declared, dict):
        return [str(v.get("source")) for v in declared.values() if isinstance(v, dict) and v.get("source")]
    return []


def _declared_path(content_dir: Path, plugin: Plugin, key: str, written: str, manifest: JsonFile | None,
                   problems: list[Problem]) -> str | None:
    """A declared component path, content-relative; None (with a problem) when it leaves the plugin or is missing.

    A bare name (`"architect"`) is looked for as written and in the key's default folder (`agents/architect.md`).
    """
    line = manifest.line_of(key, written) if manifest else 1
    joined = posixpath.normpath(posixpath.join(plugin.root, written))
    if joined != plugin.root and not joined.startswith(plugin.root + "/"):
        problems.append(Problem(Location(plugin.manifest_path or plugin.root, line), "warning", "component-path-outside",
                                f"'{key}' path {written!r} leaves the plugin folder: Claude Code does not load it",
                                "keep every component inside the plugin and start the path with ./"))
        return None
    candidates = [joined]
    if not written.startswith(("./", "../")) and "/" not in written:
        candidates += [posixpath.join(plugin.root, key, written), posixpath.join(plugin.root, key, written + ".md")]
    for candidate in candidates:
        if _is(content_dir / candidate, "any"):
            return candidate
    problems.append(Problem(Location(plugin.manifest_path or plugin.root, line), "warning", "component-path-missing",
                            f"'{key}' path {written!r} does not exist in the plugin", "fix the path, or add the file"))
    return None


def _is(path: Path, kind: str) -> bool:
    """Whether a path exists as a folder, a file or anything; False where the OS refuses (a name too long)."""
    try:
        return path.is_dir() if kind == "dir" else path.is_file() if kind == "file" else path.exists()
    except OSError:
        return False


def _text(content_dir: Path, path: str) -> str:
    try:
        return (content_dir / path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _duplicate_names(plugins: list[Plugin]) -> list[Problem]:
    """Two plugins of one collection with one name: `/plugin install name@…` can mean only one."""
    by_name: dict[tuple[str, str], list[Plugin]] = defaultdict(list)
    for plugin in plugins:
        by_name[(plugin.collection, plugin.name)].append(plugin)
    return [Problem(Location(later.manifest_path or later.root, 1), "warning", "duplicate-plugin-name",
                    f"plugin name '{later.name}' is also used by {same[0].root}", "give each plugin its own name")
            for same in by_name.values() if len(same) > 1 for later in same[1:]]
