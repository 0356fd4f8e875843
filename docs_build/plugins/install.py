"""Install paths, as Claude Code accepts them (plugin-marketplaces and discover-plugins docs):
`/plugin marketplace add <source>`, `/plugin install <plugin>@<marketplace>` (or `claude plugin install …`), a
plugin folder for one session with `claude --plugin-dir <folder>`, and a file's place in a project's `.claude/`.

A marketplace's public source (`owner/repo`, a git URL) is not in its files: it comes from configuration, per
collection (`ATLAS_MARKETPLACE_SOURCES="collection=owner/repo;other=https://…"`, or `marketplace_sources` in
mkdocs.yml `extra`). Without it the local-path form is shown, with how to set it; an address is never made up.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass

from ..model import Entry
from .manifests import Marketplace, Plugin

SOURCES_ENV = "ATLAS_MARKETPLACE_SOURCES"
#: Where Claude Code looks for a project's own agents, skills and commands (subagents, skills, slash-commands docs).
PROJECT_PLACES = {"agent": ".claude/agents/{file}", "skill": ".claude/skills/{folder}/SKILL.md",
                  "command": ".claude/commands/{file}"}


@dataclass(frozen=True)
class Install:
    """One way to install: what it is, the exact text to copy, and a note (how to set a missing source)."""

    label: str
    text: str
    note: str = ""


def marketplace_sources(configured: dict[str, str] | None = None, env: str | None = None) -> dict[str, str]:
    """Public sources by collection: mkdocs.yml's `marketplace_sources`, overridden by the environment variable."""
    sources = {str(k): str(v) for k, v in configured.items() if v} if isinstance(configured, dict) else {}
    for pair in (os.environ.get(SOURCES_ENV, "") if env is None else env).split(";"):
        collection, _, source = pair.partition("=")
        if collection.strip() and source.strip():
            sources[collection.strip()] = source.strip()
    return sources


def add_marketplace(market: Marketplace, sources: dict[str, str]) -> Install:
    """`/plugin marketplace add` with the configured source, else the local folder and how to set one."""
    if source := sources.get(market.collection):
        return Install("Add the marketplace", f"/plugin marketplace add {source}")
    return Install("Add the marketplace (from a local copy)", f"/plugin marketplace add ./{market.root}",
                   f"Its public source is not configured: set {SOURCES_ENV}=\"{market.collection}=owner/repo\" "
                   "(or marketplace_sources in mkdocs.yml extra) when building the site.")


def install_plugin(plugin: Plugin) -> list[Install]:
    """The install commands of a plugin: by its marketplace, or for one session from its folder."""
    if plugin.marketplace:
        target = f"{plugin.install_name}@{plugin.marketplace}"
        return [Install("In Claude Code", f"/plugin install {target}"), Install("From a shell", f"claude plugin install {target}")]
    return [Install("For one session (no marketplace lists it)", f"claude --plugin-dir ./{plugin.root}")]


def slash_name(entry: Entry, plugin: Plugin | None) -> str:
    """A command as Claude Code shows it: `/<plugin>:<command>` inside a plugin (plugin commands are always
    namespaced by the plugin's name; slash-commands docs, "Plugin commands"), `/<command>` in a project."""
    return f"/{plugin.name}:{entry.stem}" if plugin else f"/{entry.stem}"


def project_place(entry: Entry) -> str:
    """Where to put the file in a project so Claude Code loads it without a plugin."""
    folder = posixpath.basename(posixpath.dirname(entry.source))
    return PROJECT_PLACES[entry.kind].format(file=posixpath.basename(entry.source), folder=folder)
