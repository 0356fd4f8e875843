"""Agent Atlas: build a knowledge site from collections of agent and skill definition files."""

from __future__ import annotations

import os
from pathlib import Path

from .atlas import Atlas, build_atlas

__all__ = ["Atlas", "build_atlas", "content_dir"]

#: Environment variable that points the build at another content directory.
CONTENT_DIR_ENV = "DOCS_CONTENT_DIR"


def content_dir(project_dir: Path, override: str | None = None) -> Path:
    """The content directory: `override`, else $DOCS_CONTENT_DIR, else `content/` of the project."""
    chosen = override or os.environ.get(CONTENT_DIR_ENV) or "content"
    return (project_dir / chosen).resolve()
