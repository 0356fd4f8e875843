"""`python -m docs_build export`: the generated site as a plain docs folder that MkDocs builds without the hooks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import CONTENT, ROOT

from docs_build import build_atlas
from docs_build.export import NAV_FILE, export_site

PLAIN_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
                    "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist"]


def test_an_export_is_built_by_plain_mkdocs_without_the_hooks(tmp_path: Path):
    """Exported seeds plus docs/ build with Material alone (no hooks, no macros): every entry has its page."""
    atlas = build_atlas(CONTENT)
    done = export_site(atlas, tmp_path / "docs", ROOT / "docs")
    nav = yaml.safe_load((tmp_path / "docs" / NAV_FILE).read_text(encoding="utf-8"))["nav"]
    config = {"site_name": "Exported", "docs_dir": "docs", "site_dir": "site", "theme": {"name": "material"},
              "nav": nav, "markdown_extensions": PLAIN_EXTENSIONS}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tmp_path / "mkdocs.yml")],
                         capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert done.pages == len(atlas.pages) + len(atlas.files) + 2  # folder listings: /graphs/ and /health/
    for entry in atlas.catalog.entries:
        page = (tmp_path / "site" / entry.url / "index.html").read_text(encoding="utf-8")
        assert entry.description.split("\n")[0][:40] in page.replace("&#39;", "'").replace("&quot;", '"')
    exported = json.loads((tmp_path / "docs" / "catalog.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in exported["entries"]] == [e.id for e in atlas.catalog.entries]


def test_the_command_line_writes_the_folder(tmp_path: Path):
    """`python -m docs_build export DIR CONTENT` exits 0 and writes the home page and the navigation."""
    run = subprocess.run([sys.executable, "-m", "docs_build", "export", str(tmp_path / "out"), str(CONTENT),
                          "--docs-dir", str(ROOT / "docs")], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "index.md").is_file() and (tmp_path / "out" / NAV_FILE).is_file()
    assert (tmp_path / "out" / "guide.md").read_bytes() == (ROOT / "docs" / "guide.md").read_bytes()
