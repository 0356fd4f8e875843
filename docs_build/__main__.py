"""Command line: `python -m docs_build check [CONTENT_DIR]` prints every content problem;
`python -m docs_build export DIR [CONTENT_DIR]` writes the generated site as a plain docs folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build_atlas, content_dir
from .export import NAV_FILE, export_site


def main(argv: list[str] | None = None) -> int:
    """Run the command; exit 1 when any problem is an error or a warning."""
    parser = argparse.ArgumentParser(prog="python -m docs_build", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="print every content problem as path:line: severity: message")
    check.add_argument("content_dir", nargs="?", help="content directory (default: $DOCS_CONTENT_DIR or content/)")
    check.add_argument("--quiet-info", action="store_true", help="leave out notes (info)")
    export = commands.add_parser("export", help="write the generated pages and assets as a plain docs folder")
    export.add_argument("target", help="folder to write (created; docs/ is copied into it too)")
    export.add_argument("content_dir", nargs="?", help="content directory (default: $DOCS_CONTENT_DIR or content/)")
    export.add_argument("--docs-dir", default="docs", help="hand-written pages to copy beside them (default: docs)")
    args = parser.parse_args(argv)
    root = content_dir(Path.cwd(), args.content_dir)
    if not root.is_dir():
        print(f"{root}: not a directory", file=sys.stderr)
        return 2
    atlas = build_atlas(root)
    if args.command == "export":
        done = export_site(atlas, Path(args.target), Path(args.docs_dir))
        print(f"{done.pages} generated pages and files ({done.files} in all) written to {args.target}; its navigation is {args.target}/{NAV_FILE}. "
              "Body HTML is sanitised and table rows anchored by the MkDocs adapter only: another engine renders "
              "bodies as its own Markdown does.", file=sys.stderr)
        return 0
    for problem in atlas.problems:
        if not (args.quiet_info and problem.severity == "info"):
            print(problem.format())
    print(atlas.summary(), file=sys.stderr)
    return 1 if atlas.failing() else 0


if __name__ == "__main__":
    sys.exit(main())
