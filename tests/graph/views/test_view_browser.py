"""The HTML view in headless chromium with the network blocked: it draws, reports its nodes, runs no payload."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from support.browser import BROWSER_MARKS, TOOLTIP_PROBE, load_page, png_is_blank, screenshot, without_csp
from support.networkdocs import PAYLOADS as STORED_PAYLOADS
from support.networkdocs import memory_store, write_hostile, write_missile_defence
from stancegraph.graph.networks import Filters
from stancegraph.graph.networks import build_network as network
from stancegraph.graph.networks.evidence import edge_evidence
from stancegraph.graph.views.html import network_html, view_html, write_view
from stancegraph.graph.rdf.iris import actor_iri
from support.stancerows import stance_row

pytestmark = list(BROWSER_MARKS)

# Pixels of the network canvas in a 1200x800 screenshot: below the header, left of the evidence panel.
NETWORK_BOX = (10, 160, 800, 790)


def _row(actor: str, actor_id: str, stance: str, polarity: int, topic: str, sentence: str, **extra: Any):
    return stance_row(actor, actor_id, stance, polarity, topic, sentence, **{"doc": "seed", **extra})


ROWS = [
    _row("Russia", "RUS", "oppose", -1, "ABM shield", "Moscow staunchly opposes the deployment of an ABM shield."),
    _row("NATO", "NATO", "reject", -1, "joint missile defense system", "NATO rejected a joint missile defense system.",
         actor_type="organization"),
    _row("Russia", "RUS", "propose", 1, "joint missile defense system", "... proposed by the Kremlin."),
    _row("Russia", "RUS", "demand", 1, "legally-binding guarantees", "Moscow has long sought guarantees.",
         targets=["USA", "NATO"]),
    _row("United States", "USA", "consider", 0, "legally-binding guarantees", "Washington has not ruled them out."),
]

MARK = "document.documentElement.setAttribute('data-pwned', '{}')"
PAYLOADS = [
    f"<script>{MARK.format('script')}</script>",
    f"</script><script>{MARK.format('breakout')}</script>",
    f"<img src=x onerror=\"{MARK.format('img')}\">",
    f"<svg onload=\"{MARK.format('svg')}\"></svg>",
]
HOSTILE_ROWS = [
    _row(f"Actor {payload}", f"X{i}", "oppose", -1, f"Topic {payload}", f"Sentence {payload}",
         actor_text=payload, topic_text=payload, source=payload, doc=payload)
    for i, payload in enumerate(PAYLOADS)
]


def test_view_draws_every_node_without_errors(tmp_path: Path) -> None:
    html_path = write_view(ROWS, tmp_path / "view.html", title="Missile defence")
    page = load_page(html_path)
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")
    assert page.dataset.get("sg-ready") == "1"
    assert page.dataset["sg-nodes"] == "6"  # Russia, NATO, United States and three topics
    assert page.dataset["sg-edges"] == "5"
    assert page.console == []


def test_screenshot_shows_the_network(tmp_path: Path) -> None:
    html_path = write_view(ROWS, tmp_path / "view.html")
    png = screenshot(html_path, tmp_path / "view.png", width=1200, height=800)
    assert not png_is_blank(png)
    assert not png_is_blank(png, box=NETWORK_BOX)


def test_empty_view_says_no_stances(tmp_path: Path) -> None:
    html_path = write_view([], tmp_path / "empty.html")
    page = load_page(html_path)
    assert page.dataset.get("sg-errors") is None
    assert page.dataset["sg-ready"] == "1" and page.dataset["sg-nodes"] == "0"
    assert "no stances" in page.dom
    png = screenshot(html_path, tmp_path / "empty.png")
    assert png_is_blank(png, box=(10, 220, 800, 790))  # below the message: no network drawn


def test_hostile_rows_run_nothing(tmp_path: Path) -> None:
    html_path = write_view(HOSTILE_ROWS, tmp_path / "hostile.html", title=PAYLOADS[1])
    page = load_page(html_path)
    assert "pwned" not in page.dataset
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")  # not even a blocked attempt
    assert page.dataset["sg-nodes"] == str(2 * len(PAYLOADS))
    title = re.search(r"<title>(.*?)</title>", page.dom, re.S)
    assert title and "&lt;script&gt;" in title.group(1)


def test_hostile_rows_run_nothing_even_without_the_content_security_policy(tmp_path: Path) -> None:
    html_path = tmp_path / "no-csp.html"
    html_path.write_text(without_csp(view_html(HOSTILE_ROWS, title=PAYLOADS[1]), TOOLTIP_PROBE), encoding="utf-8")
    page = load_page(html_path)
    assert "pwned" not in page.dataset
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")
    assert page.dataset["probe-elements"] == "0"
    assert page.dataset["probe-scripts"] == "5"  # guard, data, vis-network, view, and the probe
    for payload in PAYLOADS:
        assert f"Sentence {payload}" in page.dataset["probe-text"]
        assert f"Topic {payload}" in page.dataset["probe-text"]
    assert "Actor " in page.dataset["probe-panel"]  # the search found an actor and showed it, as text


@pytest.mark.parametrize("blocked", ["https://example.org/x.js", "http://127.0.0.1:1/x.js"])
def test_the_network_is_blocked(tmp_path: Path, blocked: str) -> None:
    html_path = tmp_path / "fetch.html"
    html_path.write_text(
        "<!DOCTYPE html><html><body><script>"
        f"fetch({blocked!r}).then(function () {{ document.documentElement.setAttribute('data-net', 'open'); }},"
        " function () { document.documentElement.setAttribute('data-net', 'blocked'); });"
        "</script></body></html>",
        encoding="utf-8",
    )
    assert load_page(html_path, wait_ms=3000).dataset.get("net") == "blocked"


# --- every network kind, drawn from a store -------------------------------------------------------------

KINDS = ("stance", "congruence", "conflict", "subtract", "actors")


@pytest.fixture(scope="module")
def missile_store():
    with memory_store(write_missile_defence) as store:
        yield store


@pytest.fixture(scope="module")
def hostile_store():
    with memory_store(write_hostile) as store:
        yield store


def _page(store, kind: str, title: str = "stancegraph") -> tuple[nx.Graph, str]:
    graph = network(store, kind)
    return graph, network_html(graph, title=title, evidence=edge_evidence(store, graph))


@pytest.mark.parametrize("kind", KINDS)
def test_every_network_draws_every_node_without_errors(missile_store, kind: str, tmp_path: Path) -> None:
    graph, page_html = _page(missile_store, kind, title=f"Missile defence: {kind}")
    html_path = tmp_path / f"{kind}.html"
    html_path.write_text(page_html, encoding="utf-8")
    page = load_page(html_path)
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")
    assert page.console == []
    assert page.dataset["sg-ready"] == "1" and page.dataset["sg-kind"] == kind
    assert int(page.dataset["sg-nodes"]) == graph.number_of_nodes() >= 3
    assert int(page.dataset["sg-edges"]) == graph.number_of_edges() >= 2
    png = screenshot(html_path, tmp_path / f"{kind}.png", width=1200, height=800)
    assert not png_is_blank(png, box=NETWORK_BOX)


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_names_and_text_run_nothing_in_any_network(hostile_store, kind: str, tmp_path: Path) -> None:
    graph, page_html = _page(hostile_store, kind, title=STORED_PAYLOADS[1])
    html_path = tmp_path / f"{kind}.html"
    html_path.write_text(page_html, encoding="utf-8")
    page = load_page(html_path)
    assert "pwned" not in page.dataset
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")  # not even a blocked attempt
    assert int(page.dataset["sg-nodes"]) == graph.number_of_nodes() >= 2
    assert graph.number_of_edges() >= 1


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_names_and_text_stay_text_without_the_content_security_policy(
    hostile_store, kind: str, tmp_path: Path
) -> None:
    graph, page_html = _page(hostile_store, kind, title=STORED_PAYLOADS[1])
    html_path = tmp_path / f"{kind}-no-csp.html"
    html_path.write_text(without_csp(page_html, TOOLTIP_PROBE), encoding="utf-8")
    page = load_page(html_path)
    assert "pwned" not in page.dataset
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")
    assert page.dataset["probe-elements"] == "0"
    assert page.dataset["probe-scripts"] == "5"
    text = page.dataset["probe-text"]
    for _, label in graph.nodes(data="label"):
        assert label in text  # every actor and topic name, whole, as text
    for *_, shared in graph.edges(data="topics"):
        assert shared is None or shared.split("; ")[0] in text
    sentences = [e["sentence"] for e in edge_evidence(hostile_store, graph).values()]
    assert len(sentences) == {"stance": 4, "actors": 3}.get(kind, 0)  # actor ties carry topics, not sentences
    for sentence in sentences:
        assert sentence in text
    assert "Actor " in page.dataset["probe-panel"]


# Drive the page's own controls as a reader would, and report what is shown after each step.
CONTROLS_PROBE = """<script>
var controls = setInterval(function () {
  var view = window.stancegraphView;
  if (!view) return;
  clearInterval(controls);
  var root = document.documentElement;
  function shown(name) {
    root.setAttribute("data-probe-" + name,
      root.getAttribute("data-sg-shown-nodes") + "/" + root.getAttribute("data-sg-shown-edges"));
  }
  function tick(name, value, on) {
    var box = document.querySelector('input[name="' + name + '"][value="' + value + '"]');
    box.checked = on;
    box.dispatchEvent(new Event("change"));
  }
  var least = document.getElementById("stancegraph-min-weight");
  least.value = "2";
  least.dispatchEvent(new Event("input"));
  shown("min-weight");
  least.value = "0";
  least.dispatchEvent(new Event("input"));
  tick("polarity", "-1", false);
  shown("no-negative");
  tick("polarity", "-1", true);
  tick("actor-type", "organization", false);
  shown("no-organization");
  document.getElementById("stancegraph-reset").click();
  shown("reset");
  var search = document.getElementById("stancegraph-search");
  search.value = "russ";
  search.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
  root.setAttribute("data-probe-found", root.getAttribute("data-sg-found"));
  root.setAttribute("data-probe-selected", view.network.getSelectedNodes().join(" "));
}, 10);
</script>"""


def _shown(graph: nx.Graph, edge_ok, node_ok=lambda attrs: True) -> str:
    """What the page should show, worked out here: kept edges between kept nodes, and their nodes."""
    nodes = {n for n, attrs in graph.nodes(data=True) if node_ok(attrs)}
    edges = [(u, v) for u, v, d in graph.edges(data=True) if u in nodes and v in nodes and edge_ok(d)]
    return f"{len({n for edge in edges for n in edge})}/{len(edges)}"


def test_filters_and_search_work_in_the_page(missile_store, tmp_path: Path) -> None:
    graph, page_html = _page(missile_store, "stance")
    html_path = tmp_path / "controls.html"
    html_path.write_text(without_csp(page_html, CONTROLS_PROBE), encoding="utf-8")
    page = load_page(html_path)
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")
    assert page.dataset["probe-min-weight"] == _shown(graph, lambda d: d["weight"] >= 2) == "2/1"
    assert page.dataset["probe-no-negative"] == _shown(graph, lambda d: d["polarity"] != -1)
    assert page.dataset["probe-no-organization"] == _shown(
        graph, lambda d: True, lambda attrs: attrs.get("actor_type") != "organization"
    )
    assert page.dataset["probe-reset"] == f"{graph.number_of_nodes()}/{graph.number_of_edges()}"
    assert len({page.dataset[k] for k in ("probe-min-weight", "probe-no-negative", "probe-no-organization",
                                          "probe-reset")}) == 4  # each control changed what is shown
    assert page.dataset["probe-found"] == str(actor_iri("RUS"))
    assert page.dataset["probe-selected"]  # the found node is selected


LONE_PROBE = """<script>
var lone = setInterval(function () {
  if (!window.stancegraphView) return;
  clearInterval(lone);
  var box = document.querySelector('input[name="isolated"]');
  box.checked = false;
  box.dispatchEvent(new Event("change"));
  var root = document.documentElement;
  root.setAttribute("data-probe-lone", root.getAttribute("data-sg-shown-nodes"));
}, 10);
</script>"""


def test_nodes_without_edges_can_be_hidden(missile_store, tmp_path: Path) -> None:
    graph = network(missile_store, "congruence", filters=Filters(actor_types=("state",)))
    html_path = tmp_path / "lone.html"
    html_path.write_text(without_csp(network_html(graph), LONE_PROBE), encoding="utf-8")
    page = load_page(html_path)
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")
    assert int(page.dataset["sg-nodes"]) == graph.number_of_nodes()
    assert int(page.dataset["probe-lone"]) == sum(1 for _, d in graph.degree() if d) < graph.number_of_nodes()
