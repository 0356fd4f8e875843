"""Plugin marketplaces as Claude Code reads them: `.claude-plugin/marketplace.json`, each plugin's manifest, and
the hooks and MCP servers they declare (docs_build/data/plugins.yml holds the words of the documentation).

From Claude Code's documentation (plugin-marketplaces, plugins/marketplace-reference, plugins/manifest-reference):
- the folder holding `.claude-plugin/` is the marketplace root; an entry's `source` is a path from there (`./…`),
  or an object naming another repository or registry (`github`, `url`, `git-subdir`, `npm`, `pip`, maybe pinned
  by `sha`), which the site lists and never makes a page of;
- a plugin's manifest is `.claude-plugin/plugin.json`, and optional: without one the plugin is named by its
  marketplace entry, or its folder. Some marketplaces keep `plugin.json` at the plugin root; it is read too;
- component paths (`agents`, `skills`, `commands`, `hooks`, `mcpServers`, …) are relative to the plugin root and
  add to the default folders; a path that leaves the plugin (`../`) is not loaded.
Bad JSON or a bad shape is a Problem at its file and line, and costs only that file's part of the plugin.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..model import Location, Problem
from ..sources.encoding import decode

MARKETPLACE_FILE = ".claude-plugin/marketplace.json"
MANIFEST_FILES = (".claude-plugin/plugin.json", "plugin.json")
HOOKS_FILE = "hooks/hooks.json"
MCP_FILE = ".mcp.json"


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """docs_build/data/plugins.yml: hook events, remote source types, component keys."""
    return yaml.safe_load(resources.files("docs_build").joinpath("data/plugins.yml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class JsonFile:
    """A JSON file of the content: its data (None when it does not parse) and its text, for lines."""

    path: str  # content-relative
    data: Any
    text: str

    def line_of(self, *needles: str) -> int:
        """The line of the last needle found, each looked for after the one before (a key, then a key under it);
        a needle not written (a wrapper some files leave out) is passed over. 1 when none is found."""
        offset = 0
        for needle in needles:
            found = self.text.find(json.dumps(needle, ensure_ascii=False), offset)
            if found >= 0:
                offset = found
        return self.text.count("\n", 0, offset) + 1


def read_json(content_dir: Path, path: str) -> tuple[JsonFile | None, list[Problem]]:
    """Read one JSON file; a problem at its line when it cannot be read or does not parse."""
    try:
        data = (content_dir / path).read_bytes()
    except OSError as error:
        return None, [Problem(Location(path, 1), "error", "unreadable", f"cannot read file: {error.strerror}")]
    text, problems = decode(data, path)
    try:
        return JsonFile(path, json.loads(text), text), problems
    except json.JSONDecodeError as error:
        problems.append(Problem(Location(path, error.lineno), "error", "invalid-json",
                                f"not valid JSON: {error.msg} (column {error.colno}); Claude Code cannot load this file",
                                "fix the JSON (a missing comma or quote, a trailing comma); `python -m json.tool FILE` shows where"))
        return JsonFile(path, None, text), problems


@dataclass(frozen=True)
class Hook:
    """One hook handler: the event that fires it, its matcher, and what it runs."""

    event: str
    matcher: str
    type: str  # command, prompt, http, …
    runs: str  # the command line, prompt or URL, as written
    source: str  # the file that declares it
    line: int


@dataclass(frozen=True)
class McpServer:
    """One MCP server a plugin starts or connects to: never its environment values, only their names."""

    name: str
    transport: str  # stdio, http, sse, ws
    target: str  # the command with its arguments, or the URL
    env_names: tuple[str, ...]
    source: str
    line: int


@dataclass(frozen=True)
class External:
    """A marketplace entry whose plugin lives in another repository or registry: listed, never a page."""

    name: str
    description: str
    kind: str  # github, url, git-subdir, npm, pip
    where: str  # repository, URL or package
    pin: str  # sha, ref or version, when given
    category: str


@dataclass
class Plugin:
    """One plugin of the site: its folder, manifest, marketplace entry, hooks and MCP servers."""

    collection: str
    root: str  # content-relative folder
    name: str
    manifest: dict[str, Any] = field(default_factory=dict)
    manifest_path: str | None = None
    entry: dict[str, Any] = field(default_factory=dict)  # its marketplace entry, if listed
    marketplace: str | None = None  # the marketplace's name
    hooks: list[Hook] = field(default_factory=list)
    mcp_servers: list[McpServer] = field(default_factory=list)
    page: str = ""  # site folder of its page (find.py: the plugin folder's URL, unless another page has it)

    @property
    def install_name(self) -> str:
        """The name `/plugin install` takes: the marketplace entry's (Claude Code lists plugins by it)."""
        return str(self.entry.get("name") or self.name)

    def field(self, key: str) -> Any:
        """A metadata field: the manifest's, else the marketplace entry's (category and keywords are often there)."""
        value = self.manifest.get(key)
        return value if value not in (None, "", []) else self.entry.get(key)

    @property
    def author(self) -> str:
        """The author's name, whether written as text or as {name, email, url}."""
        author = self.field("author")
        return str(author.get("name", "")) if isinstance(author, dict) else str(author or "")


@dataclass
class Marketplace:
    """One `.claude-plugin/marketplace.json`: its name, owner, plugins of the site and plugins elsewhere."""

    collection: str
    root: str  # the marketplace root, content-relative ('' when it is the collection folder)
    path: str
    name: str
    description: str
    owner: str
    plugins: list[Plugin] = field(default_factory=list)
    external: list[External] = field(default_factory=list)


def owner_name(value: Any) -> str:
    """An owner or author written as text or as {name, …}."""
    return str(value.get("name", "")) if isinstance(value, dict) else str(value or "")


def local_source(source: Any, root: str) -> str | None:
    """The content-relative folder of a local `source` (`./plugins/x`), or None for another repository."""
    if not isinstance(source, str):
        return None
    joined = posixpath.normpath(posixpath.join(root, source))
    return "" if joined == "." else joined


def remote_source(name: str, entry: dict[str, Any]) -> External | None:
    """A marketplace entry that names another repository or registry, as listed on the marketplace page."""
    source = entry.get("source")
    if not isinstance(source, dict):
        return None
    kind = str(source.get("source", ""))
    key = vocabulary()["remote_sources"].get(kind, "url")
    pin = source.get("sha") or source.get("ref") or source.get("version") or ""
    where = str(source.get(key) or source.get("repo") or source.get("url") or "")
    if kind == "git-subdir" and source.get("path"):
        where = f"{where} ({source['path']})"
    return External(name, str(entry.get("description") or ""), kind or "unknown", where, str(pin)[:12],
                    str(entry.get("category") or ""))
