"""Sidebars from docs_build/adapter/sidebars.py: the HTML Material renders for every page, rendered once per sidebar and folder."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from conftest import build_site
from test_prerender import html_files, many_entries

from docs_build.adapter.sidebars import SidebarCache


class Item(SimpleNamespace):
    """A nav page: url, file name, active."""


def page(url: str, name: str = "entry") -> Item:
    return Item(url=url, file=SimpleNamespace(name=name), active=True, children=None)


def fake_renderers(calls: list[str]):
    """A sidebar is its items' HTML in order; an item is `[url]`, or `[url*]` when it is the page."""

    def item_html(variables: dict, item: Item) -> str:
        calls.append("item")
        return f"[{item.url}{'*' if item is variables['page'] else ''}]"

    def nav_html(variables: dict) -> str:
        calls.append("nav")
        return "".join(item_html(variables, item) for item in variables["nav"].items)

    return nav_html, item_html


def test_one_sidebar_per_folder_each_page_with_its_own_item_put_in():
    calls: list[str] = []
    a, b, c = page("p/agents/a/"), page("p/agents/b/"), page("p/skills/c/")
    items = [page("", "index"), a, b, c]
    cache = SidebarCache(*fake_renderers(calls))
    nav = SimpleNamespace(items=items)
    assert cache.html({"page": a, "nav": nav}) == "[][p/agents/a/*][p/agents/b/][p/skills/c/]"
    assert cache.html({"page": b, "nav": nav}) == "[][p/agents/a/][p/agents/b/*][p/skills/c/]"
    assert calls.count("nav") == 1  # b reused a's folder's sidebar
    assert cache.html({"page": c, "nav": nav}) == "[][p/agents/a/][p/agents/b/][p/skills/c/*]"
    assert calls.count("nav") == 2  # another folder: its own
    assert a.active and b.active and c.active  # as MkDocs had set them


def test_pages_whose_sidebar_could_differ_are_rendered_whole():
    calls: list[str] = []
    home, index, parent, child = page("", "index"), page("p/plugins/", "index"), page("p/x/"), page("p/x/y/")
    nav = SimpleNamespace(items=[home, index, parent, child])
    cache = SidebarCache(*fake_renderers(calls))
    for current in (home, index, parent):  # the home page, a folder's index page, a page with a link below it
        calls.clear()
        assert f"[{current.url}*]" in cache.html({"page": current, "nav": nav})
        assert len(calls) == 1 + len(nav.items)  # one sidebar, rendered for this page alone
    assert cache.html({"page": child, "nav": nav}) == "[][p/plugins/][p/x/][p/x/y/*]"  # cached: nothing below it
    twice = SimpleNamespace(items=[page("p/a/"), page("p/a/"), page("p/b/")])  # its item not found exactly once
    calls.clear()
    assert cache.html({"page": twice.items[0], "nav": twice}) == "[p/a/*][p/a/][p/b/]"
    assert calls.count("nav") == 2  # the folder's sidebar, then this page's own


def test_without_the_cache_every_sidebar_is_rendered_whole(monkeypatch):
    monkeypatch.setenv("ATLAS_NAV_CACHE", "0")
    calls: list[str] = []
    a, b = page("p/a/"), page("p/b/")
    cache = SidebarCache(*fake_renderers(calls))
    for current in (a, b):
        cache.html({"page": current, "nav": SimpleNamespace(items=[a, b])})
    assert calls.count("nav") == 2


def test_a_site_built_with_the_cache_is_the_site_built_without(tmp_path: Path):
    content = many_entries(tmp_path / "content", copies=6)
    plain = build_site(content, tmp_path / "plain", env={"ATLAS_NAV_CACHE": "0", "ATLAS_RENDER_WORKER": "0"})
    cached = build_site(content, tmp_path / "cached", env={"ATLAS_NAV_CACHE": "1", "ATLAS_RENDER_WORKER": "0"})
    assert plain.returncode == cached.returncode == 0, cached.log
    assert html_files(cached.site_dir) == html_files(plain.site_dir)
    entry = next(cached.site_dir.glob("*-0/agents/*/index.html")).read_text(encoding="utf-8")
    assert entry.count("md-nav__link--active") >= 1 and 'id="__toc"' in entry  # the page's own item, active


def test_the_corpus_built_with_every_shortcut_is_the_corpus_built_plainly(corpus_dir: Path, corpus_site, tmp_path: Path):
    """Sidebar cache, page worker (both on in the session's corpus build): 1,097 real pages, byte for byte."""
    plain = build_site(corpus_dir, tmp_path, env={"ATLAS_NAV_CACHE": "0", "ATLAS_RENDER_WORKER": "0"})
    assert plain.returncode == 0, plain.log[-3000:]
    built, expected = html_files(corpus_site.site_dir), html_files(plain.site_dir)
    assert len(expected) > 1000
    assert sorted(path for path in expected if built.get(path) != expected[path]) == []
