"""The content directory a benchmark reads: its first argument, else ../shared/corpus."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def content_dir_from_argv() -> Path | None:
    """The directory to benchmark, or None (with a message) when it does not exist."""
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    if not content.is_dir():
        print(f"{content}: not found; pass a content directory", file=sys.stderr)
        return None
    return content.resolve()
