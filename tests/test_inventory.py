"""objects.inv: unit tests on catalog dicts, then the built inventory read back by sphobjinv and resolved."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

import pytest

from docs_build.wiki.inventory import objects, objects_inv

soi = pytest.importorskip("sphobjinv")


def entry(id_: str, name: str, kind: str = "agent", **extra) -> dict:
    """A catalog.json entry with what the inventory reads."""
    collection = id_.split("/")[0]
    return {"id": id_, "name": name, "kind": kind, "collection": collection, "title": name, "url": f"{id_}/", **extra}


def test_each_entry_is_named_by_id_and_by_collection_and_name():
    """An agent gets its id and `collection/name`; its rows get both with '#anchor'."""
    rows = [{"id": "c/agents/a#ts-x", "url": "c/agents/a/#ts-x", "symptom": "X\nfails"}]
    found = objects({"entries": [entry("c/agents/a", "Alpha One", troubleshooting=rows)]})
    assert found == [
        ("c/agents/a", "agent", "c/agents/a/", "Alpha One"),
        ("c/Alpha-One", "agent", "c/agents/a/", "Alpha One"),
        ("c/agents/a#ts-x", "row", "c/agents/a/#ts-x", "X fails"),
        ("c/Alpha-One#ts-x", "row", "c/agents/a/#ts-x", "X fails"),
    ]


def test_a_shared_name_is_left_to_the_ids():
    """Two agents named alike in one collection: neither gets `collection/name`, an agent and a skill both do."""
    entries = [entry("c/agents/a", "dup"), entry("c/plugins/p/agents/a", "dup"), entry("c/skills/dup", "dup", "skill")]
    names = {(name, role) for name, role, _, _ in objects({"entries": entries})}
    assert names == {("c/agents/a", "agent"), ("c/plugins/p/agents/a", "agent"), ("c/skills/dup", "skill"),
                     ("c/dup", "skill")}


def test_rows_whose_anchor_is_not_on_the_page_are_left_out():
    """A row the page shows no anchor for (its table rendered as code) is no object."""
    rows = [{"id": "c/agents/a#ts-x", "url": "c/agents/a/#ts-x", "symptom": "X"},
            {"id": "c/agents/a#ts-y", "url": "c/agents/a/#ts-y", "symptom": "Y"}]
    found = objects({"entries": [entry("c/agents/a", "a", troubleshooting=rows)]}, lambda uri: uri.endswith("ts-x"))
    assert [name for name, role, _, _ in found if role == "row"] == ["c/agents/a#ts-x", "c/a#ts-x"]


def test_aliases_name_the_new_page():
    """A renamed entry's old id resolves to its new page."""
    found = objects({"entries": [entry("c/agents/new", "new", aliases=["c/agents/old"])]})
    assert ("c/agents/old", "agent", "c/agents/new/", "new") in found


def test_file_format_header_and_lines():
    """Four header lines, then zlib lines `name domain:role priority uri dispname`, std:label copies lowercase."""
    data = objects_inv({"version": 1, "entries": [entry("c/agents/a", "Alpha")]}, "Agent Atlas")
    header, separator, body = data.partition(b"zlib.\n")
    assert (header + separator).decode().splitlines() == [
        "# Sphinx inventory version 2", "# Project: Agent Atlas", "# Version: 1",
        "# The remainder of this file is compressed using zlib.",
    ]
    assert zlib.decompress(body).decode().splitlines() == [
        "c/agents/a atlas:agent 1 c/agents/a/ Alpha",
        "c/Alpha atlas:agent 1 c/agents/a/ Alpha",
        "c/agents/a std:label -1 c/agents/a/ Alpha",
        "c/alpha std:label -1 c/agents/a/ Alpha",
    ]


def assert_every_object_resolves(site_dir: Path, expected_entries: int) -> soi.Inventory:
    """Read objects.inv with sphobjinv; every object's page exists and carries its anchor."""
    inventory = soi.Inventory(site_dir / "objects.inv")
    assert inventory.project == "Agent Atlas" and inventory.count > 0
    pages: dict[str, str] = {}
    entries = set()
    for obj in inventory.objects:
        uri = obj.uri_expanded
        path, _, anchor = uri.partition("#")
        assert path.endswith("/") and not path.startswith("/"), uri
        if path not in pages:
            pages[path] = (site_dir / path / "index.html").read_text(encoding="utf-8")
        if anchor:
            assert f'id="{anchor}"' in pages[path], uri
        if obj.domain == "atlas" and obj.role in {"agent", "skill"}:
            entries.add(path)
    assert len(entries) == expected_entries
    # Round trip: the plain text sphobjinv writes compresses back to an inventory with the same objects.
    again = soi.Inventory(zlib=soi.compress(soi.Inventory(plaintext=inventory.data_file()).data_file()))
    assert again.objects == inventory.objects
    return inventory


def test_seed_inventory_resolves(seed_site):
    """The seeds' objects.inv: every agent, skill and row, each link landing on an existing page or anchor."""
    inventory = assert_every_object_resolves(seed_site.site_dir, 5)
    found = {(o.name, o.domain, o.role) for o in inventory.objects}
    assert ("api-design/agents/02-backend-patterns#ts-econnreset", "atlas", "row") in found
    assert ("api-design/backend-patterns", "atlas", "skill") in found
    assert not any(re.search(r"\s", o.uri) for o in inventory.objects)


@pytest.mark.parametrize("site_fixture", ["corpus_site", "corpus_extra_site"])
def test_corpus_inventory_resolves(site_fixture, request):
    """On both corpora: every catalog entry is an object by its id, every object resolving to a page or row anchor."""
    site_dir = request.getfixturevalue(site_fixture).site_dir
    catalog = json.loads((site_dir / "catalog.json").read_text())
    inventory = assert_every_object_resolves(site_dir, len(catalog["entries"]))
    ids = {o.name for o in inventory.objects if o.domain == "atlas" and o.role in {"agent", "skill"}}
    assert {e["id"] for e in catalog["entries"]} <= ids
    rows = {o.name for o in inventory.objects if o.role == "row"}
    listed = {row["id"] for e in catalog["entries"] for row in e["troubleshooting"]}
    # A row is left out only when its page lacks the anchor; fences are rendered as they are analysed, so none is.
    assert not listed - rows, sorted(listed - rows)
