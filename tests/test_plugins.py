"""Plugin marketplaces: commands as entries, manifests, hooks and MCP servers read as Claude Code reads them, and
the exact install text (on in-memory JSON and small collections written in tmp_path)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from conftest import write_collection

from docs_build import build_atlas
from docs_build.plugins import find_plugins
from docs_build.plugins.components import read_hooks, read_mcp_servers
from docs_build.plugins.install import (
    add_marketplace,
    install_plugin,
    marketplace_sources,
)
from docs_build.plugins.manifests import JsonFile
from docs_build.sources.discover import discover

MARKET = {"name": "acme-tools", "owner": {"name": "Acme"}, "plugins": [
    {"name": "guard", "source": "./plugins/guard", "version": "1.0.0"},
    {"name": "remote", "source": {"source": "git-subdir", "url": "https://example.invalid/r.git", "path": "p", "sha": "abc123"}},
    {"name": "gone", "source": "./plugins/gone"},
]}
HOOKS = {"description": "guards", "hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [
    {"type": "command", "command": "${CLAUDE_PLUGIN_ROOT}/scripts/check.sh"}]}]}}
MCP = {"tracker": {"command": "npx", "args": ["-y", "tracker-mcp"], "env": {"TRACKER_TOKEN": "s3cret-value"}}}


def marketplace(tmp_path: Path) -> Path:
    """A marketplace collection: one local plugin with a command, an agent, a skill, hooks and an MCP server."""
    return write_collection(tmp_path / "content", {
        "acme/.claude-plugin/marketplace.json": json.dumps(MARKET, indent=2),
        "acme/plugins/guard/.claude-plugin/plugin.json": json.dumps({"name": "guard", "version": "1.1.0"}),
        "acme/plugins/guard/commands/check.md": "---\ndescription: Check the tree\nargument-hint: [path]\n---\nCheck $1.\n",
        "acme/plugins/guard/commands/notes.md": "Plain text, no frontmatter.\n",
        "acme/plugins/guard/agents/reviewer.md": "---\nname: reviewer\ndescription: Reviews\n---\nReview.\n",
        "acme/plugins/guard/skills/lint/SKILL.md": "---\nname: lint\ndescription: Lints\n---\nLint.\n",
        "acme/plugins/guard/skills/lint/references/rules.md": "# Rules\n",
        "acme/plugins/guard/hooks/hooks.json": json.dumps(HOOKS, indent=2),
        "acme/plugins/guard/.mcp.json": json.dumps(MCP, indent=2),
        "loose/agents/solo.md": "---\nname: solo\ndescription: Alone\n---\nSolo.\n",
    })


def test_commands_are_commands_and_belong_to_their_plugin(tmp_path):
    """Files under commands/ are commands (with or without frontmatter), grouped by the plugin folder holding them."""
    found = discover(marketplace(tmp_path))
    kinds = {source.path.rsplit("/", 1)[1]: (source.kind, source.group) for source in found.sources}
    assert kinds["check.md"] == ("command", "guard") and kinds["notes.md"] == ("command", "guard")
    assert kinds["reviewer.md"] == ("agent", "guard") and kinds["solo.md"] == ("agent", None)
    assert "acme/.claude-plugin/marketplace.json" in found.manifests


def test_hooks_in_the_documented_shape_are_listed_and_other_shapes_reported():
    """A matcher group list is read; a record where a list belongs and an unknown event are warnings at their line."""
    good = JsonFile("h.json", HOOKS, json.dumps(HOOKS, indent=2))
    hooks, problems = read_hooks(good, HOOKS, "h.json")
    assert [(h.event, h.matcher, h.runs) for h in hooks] == [("PreToolUse", "Bash", "${CLAUDE_PLUGIN_ROOT}/scripts/check.sh")]
    assert problems == []
    bad = {"PreToolUse": {"handler": "hooks/x.ts"}, "OnLunch": []}
    text = json.dumps(bad, indent=2)
    _, problems = read_hooks(JsonFile("p.json", bad, text), bad, "p.json")
    assert [(p.code, p.location.line) for p in problems] == [("hooks-shape", 2), ("hook-unknown-event", 5)]
    listed = {"hooks": [{"event": "stop", "command": "./cleanup.sh"}]}  # a real file's shape: Claude Code loads nothing
    hooks, problems = read_hooks(JsonFile("l.json", listed, json.dumps(listed, indent=2)), listed, "l.json")
    assert hooks == [] and [(p.code, p.location.line) for p in problems] == [("hooks-shape", 2)]


def test_mcp_servers_with_or_without_the_wrapper_keep_env_names_never_values():
    """`mcpServers` wrapper or a bare map: the same servers; the environment shows its names only."""
    for data in (MCP, {"mcpServers": MCP}):
        [server], problems = read_mcp_servers(JsonFile("m.json", data, json.dumps(data)), data)
        assert (server.name, server.transport, server.target, server.env_names) == (
            "tracker", "stdio", "npx -y tracker-mcp", ("TRACKER_TOKEN",)) and problems == []
        assert "s3cret" not in repr(server)


def test_install_text_is_what_claude_code_accepts(tmp_path):
    """Plugin: /plugin install name@marketplace and the CLI form; marketplace: the configured source, else the
    local path with how to set it (never an invented address)."""
    plugins = find_plugins(marketplace(tmp_path), discover(tmp_path / "content").manifests)
    [market] = plugins.marketplaces
    [guard] = market.plugins
    assert [i.text for i in install_plugin(guard)] == ["/plugin install guard@acme-tools", "claude plugin install guard@acme-tools"]
    assert add_marketplace(market, {}).text == "/plugin marketplace add ./acme" and "ATLAS_MARKETPLACE_SOURCES" in add_marketplace(market, {}).note
    sources = marketplace_sources({"other": "x/y"}, env="acme=acme-corp/tools")
    assert add_marketplace(market, sources).text == "/plugin marketplace add acme-corp/tools"
    assert [(e.name, e.kind, e.pin) for e in market.external] == [("remote", "git-subdir", "abc123")]


def test_marketplace_problems_name_their_file_and_line(tmp_path):
    """A missing local source and a version that differs from plugin.json are warnings at the entry's line."""
    plugins = find_plugins(marketplace(tmp_path), discover(tmp_path / "content").manifests)
    found = {(p.code, p.location.path, p.location.line) for p in plugins.problems}
    assert ("marketplace-source-missing", "acme/.claude-plugin/marketplace.json", 22) in found  # its "name" line
    assert ("plugin-version-mismatch", "acme/.claude-plugin/marketplace.json", 8) in found


