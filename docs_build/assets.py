"""Browser files the site serves itself, taken from installed packages, so no page needs another host."""

from __future__ import annotations

from pathlib import Path

from .model import Location, Problem

ROOT = Path(__file__).resolve().parent
#: Mermaid's browser bundle, from the npm package the snippet checker installs (`make setup`).
MERMAID_BUNDLE = ROOT / "snippets" / "mermaid" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
MERMAID_URI = "assets/mermaid/mermaid.min.js"  # docs/assets/mermaid.js loads it from here


def site_assets(mermaid_bundle: Path = MERMAID_BUNDLE) -> tuple[dict[str, Path], list[Problem]]:
    """The files to add to the site ({site path: file}), and a problem for each one missing."""
    if mermaid_bundle.is_file():
        return {MERMAID_URI: mermaid_bundle}, []
    location = Location(str(mermaid_bundle.relative_to(ROOT.parent)) if mermaid_bundle.is_relative_to(ROOT.parent)
                        else str(mermaid_bundle))
    message = ("Mermaid's browser bundle is missing: handoff graphs and diagrams will show as source "
               "(the site never loads it from another host)")
    return {}, [Problem(location, "info", "mermaid-bundle-missing", message,
                        "install Node and npm, then run `make setup` (npm ci --prefix docs_build/snippets/mermaid)")]
