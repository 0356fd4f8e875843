"""A plugin's hooks and MCP servers, read from their files or from the manifest, in the shapes Claude Code accepts.

Hooks (hooks reference): `{"hooks": {"<Event>": [{"matcher": "…", "hooks": [{"type": "command", "command": "…"}]}]}}`
in `hooks/hooks.json`, or the inner mapping inline in the manifest's `hooks`. A record where a list is expected, or
an event Claude Code does not know, is reported: Claude Code rejects the file. MCP servers (mcp reference):
`{"mcpServers": {"<name>": {"command": …, "args": […], "env": {…}}}}` in `.mcp.json`, or the bare map of servers;
a server with `url` is remote (`type` http or sse). Only the *names* of environment variables are kept.
"""

from __future__ import annotations

import re
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
        line = file.line_of("hooks", event)
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
    wrapper = ("mcpServers",) if isinstance(data, dict) and isinstance(data.get("mcpServers"), dict) else ()
    if wrapper:
        data = data["mcpServers"]
    if not isinstance(data, dict):
        return [], [_problem(file, 1, "mcp-shape", "this MCP configuration is not a mapping of server names",
                             'write {"mcpServers": {"name": {"command": "…", "args": []}}}')]
    servers, problems = [], []
    for name, server in data.items():
        line = file.line_of(*wrapper, name)
        if not isinstance(server, dict):
            problems.append(_problem(file, line, "mcp-shape", f"MCP server '{name}' is not a mapping",
                                     '"name": {"command": "…"} or "name": {"type": "http", "url": "…"}'))
            continue
        url = server.get("url")
        transport = str(server.get("type") or server.get("transport") or ("http" if url else "stdio"))
        if url:
            target = redact(str(url))
        else:
            args = server.get("args") if isinstance(server.get("args"), list) else []
            words = [str(server.get("command") or ""), *map(str, args)]
            target = " ".join(shlex.quote(word) for word in _redacted_args([w for w in words if w]))
        env = server.get("env") if isinstance(server.get("env"), dict) else {}
        headers = server.get("headers") if isinstance(server.get("headers"), dict) else {}
        names = tuple(sorted({str(key) for key in env} | {f"header {key}" for key in headers}))
        servers.append(McpServer(str(name), transport, target, names, file.path, line))
    return servers, problems


#: Secrets written into a server's arguments or URL (the MCP docs' own examples carry `user:pass@` URLs).
USERINFO_RE = re.compile(r"(?<=://)[^/@\s]+@")
QUERY_VALUE_RE = re.compile(r"([?&][^=&#\s]+=)[^&#\s]+")
SECRET_FLAG_RE = re.compile(r"^--?[\w-]*(token|key|secret|password|passwd|auth)[\w-]*$", re.I)
SECRET_ASSIGNMENT_RE = re.compile(r"^([\w.-]*(?:token|key|secret|password|passwd|auth)[\w.-]*=).+$", re.I)
HIDDEN = "…"


def redact(text: str) -> str:
    """A URL or argument without what could be a secret: user:password@, query values, KEY=value of secret names."""
    text = USERINFO_RE.sub(HIDDEN + "@", text)
    text = QUERY_VALUE_RE.sub(lambda m: m.group(1) + HIDDEN, text)
    return SECRET_ASSIGNMENT_RE.sub(lambda m: m.group(1) + HIDDEN, text)


def _redacted_args(words: list[str]) -> list[str]:
    """Command words with secrets hidden, and the word after a `--token`-like flag."""
    out: list[str] = []
    for word in words:
        out.append(HIDDEN if out and SECRET_FLAG_RE.match(out[-1]) else redact(word))
    return out


def _problem(file: JsonFile, line: int, code: str, message: str, hint: str) -> Problem:
    return Problem(Location(file.path, line), "warning", code, message, hint)
