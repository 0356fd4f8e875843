"""The six real marketplaces of ../shared/corpus-plugins, built in one run with every collection of the other two
corpora: no file stops the build, every entry of every corpus has its page, every command is a command with its
slash name, every plugin and marketplace has its page with install text, and each plugin's counts equal those read
from its manifests and its tree here, independently of the feature."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from docs_build.catalog import build_catalog
from docs_build.plugins.manifests import vocabulary

EVENTS = set(vocabulary()["hook_events"])


def catalog(site) -> dict:
    return json.loads((site.site_dir / "catalog.json").read_text(encoding="utf-8"))


def test_every_entry_of_the_three_corpora_has_its_page(corpus_dir: Path, corpus_extra_dir: Path, corpus_plugins_dir: Path,
                                                      all_corpora_site):
    """One build of every file of the three corpora: as many entries as each corpus read alone, each with its page."""
    data = catalog(all_corpora_site)
    alone = sum(len(build_catalog(corpus).entries) for corpus in (corpus_dir, corpus_extra_dir, corpus_plugins_dir))
    assert len(data["entries"]) == alone > 2_000
    for entry in data["entries"]:
        assert (all_corpora_site.site_dir / entry["url"] / "index.html").is_file(), entry["id"]


def test_the_six_marketplaces_build_with_every_command_a_command(corpus_plugins_dir: Path, all_corpora_site):
    """174 commands, 98 agents, 237 skills (SOURCES.md's totals); each command page shows its /plugin:command name."""
    data = catalog(all_corpora_site)
    own = {p.name for p in corpus_plugins_dir.iterdir() if p.is_dir()}
    kinds = Counter(entry["kind"] for entry in data["entries"] if entry["collection"] in own)
    assert (kinds["command"], kinds["agent"], kinds["skill"]) == (174, 98, 237)
    for entry in data["entries"]:
        if entry["kind"] == "command":
            page = (all_corpora_site.site_dir / entry["url"] / "index.html").read_text(encoding="utf-8")
            plugin = entry["plugin"]
            assert entry["slash"] == (f"/{plugin}:{entry['stem']}" if plugin else f"/{entry['stem']}")
            assert f"<code data-pagefind-weight=\"8\">{entry['slash']}</code>" in page


def test_every_plugin_and_marketplace_has_its_page_with_install_text(corpus_plugins_dir: Path, all_corpora_site):
    """108 plugin folders and 6 marketplaces; listed plugins install by name@marketplace, marketplaces are added."""
    data = catalog(all_corpora_site)
    assert len(data["plugins"]) == 108 and len(data["marketplaces"]) == 6
    listed = _listed_names(corpus_plugins_dir)
    for plugin in data["plugins"]:
        page = (all_corpora_site.site_dir / plugin["url"] / "index.html").read_text(encoding="utf-8")
        expected = f"/plugin install {listed[plugin['folder']]}@{plugin['marketplace']}" if plugin["marketplace"] \
            else f"claude --plugin-dir ./{plugin['folder']}"
        assert expected in page.replace("&#34;", '"'), plugin["folder"]
    for market in data["marketplaces"]:
        page = (all_corpora_site.site_dir / market["url"] / "index.html").read_text(encoding="utf-8")
        assert "/plugin marketplace add" in page and market["name"] in page


def test_each_plugins_counts_equal_its_tree_and_manifests(corpus_plugins_dir: Path, all_corpora_site):
    """Agents, skills, commands from the folders; hook events and MCP servers from the JSON files and manifests."""
    data = catalog(all_corpora_site)
    kinds = {entry["id"]: entry["kind"] for entry in data["entries"]}
    assert sum(bool(p["hooks"]) for p in data["plugins"]) >= 30 and sum(len(p["mcp_servers"]) for p in data["plugins"]) >= 10
    roots = sorted((p["folder"] for p in data["plugins"]), key=len, reverse=True)
    for plugin in data["plugins"]:
        root = corpus_plugins_dir / plugin["folder"]
        inner = [r for r in roots if r.startswith(plugin["folder"] + "/")]  # a plugin inside this one keeps its files
        files = [p for p in root.rglob("*.md") if not any(str(p).startswith(str(corpus_plugins_dir / r) + "/") for r in inner)]
        rel = [p.relative_to(root).as_posix() for p in files]
        expected = Counter(
            "skill" if path.endswith("SKILL.md") else "command" if path.startswith("commands/")
            else "agent" if "agents/" in path and "skills/" not in path and not path.endswith("README.md") else None
            for path in rel)
        got = Counter(kinds[entry_id] for entry_id in plugin["entries"])
        assert (got["agent"], got["skill"], got["command"]) == (expected["agent"], expected["skill"], expected["command"]), plugin["folder"]
        events, servers = _hooks_and_servers(corpus_plugins_dir, plugin)
        assert {hook["event"] for hook in plugin["hooks"]} == events, plugin["folder"]
        assert len(plugin["mcp_servers"]) == servers, plugin["folder"]


def _listed_names(corpus: Path) -> dict[str, str]:
    """The marketplace entry name of each local plugin folder: what `/plugin install` takes."""
    names = {}
    for market in corpus.glob("*/.claude-plugin/marketplace.json"):
        root = market.parent.parent
        for entry in json.loads(market.read_text(encoding="utf-8"))["plugins"]:
            if isinstance(entry.get("source"), str):
                folder = (root / entry["source"]).resolve().relative_to(corpus.resolve()).as_posix()
                names.setdefault(folder, entry["name"])
    return names


def _hooks_and_servers(corpus: Path, plugin: dict) -> tuple[set[str], int]:
    """Hook events (in the documented list shape) and MCP servers, read straight from the files."""
    root = corpus / plugin["folder"]
    manifest = json.loads((corpus / plugin["manifest"]).read_text(encoding="utf-8")) if plugin["manifest"] else {}
    hook_sources, mcp_sources = [], []
    if (root / "hooks/hooks.json").is_file():
        hook_sources.append(json.loads((root / "hooks/hooks.json").read_text(encoding="utf-8")))
    if (root / ".mcp.json").is_file():
        mcp_sources.append(json.loads((root / ".mcp.json").read_text(encoding="utf-8")))
    for key, sources, default in (("hooks", hook_sources, "hooks/hooks.json"), ("mcpServers", mcp_sources, ".mcp.json")):
        declared = manifest.get(key)
        if isinstance(declared, dict):
            sources.append(declared)
        for path in [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else []:
            target = (root / path).resolve()
            if target.is_file() and target != (root / default).resolve():
                sources.append(json.loads(target.read_text(encoding="utf-8")))
    events = set()
    for source in hook_sources:
        mapping = source.get("hooks", source) if isinstance(source.get("hooks"), dict) else source
        events |= {event for event, groups in mapping.items() if event in EVENTS and isinstance(groups, list)}
    servers = sum(len(s["mcpServers"] if isinstance(s.get("mcpServers"), dict) else s) for s in mcp_sources)
    return events, servers
