"""Remembered results (docs_build.cache): keyed by a fingerprint of every input, so each changed input is a miss."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import write_collection

from docs_build.atlas import build_atlas
from docs_build.cache import Memory, fingerprint

AGENT = "---\nname: {name}\ndescription: {description}\n---\n# {name}\n\n{body}\n"


def _counted() -> tuple[list[tuple], object]:
    calls: list[tuple] = []

    def compute(*inputs):
        calls.append(inputs)
        return len(calls)

    return calls, compute


def test_the_same_inputs_hit_and_each_changed_input_misses():
    """A call with equal inputs reuses the result; changing any one input (deep inside, too) computes anew."""
    calls, compute = _counted()
    memory = Memory()
    inputs = ("text", 3, ("a", "b"), {"k": ["v"]}, frozenset({"x"}))
    assert memory.call("slot", compute, *inputs) == memory.call("slot", compute, *inputs) == 1
    for position, changed in enumerate(["other", 4, ("a", "c"), {"k": ["w"]}, frozenset({"y"})]):
        varied = inputs[:position] + (changed,) + inputs[position + 1:]
        assert memory.call("slot", compute, *varied) == len(calls)
        assert calls[-1] == varied
    assert len(calls) == 6


def test_shapes_that_print_alike_have_different_fingerprints():
    """("ab",) and ("a", "b"), a list and a mapping, 1 and "1" do not collide."""
    values = [("ab",), ("a", "b"), ["a", "b"], {"a": "b"}, 1, "1", None, "None", b"1"]
    assert len({fingerprint(value) for value in values}) == len(values) - 1  # a tuple and a list of the same items agree


def test_an_object_without_a_fingerprint_is_refused():
    """Anything that is not plain data and does not say what it holds cannot be a key: no silent miss of an input."""
    with pytest.raises(TypeError, match="no fingerprint"):
        fingerprint(object())

    @dataclass(frozen=True)
    class Holder:
        value: object

    with pytest.raises(TypeError):
        fingerprint(Holder(object()))


def test_an_edit_recomputes_only_what_reads_it(tmp_path):
    """Across two builds sharing a Memory: an edited body re-renders its own page only; a renamed entry changes
    the names every page links by, so every page of the site is made again."""
    files = {f"c/agents/{n}.md": AGENT.format(name=n, description=f"{n} does things", body="Hand off to the `beta` agent.")
             for n in ("alpha", "beta", "gamma")}
    content = write_collection(tmp_path, files)
    memory = Memory()
    first = {page.src_uri: page for page in build_atlas(content, memory=memory).pages}
    again = {page.src_uri: page for page in build_atlas(content, memory=memory).pages}
    assert all(again[src] is first[src] for src in first if src.startswith("c/agents/"))
    gamma = AGENT.format(name="gamma", description="gamma does things", body="Edited.")
    (content / "c/agents/gamma.md").write_text(gamma, encoding="utf-8")
    edited = {page.src_uri: page for page in build_atlas(content, memory=memory).pages}
    assert edited["c/agents/gamma.md"] is not again["c/agents/gamma.md"]
    assert "Edited." in edited["c/agents/gamma.md"].full_markdown
    assert edited["c/agents/alpha.md"] is again["c/agents/alpha.md"]
    assert "Hands off to" in edited["c/agents/alpha.md"].full_markdown
    bravo = AGENT.format(name="bravo", description="beta does things", body="")
    (content / "c/agents/beta.md").write_text(bravo, encoding="utf-8")
    renamed = {page.src_uri: page for page in build_atlas(content, memory=memory).pages}
    assert renamed["c/agents/alpha.md"] is not edited["c/agents/alpha.md"]
    assert ">bravo<" in renamed["c/agents/alpha.md"].full_markdown  # alpha's handoff shows beta's new name