def test_invalid_json_costs_only_its_file(tmp_path):
    """A plugin manifest that does not parse is an error at its line; the plugin is still a plugin, its files pages."""
    content = marketplace(tmp_path)
    (content / "acme/plugins/guard/.claude-plugin/plugin.json").write_text('{\n  "name": "guard",\n  "version": 1.0\n  "x": 2\n}')
    atlas = build_atlas(content)
    [problem] = [p for p in atlas.problems if p.code == "invalid-json"]
    assert (problem.location.path, problem.location.line) == ("acme/plugins/guard/.claude-plugin/plugin.json", 4)
    assert {e.stem for e in atlas.catalog.entries} >= {"check", "notes", "reviewer", "lint", "solo"}


def test_pages_catalog_and_downloads_of_a_marketplace(tmp_path):
    """A page per plugin and marketplace (with install text, hooks, MCP servers); commands carry their slash name in
    catalog.json; a skill's zip holds its folder; every entry has its install section."""
    atlas = build_atlas(marketplace(tmp_path))
    pages = {page.src_uri: page.full_markdown for page in atlas.pages}
    plugin = pages["acme/plugins/guard/index.md"]
    assert "/plugin install guard@acme-tools" in plugin and "scripts/check.sh" in plugin and "TRACKER_TOKEN" in plugin
    assert "s3cret" not in plugin and "1 agent, 1 skill, 2 commands, 1 hook event, 1 MCP server" in plugin
    assert "/plugin marketplace add ./acme" in pages["acme/index.md"] and "remote" in pages["acme/index.md"]
    catalog = atlas.catalog_json()
    slash = {e["id"]: e.get("slash") for e in catalog["entries"] if e["kind"] == "command"}
    assert slash == {"acme/plugins/guard/commands/check": "/guard:check", "acme/plugins/guard/commands/notes": "/guard:notes"}
    assert [p["name"] for p in catalog["plugins"]] == ["guard"] and catalog["marketplaces"][0]["plugins"] == ["guard"]
    archive = zipfile.ZipFile(io.BytesIO(atlas.files["acme/plugins/guard/skills/lint/lint.zip"]))
    assert archive.namelist() == ["lint/SKILL.md", "lint/references/rules.md"]
    assert ".claude/agents/solo.md" in pages["loose/agents/solo.md"]
    assert all("## Install {#atlas-install}" in pages[f"{e.id}.md"] for e in atlas.catalog.entries)


