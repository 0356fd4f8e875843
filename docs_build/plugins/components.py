"""A plugin's hooks and MCP servers, read from their files or from the manifest, in the shapes Claude Code accepts.

Hooks (hooks reference): `{"hooks": {"<Event>": [{"matcher": "…", "hooks": [{"type": "command", "command": "…"}]}]}}`
in `hooks/hooks.json`, or the inner mapping inline in the manifest's `hooks`. A record where a list is expected, or
an event Claude Code does not know, is reported: Claude Code rejects the file. MCP servers (mcp reference):
`{"mcpServers": {"<name>": {"command": …, "args": […], "env": {…}}}}` in `.mcp.json`, or the bare map of servers;
a server with `url` is remote (`type` http or sse). Only the *names* of environment variables are kept.
"""

from __future__ import annotations

import shlex
from typing import Any

from ..model import Location, Problem
from .manifests import Hook, JsonFile, McpServer, vocabulary


def read_hooks(file: JsonFile, data: Any, owner: str) -> tuple[list[Hook], list[Problem]]:
    """Hooks of one hooks file (or of a manifest's inline `hooks`, `owner` naming where they are)."""
    if isinstance(data, dict) and "hooks" in data:
        if not isinstance(data["hooks"], dict):
            return [], [_problem(file, file.line_of("hooks"), "hooks-shape",
                                 f"'hooks' in {owner} is a {type(data['hooks']).__name__}, where Claude Code expects a "
                                 "mapping of event names to matcher groups: it loads none of these hooks",
                                 '"hooks": {"Stop": [{"hooks": [{"type": "command", "command": "…"}]}]}')]
        data = data["hooks"]
    if not isinstance(data, dict):
        return [], [_problem(file, 1, "hooks-shape", f"{owner} is not a mapping of hook events",
                             'write {"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "…"}]}]}}')]
    known = set(vocabulary()["hook_events"])
    passed_over = set(vocabulary()["hook_file_keys"])
    hooks: list[Hook] = []
    problems: list[Problem] = []
    for event, groups in data.items():
        line = file.line_of(event)
        if event in passed_over:
            continue
        if event not in known:
            problems.append(_problem(file, line, "hook-unknown-event", f"'{event}' is not a hook event Claude Code knows",
                                     f"use one of {', '.join(sorted(known)[:6])}, … (hooks reference)"))
            continue
        if not isinstance(groups, list):
            problems.append(_problem(file, line, "hooks-shape",
                                     f"hooks for '{event}' are a {type(groups).__name__}, where Claude Code expects a list of "
                                     "matcher groups", f'write "{event}": [{{"matcher": "…", "hooks": [{{"type": "command", "command": "…"}}]}}]'))
            continue
        for group in groups:
            handlers = group.get("hooks") if isinstance(group, dict) else None
            if not isinstance(handlers, list):
                problems.append(_problem(file, line, "hooks-shape", f"a matcher group of '{event}' has no list of hooks",
                                         '"hooks": [{"type": "command", "command": "…"}]'))
                continue
            matcher = str(group.get("matcher") or "")
            for handler in handlers:
                if isinstance(handler, dict):
                    kind = str(handler.get("type") or "command")
                    runs = handler.get("command") or handler.get("prompt") or handler.get("url") or ""
                    hooks.append(Hook(event, matcher, kind, str(runs), file.path, line))
    return hooks, problems


def read_mcp_servers(file: JsonFile, data: Any) -> tuple[list[McpServer], list[Problem]]:
    """MCP servers of one config, with or without the `mcpServers` wrapper."""
    if isinstance(data, dict) and isinstance(data.get("mcpServers"), dict):
        data = data["mcpServers"]
    if not isinstance(data, dict):
        return [], [_problem(file, 1, "mcp-shape", "this MCP configuration is not a mapping of server names",
                             'write {"mcpServers": {"name": {"command": "…", "args": []}}}')]
    servers, problems = [], []
    for name, server in data.items():
        line = file.line_of(name)
        if not isinstance(server, dict):
            problems.append(_problem(file, line, "mcp-shape", f"MCP server '{name}' is not a mapping",
                                     '"name": {"command": "…"} or "name": {"type": "http", "url": "…"}'))
            continue
        url = server.get("url")
        transport = str(server.get("type") or server.get("transport") or ("http" if url else "stdio"))
        if url:
            target = str(url)
        else:
            args = server.get("args") if isinstance(server.get("args"), list) else []
            target = shlex.join([str(server.get("command") or ""), *map(str, args)]).strip("' ")
        env = server.get("env") if isinstance(server.get("env"), dict) else {}
        headers = server.get("headers") if isinstance(server.get("headers"), dict) else {}
        names = tuple(sorted({str(key) for key in env} | {f"header {key}" for key in headers}))
        servers.append(McpServer(str(name), transport, target, names, file.path, line))
    return servers, problems


def _problem(file: JsonFile, line: int, code: str, message: str, hint: str) -> Problem:
    return Problem(Location(file.path, line), "warning", code, message, hint)
