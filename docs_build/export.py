"""`python -m docs_build export DIR`: the generated site as a plain docs folder, for any engine that reads one.

The core does not depend on running inside MkDocs: this writes what the MkDocs adapter would add in memory
(every generated page with its held HTML in place, redirect pages, folder listings, the Mermaid bundle,
catalog.json) beside a copy of the hand-written `docs/`, and the navigation as `nav.yml` (the `nav:` of an
`mkdocs.yml`, which Zensical reads too). What only the adapter does after Markdown is converted is not in the
files: raw HTML in bodies is sanitised, table rows anchored and template headings put in the toc there, so
another engine shows bodies as its own Markdown renders them; `export` says so in its summary.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from .assets import site_assets
from .atlas import Atlas
from .pages.folders import folder_pages
from .pages.nav import build_nav

NAV_FILE = "nav.yml"


@dataclass(frozen=True)
class Exported:
    """What one export wrote."""

    pages: int  # generated pages, redirect pages and downloads
    files: int


def export_site(atlas: Atlas, target: Path, docs_dir: Path | None = None, user_nav: list | None = None) -> Exported:
    """Write the atlas's pages and assets into `target` (created; files already there are overwritten)."""
    target.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    if docs_dir is not None and docs_dir.is_dir():
        shutil.copytree(docs_dir, target, dirs_exist_ok=True)
        written += [p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()]
    hand_written = [path for path in written if path.endswith(".md")]
    folders = folder_pages(atlas.pages, hand_written)
    texts: dict[str, str | bytes] = {page.src_uri: page.full_markdown for page in [*atlas.pages, *folders]}
    texts.update(atlas.files)
    for path, data in texts.items():
        _write(target / path, data.encode("utf-8") if isinstance(data, str) else data)
    assets, _ = site_assets()
    for uri, source in assets.items():
        _write(target / uri, source.read_bytes())
    _write(target / "catalog.json", json.dumps(atlas.catalog_json(), ensure_ascii=False).encode("utf-8"))
    nav = build_nav(atlas, user_nav)
    _write(target / NAV_FILE, yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False).encode("utf-8"))
    return Exported(len(texts), len(written) + len(texts) + len(assets) + 2)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