def test_secrets_in_server_arguments_and_urls_are_not_shown():
    """user:password@ in a URL, query values, KEY=value of secret names and the word after --token are hidden."""
    data = {"db": {"command": "npx", "args": ["pg-mcp", "postgresql://user:pass@host/db", "--token", "t0k", "API_KEY=k3y"]},
            "remote": {"type": "http", "url": "https://mcp.example.invalid/sse?api_key=s3c"}}
    servers, _ = read_mcp_servers(JsonFile("m.json", data, json.dumps(data)), data)
    shown = " ".join(server.target for server in servers)
    assert "pass" not in shown and "t0k" not in shown and "k3y" not in shown and "s3c" not in shown
    assert "postgresql://…@host/db" in shown and "https://mcp.example.invalid/sse?api_key=…" in shown


def test_odd_marketplaces_stay_inside_and_apart(tmp_path):
    """An absolute or escaping source is no plugin; two entries on one folder (`./`) are two plugins with two pages;
    a command called security.md is a command; a command without frontmatter is a note, not a warning."""
    market = {"name": "odd", "plugins": [{"name": "abs", "source": "/etc"}, {"name": "up", "source": "../../"},
                                         {"name": "one", "source": "./"}, {"name": "two", "source": "./"}]}
    content = write_collection(tmp_path / "content", {
        "odd/.claude-plugin/marketplace.json": json.dumps(market, indent=2),
        "odd/commands/security.md": "Check the security of the tree.\n",
    })
    atlas = build_atlas(content)
    catalog = atlas.catalog_json()
    assert sorted(p["name"] for p in catalog["plugins"]) == ["one", "two"]
    assert len({p["url"] for p in catalog["plugins"]} | {"odd/"}) == 3  # apart from each other and the marketplace page
    assert {p.message.split("'")[1] for p in atlas.problems if p.code == "marketplace-source-missing"} == {"abs", "up"}
    [command] = atlas.catalog.entries
    assert command.kind == "command" and command.stem == "security"
    assert [(p.code, p.severity) for p in atlas.problems if p.location.path == "odd/commands/security.md"] == [("no-frontmatter", "info")]


def test_a_plugin_qualified_name_resolves_inside_that_plugin(tmp_path):
    """`alpha:reviewer` is alpha's reviewer, not beta's, and `/alpha:check` alpha's command; a plugin this collection
    does not hold resolves to nothing."""
    agent = "---\nname: {name}\ndescription: d\n---\n{body}\n"
    content = write_collection(tmp_path / "content", {
        "m/plugins/alpha/.claude-plugin/plugin.json": '{"name": "alpha"}',
        "m/plugins/alpha/agents/reviewer.md": agent.format(name="reviewer", body="Reviews."),
        "m/plugins/alpha/commands/check.md": "---\ndescription: Check\n---\nCheck.\n",
        "m/plugins/beta/.claude-plugin/plugin.json": '{"name": "beta"}',
        "m/plugins/beta/agents/reviewer.md": agent.format(name="reviewer", body="Reviews too."),
        "m/plugins/beta/agents/lead.md": agent.format(name="lead", body=(
            "Hand off to the `alpha:reviewer` agent.\n\nThen delegate to `/alpha:check` agent.\n\n"
            "Finally hand off to the `gamma:reviewer` agent.")),
    })
    atlas = build_atlas(content)
    lead = next(e for e in atlas.catalog_json()["entries"] if e["id"] == "m/plugins/beta/agents/lead")
    targets = {h["written"]: h["target"] for h in lead["handoffs"]}
    assert targets["alpha:reviewer"] == "m/plugins/alpha/agents/reviewer"
    assert targets.get("/alpha:check", targets.get("alpha:check")) == "m/plugins/alpha/commands/check"
    assert targets.get("gamma:reviewer") is None
