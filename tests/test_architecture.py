"""The layout ARCHITECTURE.md describes: a thin hook, one adapter that alone knows MkDocs, Material and Pagefind,
a package per feature, and a compat list that is complete and matches the installed versions."""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
import re
from pathlib import Path

from docs_build import atlas
from docs_build.adapter import compat

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "docs_build"
ADAPTER = PACKAGE / "adapter"
FOREIGN = ("mkdocs", "material", "pagefind")


def _python_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.py") if "node_modules" not in p.parts]


def _imported(path: Path) -> set[str]:
    """Top-level package names a module imports, anywhere in it."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_adapter_imports_mkdocs_material_or_pagefind():
    """No module of docs_build outside adapter/ (nor a hook) imports MkDocs, Material or Pagefind."""
    offenders = [f"{path.relative_to(ROOT)}: {sorted(_imported(path) & set(FOREIGN))}"
                 for path in [*_python_files(PACKAGE), *_python_files(ROOT / "hooks")]
                 if not path.is_relative_to(ADAPTER) and _imported(path) & set(FOREIGN)]
    assert offenders == []


def test_the_hook_is_thin_and_holds_no_mutable_state():
    """hooks/atlas.py is under 40 lines, and no hook module keeps a list, dict or set at module level."""
    hook = ROOT / "hooks" / "atlas.py"
    assert len(hook.read_text(encoding="utf-8").splitlines()) < 40
    for path in _python_files(ROOT / "hooks"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                assert not isinstance(node.value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp)), \
                    f"{path.name}:{node.lineno}: module-level mutable state"


def test_the_top_of_the_package_stays_small_and_features_are_packages():
    """At most 12 modules beside the packages, and every feature of FEATURES lives in a package of its own."""
    top = [p.name for p in PACKAGE.glob("*.py")]
    assert len(top) <= 12, top
    for feature in atlas.FEATURES:
        where = Path(inspect.getfile(feature)).relative_to(PACKAGE)
        assert len(where.parts) >= 2, f"{where}: a feature lives in docs_build/<feature>/"


def test_every_internal_touched_is_listed_with_its_test_and_marked_in_the_code():
    """Each compat record's test exists; each `compat.NAME` marker in the adapter names a record, and each record is marked."""
    names = {internal.name for internal in compat.INTERNALS}
    markers = {m for path in _python_files(ADAPTER) if path.name != "compat.py"
               for m in re.findall(r"compat\.([A-Z_]+)", path.read_text(encoding="utf-8"))}
    assert markers - names == set(), "markers without a record"
    assert names - markers == set(), "records no code marks"
    for internal in compat.INTERNALS:
        file, _, test = internal.test.partition("::")
        assert re.search(rf"^def {test}\(", (ROOT / file).read_text(encoding="utf-8"), re.M), internal.test
        assert internal.package in compat.VERSIONS


def test_the_installed_versions_are_those_the_adapter_was_written_for():
    """An upgrade of MkDocs, Material, Pagefind or Jinja fails here first: read compat.py, then change VERSIONS."""
    installed = {package: importlib.metadata.version(package) for package in compat.VERSIONS}
    assert installed == compat.VERSIONS
    pins = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for package, version in compat.VERSIONS.items():
        assert f'"{package}=={version}"' in pins


def test_pagefind_still_sleeps_where_the_adapter_removes_the_sleep():
    """pagefind.service reads replies through `asyncio.sleep`, which search_index replaces with no wait."""
    import pagefind.service

    from docs_build.adapter import search_index

    source = inspect.getsource(pagefind.service)
    assert "asyncio.sleep(" in source and source.count("asyncio.") > 1
    assert isinstance(pagefind.service.asyncio, search_index._NoPollDelay)
