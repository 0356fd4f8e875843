"""The plugins feature: Claude Code plugin marketplaces as readers pick from them.

manifests (the model: marketplaces, plugins, hooks, MCP servers; reading JSON with its lines) -> components (hooks
and MCP servers in the shapes Claude Code accepts) -> find (every marketplace and plugin of the content, entries
placed in their plugin, problems) -> install (the exact install text) -> pages (a page per marketplace and plugin,
an install section on every entry page). The words of the documentation are data: docs_build/data/plugins.yml.
"""

from __future__ import annotations

from collections import defaultdict

from ..catalog import Catalog, entry_src
from ..model import Analysis, Entry
from .downloads import entry_downloads
from .find import Plugins, find_plugins
from .install import marketplace_sources, slash_name
from .pages import entry_install, plugin_src, render_marketplace, render_plugin

__all__ = ["Plugins", "analyse", "find_plugins"]


def analyse(catalog: Catalog) -> Analysis:
    """Plugin and marketplace pages, each entry's install section and plugin, manifest problems."""
    found = find_plugins(catalog.content_dir, catalog.manifests)
    sources = marketplace_sources(catalog.settings.get("marketplace_sources"))
    analysis = Analysis("plugins", problems=list(found.problems))
    by_plugin: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        plugin = found.plugin_of(entry)
        if plugin is not None:
            by_plugin[plugin.root].append(entry)
        downloads = entry_downloads(catalog.content_dir, entry, catalog.memory)
        analysis.files.update(downloads)
        names = [path.rsplit("/", 1)[1] for path in downloads]
        analysis.entry_markdown[entry.id] = [entry_install(entry, plugin, entry_src(entry), names)]
        fields = {"plugin": plugin.name if plugin else None}
        if entry.kind == "command":
            fields["slash"] = slash_name(entry, plugin)
        analysis.entry_json[entry.id] = fields
    analysis.pages = [render_plugin(plugin, by_plugin[plugin.root], catalog) for plugin in found.plugins]
    analysis.pages += [render_marketplace(market, found, by_plugin, catalog, sources)
                       for market in found.marketplaces if market.root == market.collection]
    analysis.catalog_json = {
        "marketplaces": [{"name": m.name, "collection": m.collection, "path": m.path, "owner": m.owner,
                          "url": catalog.collection_url(m.collection) if m.root == m.collection else None,
                          "plugins": [p.name for p in m.plugins],
                          "external": [{"name": e.name, "source": e.kind, "where": e.where, "pin": e.pin} for e in m.external]}
                         for m in found.marketplaces],
        "plugins": [{"name": p.name, "collection": p.collection, "folder": p.root, "url": plugin_src(p)[:-len("index.md")],
                     "marketplace": p.marketplace,
                     "version": p.field("version"), "manifest": p.manifest_path,
                     "entries": [e.id for e in by_plugin[p.root]],
                     "hooks": [{"event": h.event, "matcher": h.matcher, "type": h.type, "runs": h.runs} for h in p.hooks],
                     "mcp_servers": [{"name": s.name, "transport": s.transport, "target": s.target, "env": list(s.env_names)}
                                     for s in p.mcp_servers]}
                    for p in found.plugins],
    }
    analysis.collection_titles = {m.collection: m.name for m in found.marketplaces if m.root == m.collection}
    if found.plugins or found.marketplaces:
        analysis.summary = f"{len(found.marketplaces)} marketplaces, {len(found.plugins)} plugins"
    return analysis
