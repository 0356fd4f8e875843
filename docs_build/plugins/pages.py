"""The pages of marketplaces and plugins, and the install section of each entry page."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from ..catalog import Catalog, href
from ..model import Entry, GeneratedPage
from ..pages import render
from .find import Plugins
from .install import Install, add_marketplace, install_plugin, project_place, slash_name
from .manifests import Marketplace, Plugin

KIND_LABELS = (("agent", "agent"), ("skill", "skill"), ("command", "command"))


def plugin_src(plugin: Plugin) -> str:
    """The plugin's page: the index of its folder's URL."""
    return f"{plugin.page}/index.md"


def install_html(installs: list[Install]) -> str:
    """Install commands with their copy buttons."""
    return render.render_template("install.html", installs=installs)


def counts(plugin: Plugin, entries: list[Entry]) -> list[tuple[str, int]]:
    """What the plugin holds, as a reader counts it: entries by kind, hook events, MCP servers."""
    kinds = Counter(entry.kind for entry in entries)
    found = [(label, kinds[kind]) for kind, label in KIND_LABELS]
    found += [("hook event", len({hook.event for hook in plugin.hooks})), ("MCP server", len(plugin.mcp_servers))]
    return [(label, count) for label, count in found if count]


def render_plugin(plugin: Plugin, entries: list[Entry], catalog: Catalog) -> GeneratedPage:
    """A plugin's page: manifest fields, install commands, its entries, its hooks and MCP servers."""
    src = plugin_src(plugin)
    fields = [(key, value) for key, value in (
        ("version", plugin.field("version")), ("author", plugin.author), ("license", plugin.field("license")),
        ("category", plugin.field("category")), ("keywords", _keywords(plugin.field("keywords"))),
        ("homepage", plugin.field("homepage")), ("repository", _text(plugin.field("repository"))),
        ("marketplace", plugin.marketplace), ("manifest", plugin.manifest_path or "none (named by its marketplace entry)"),
        ("folder", plugin.root)) if value]
    rows = [(entry, href(src, entry.url), slash_name(entry, plugin) if entry.kind == "command" else "",
             render.split_description(entry.description)[0]) for entry in sorted(entries, key=lambda e: (e.kind, e.source))]
    body = render.render_template("plugin.html", fields=[(k, str(v)) for k, v in fields],
                                  counts=counts(plugin, entries) or [("component", 0)], entries=rows)
    runs = render.render_template("plugin_runs.html", hooks=plugin.hooks, servers=plugin.mcp_servers)
    description = str(plugin.field("description") or "")
    parts = [f"# {render.md_escape(plugin.name)}", render.md_escape(description) if description else "",
             "## Install {#install}", install_html(install_plugin(plugin)), body, runs]
    return render.held_page(src, plugin.name, [part for part in parts if part], description or f"Plugin {plugin.name}")


def render_marketplace(market: Marketplace, plugins: Plugins, by_plugin: dict[str, list[Entry]], catalog: Catalog,
                       sources: dict[str, str]) -> GeneratedPage:
    """The marketplace's page, in place of its collection's overview: install, its plugins, those from elsewhere."""
    src = catalog.collection_url(market.collection) + "index.md"
    rows = []
    for plugin in sorted(market.plugins, key=lambda p: p.name.lower()):
        held = ", ".join(f"{count} {label}{'' if count == 1 else 's'}" for label, count in counts(plugin, by_plugin.get(plugin.root, [])))
        rows.append((plugin, href(src, plugin.page + "/"), held,
                     render.split_description(str(plugin.field("description") or ""))[0]))
    install = [add_marketplace(market, sources)]
    table = render.render_template("marketplace.html", plugins=rows, external=market.external, owner=market.owner)
    parts = [f"# {render.md_escape(market.name)}", render.md_escape(market.description) if market.description else "",
             "## Install {#install}", install_html(install), "## Plugins {#plugins}", table]
    return render.held_page(src, market.name, [part for part in parts if part], market.description or f"Marketplace {market.name}")


def entry_install(entry: Entry, plugin: Plugin | None, src: str, downloads: list[str] = ()) -> str:
    """The install section of an entry page: its plugin's install (and a command's slash name), or its place in
    a project's `.claude/` folder, and its downloads."""
    installs = install_plugin(plugin) if plugin is not None else [Install("Save the file in your project as", project_place(entry))]
    html = render.render_template(
        "entry_install.html", plugin=plugin, plugin_url=href(src, plugin.page + "/") if plugin else "",
        slash=slash_name(entry, plugin) if entry.kind == "command" else "", installs=Markup(install_html(installs)),
        downloads=Markup(render.render_template("downloads.html", downloads=[(n, n.removesuffix(".txt")) for n in downloads])))
    return f"## Install {{#atlas-install}}\n\n{html}"


def _keywords(value: object) -> str:
    """Keywords written as a list (or, against the schema, as one value)."""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value or "")


def _text(value: object) -> str:
    """A manifest value written as text or as {url: …} (repository)."""
    if isinstance(value, dict):
        return str(value.get("url") or "")
    return str(value or "")

