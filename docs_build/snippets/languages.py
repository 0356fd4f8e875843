"""Info-string language words, normalised to the one name each checker is registered under."""

from __future__ import annotations

#: Spelling in an info string -> canonical language. A new alias is one entry here.
ALIASES: dict[str, str] = {
    "py": "python", "python3": "python", "py3": "python", "python": "python",
    "ts": "typescript", "typescript": "typescript", "tsx": "typescript", "mts": "typescript", "cts": "typescript",
    "js": "javascript", "jsx": "javascript", "javascript": "javascript", "mjs": "javascript", "cjs": "javascript",
    "node": "javascript", "nodejs": "javascript",
    "sh": "bash", "shell": "bash", "bash": "bash", "zsh": "bash", "ksh": "bash",
    "console": "console", "shell-session": "console", "sh-session": "console", "shellsession": "console",
    "yml": "yaml", "yaml": "yaml",
    "json": "json", "jsonc": "jsonc", "json5": "jsonc", "jsonl": "jsonl", "ndjson": "jsonl",
    "toml": "toml",
    "go": "go", "golang": "go",
    "docker": "dockerfile", "dockerfile": "dockerfile", "containerfile": "dockerfile",
    "hcl": "hcl", "terraform": "hcl", "tf": "hcl", "tfvars": "hcl",
    "java": "java",
    "html": "html", "htm": "html", "xhtml": "html",
    "css": "css",
    "rust": "rust", "rs": "rust",
    "c": "c", "h": "c",
    "cpp": "cpp", "c++": "cpp", "cxx": "cpp", "cc": "cpp", "hpp": "cpp",
    "ruby": "ruby", "rb": "ruby",
    "php": "php",
    "kotlin": "kotlin", "kt": "kotlin", "kts": "kotlin",
    "csharp": "csharp", "c#": "csharp", "cs": "csharp", "c-sharp": "csharp",
    "swift": "swift",
    "scala": "scala",
    "lua": "lua",
    "powershell": "powershell", "ps1": "powershell", "pwsh": "powershell", "ps": "powershell",
    "makefile": "make", "make": "make", "mk": "make",
    "xml": "xml", "svg": "xml", "xsd": "xml", "plist": "xml",
    "sql": "sql", "postgres": "sql", "postgresql": "sql", "psql": "sql", "pgsql": "sql", "plpgsql": "sql",
    "mysql": "sql", "sqlite": "sql", "sqlite3": "sql", "tsql": "sql", "mssql": "sql", "bigquery": "sql",
    "snowflake": "sql", "duckdb": "sql", "clickhouse": "sql", "oracle": "sql", "plsql": "sql",
    "mermaid": "mermaid", "mmd": "mermaid",
    "markdown": "markdown", "md": "markdown",
}

#: Languages that are prose, output or drawings rather than code: never parsed, counted with this reason.
PROSE: dict[str, str] = {
    "": "no language given",
    "text": "plain text", "txt": "plain text", "plain": "plain text", "plaintext": "plain text", "none": "plain text",
    "output": "program output", "log": "program output", "logs": "program output", "stdout": "program output",
    "terminal": "program output",
    "markdown": "Markdown prose", "md": "Markdown prose", "mdx": "Markdown prose",
    "http": "HTTP exchange", "https": "HTTP exchange",
    "diff": "a diff", "patch": "a diff", "udiff": "a diff",
    "ascii": "an ASCII drawing", "asciiart": "an ASCII drawing", "ansi": "an ASCII drawing", "tree": "an ASCII drawing",
}


def normalise(word: str) -> str:
    """The canonical language of an info-string word ('TS' -> 'typescript'); unknown words stay as written."""
    word = word.strip().strip("{}").lstrip(".").lower()
    if word.startswith("language-"):
        word = word[len("language-"):]
    return ALIASES.get(word, word)


def prose_reason(word: str) -> str | None:
    """Why a block in this language is not parsed, or None when it is code."""
    word = word.strip().strip("{}").lstrip(".").lower()
    return PROSE.get(word)
