"""Mermaid text: escaped labels, node and edge lines, and the graphs the build writes into pages."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import build_site, write_collection

from docs_build.handoffs.graph import Graph, mermaid_label

AGENT = "---\nname: {name}\ndescription: d\n---\n\n# {name}\n\n{body}\n"


def test_labels_escape_everything_that_could_break_out() -> None:
    """Quotes, brackets, backticks, pipes and angle brackets become Mermaid entity codes."""
    label = mermaid_label('a "b" [c] `d` |e| <f>')
    assert label.startswith('"') and label.endswith('"')
    assert not set(label[1:-1]) & set('"[]`|<>')
    assert "#34;" in label and "#96;" in label


def test_long_labels_are_shortened() -> None:
    """Labels are cut to a readable length with an ellipsis entity."""
    assert mermaid_label("x" * 100, 10) == '"' + "x" * 9 + '#8230;"'


def test_graph_text() -> None:
    """Nodes get generated ids and shapes; edges are solid or dotted, once per pair."""
    graph = Graph()
    graph.node("a", "alpha", "self")
    graph.node("s", "skill one", "skill")
    graph.edge("a", "s")
    graph.edge("a", "s")
    graph.edge("s", "a", "primary", dotted=True)
    text = graph.to_mermaid()
    assert text.splitlines()[:5] == ["graph LR", '  n0["alpha"]:::self', '  n1(["skill one"]):::skill', "  n0 --> n1",
                                     '  n1 -.-|"primary"| n0']


def test_build_links_both_ways_and_draws_the_neighbourhood(tmp_path: Path) -> None:
    """A hands off to B: A's page links to B, B's page lists the inbound handoff, both carry Mermaid text."""
    content = write_collection(tmp_path / "content", {
        "team/agents/01-alpha.md": AGENT.format(name="01-alpha", body="## Boundaries\n\n**Handoff:** Reviews → Agent 02"),
        "team/agents/02-beta.md": AGENT.format(name="02-beta", body="Beta's work."),
    })
    site = build_site(content, tmp_path, strict=True)
    assert site.returncode == 0, site.log
    alpha, beta = site.page("team/agents/01-alpha"), site.page("team/agents/02-beta")
    out = re.search(r'id="atlas-handoffs-out".*?</table>', alpha, re.S).group(0)
    assert '<a href="../02-beta/">02-beta</a>' in out and "Reviews" in out and 'href="#boundaries"' in out
    assert (site.site_dir / "team/agents/02-beta/index.html").is_file()
    inbound = re.search(r'id="atlas-handoffs-in".*?</table>', beta, re.S).group(0)
    assert '<a href="../01-alpha/">01-alpha</a>' in inbound and "Reviews" in inbound
    assert 'href="../01-alpha/#boundaries"' in inbound
    graph = html.unescape(re.search(r'<pre class="mermaid"><code>(.*?)</code></pre>', alpha, re.S).group(1))
    assert 'n0["01-alpha"]:::self' in graph and 'n1["02-beta"]' in graph and "n0 --> n1" in graph
    page = site.page("graphs/team")
    assert '<pre class="mermaid">' in page and "01-alpha" in page
    health = site.page("health/handoffs")
    assert "Every handoff and bond resolves" in health
