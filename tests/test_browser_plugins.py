"""A marketplace in Chromium: the copy buttons put the exact install text on the clipboard, a skill's .zip downloads
and holds its SKILL.md, and the light/dark toggle works and is remembered."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from conftest import build_site, write_collection

expect = pytest.importorskip("playwright.sync_api").expect

MARKET = {"name": "acme-tools", "owner": {"name": "Acme"}, "plugins": [
    {"name": "guard", "source": "./plugins/guard"}, {"name": "zz-watch", "source": "./plugins/zz-watch", "description": "Watches"},
    {"name": "audit", "source": "./plugins/audit", "description": "Audits"}]}


@pytest.fixture(scope="module")
def market_base(serve, tmp_path_factory) -> str:
    """A one-plugin marketplace with a public source configured, built and served."""
    tmp_path = tmp_path_factory.mktemp("market")
    content = write_collection(tmp_path / "content", {
        "acme/.claude-plugin/marketplace.json": json.dumps(MARKET),
        "acme/plugins/guard/.claude-plugin/plugin.json": json.dumps({"name": "guard", "description": "Guards"}),
        "acme/plugins/guard/commands/check.md": "---\ndescription: Check the tree\n---\nCheck.\n",
        "acme/plugins/guard/skills/lint/SKILL.md": "---\nname: lint\ndescription: Lints\n---\nLint.\n",
        "acme/plugins/guard/skills/lint/rules.md": "# Rules\n",
        "acme/plugins/zz-watch/commands/watch.md": "---\ndescription: Watch\n---\nWatch.\n",
        "acme/plugins/audit/commands/audit.md": "---\ndescription: Audit\n---\nAudit.\n",
    })
    site = build_site(content, tmp_path, env={"ATLAS_MARKETPLACE_SOURCES": "acme=acme-corp/tools"})
    assert site.returncode == 0, site.log
    return serve(site.site_dir)


def copied(page, text: str) -> str:
    """Click the copy button of one install line and read the clipboard."""
    page.evaluate("navigator.clipboard.writeText('')")
    button = page.locator(f"[data-atlas-copy-text='{text}'] button")
    button.click()
    expect(button).to_have_class(re.compile("atlas-copy__button--copied"))
    return page.evaluate("navigator.clipboard.readText()")


def test_install_buttons_copy_the_exact_commands(page, market_base):
    """Marketplace: /plugin marketplace add with the configured source; plugin and command pages: their install text."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=market_base.rstrip("/"))
    page.goto(market_base + "acme/")
    assert copied(page, "/plugin marketplace add acme-corp/tools") == "/plugin marketplace add acme-corp/tools"
    page.goto(market_base + "acme/plugins/guard/")
    assert copied(page, "/plugin install guard@acme-tools") == "/plugin install guard@acme-tools"
    assert copied(page, "claude plugin install guard@acme-tools") == "claude plugin install guard@acme-tools"
    page.goto(market_base + "acme/plugins/guard/commands/check/")
    assert copied(page, "/guard:check") == "/guard:check"
    assert page.errors == []


def test_a_skill_zip_downloads_with_its_folder(page, market_base):
    """The skill page's .zip link downloads an archive of lint/SKILL.md and the file beside it."""
    page.goto(market_base + "acme/plugins/guard/skills/lint/")
    with page.expect_download() as download:
        page.locator("a.atlas-download", has_text="lint.zip").click()
    data = download.value.path().read_bytes()
    assert download.value.suggested_filename == "lint.zip"
    assert sorted(zipfile.ZipFile(io.BytesIO(data)).namelist()) == ["lint/SKILL.md", "lint/rules.md"]


def test_the_palette_toggle_switches_and_is_remembered(page, market_base):
    """Choosing dark mode sets Material's slate scheme, which the next page opened keeps."""
    page.emulate_media(color_scheme="light")
    page.goto(market_base)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label[title='Switch to light mode']:visible, label[title='Switch to dark mode']:visible").first.click()
    while body.get_attribute("data-md-color-scheme") != "slate":
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.goto(market_base + "acme/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_a_marketplace_list_filters_and_sorts(page, market_base):
    """Typing filters the plugins; the Plugin header sorts them, a second click reverses."""
    page.goto(market_base + "acme/")
    table = page.locator("table.atlas-marketplace")
    names = lambda: [t.strip() for t in table.locator("tbody tr:not([hidden]) td:first-child").all_inner_texts()]
    page.locator("[data-atlas-facet-text]").first.fill("zz-watch")
    expect(table.locator("tbody tr:not([hidden])")).to_have_count(1)
    expect(page.locator("[data-atlas-facet-count]").first).to_have_text("1 of 3 plugins")
    page.locator("[data-atlas-facet-text]").first.fill("")
    expect(table.locator("tbody tr:not([hidden])")).to_have_count(3)
    table.locator("[data-atlas-sort='0']").click()
    assert names() == ["audit", "guard", "zz-watch"]
    table.locator("[data-atlas-sort='0']").click()
    assert names() == ["zz-watch", "guard", "audit"]
