"""Command line: `python -m docs_build check [CONTENT_DIR]` prints every content problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build_atlas, content_dir


def main(argv: list[str] | None = None) -> int:
    """Run the command; exit 1 when any problem is an error or a warning."""
    parser = argparse.ArgumentParser(prog="python -m docs_build", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="print every content problem as path:line: severity: message")
    check.add_argument("content_dir", nargs="?", help="content directory (default: $DOCS_CONTENT_DIR or content/)")
    check.add_argument("--quiet-info", action="store_true", help="leave out notes (info)")
    args = parser.parse_args(argv)
    root = content_dir(Path.cwd(), args.content_dir)
    if not root.is_dir():
        print(f"{root}: not a directory", file=sys.stderr)
        return 2
    atlas = build_atlas(root)
    for problem in atlas.problems:
        if not (args.quiet_info and problem.severity == "info"):
            print(problem.format())
    print(atlas.summary(), file=sys.stderr)
    return 1 if atlas.failing() else 0


if __name__ == "__main__":
    sys.exit(main())
