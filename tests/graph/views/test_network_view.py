"""The view of each network kind without a browser: what the page holds per kind, escaping, determinism, the
evidence cap, and the `view --network` command."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from support.networkdocs import (
    PAYLOADS,
    memory_store,
    write_hostile,
    write_missile_defence,
    write_statements,
)
from stancegraph.graph.networks import Filters
from stancegraph.graph.networks import build_network as network
from stancegraph.graph.networks.evidence import edge_evidence
from stancegraph.graph.store import open_store
from stancegraph.graph.views.html import MAX_EVIDENCE, network_html, write_network_view
from stancegraph.graph.views.style import LAYOUT_SEED, POLARITY_COLOURS
from stancegraph.graph.rdf.iris import actor_iri, topic_iri
from support.html import page_elements

from stancegraph.cli import main
from stancegraph.errors import InputError
from stancegraph.model import Actor, Stance

KINDS = ("stance", "congruence", "conflict", "subtract", "actors")
RUS, USA, NATO, CHN = (str(actor_iri(i)) for i in ("RUS", "USA", "NATO", "CHN"))
ABM = str(topic_iri("ABM shield"))


def _data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="stancegraph-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def _legend(page: str) -> str:
    match = re.search(r'<ul class="sg-legend">(.*?)</ul>', page, re.S)
    assert match
    return match.group(1)


def _edges_by_iri(data: dict[str, Any]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    iri = {n["id"]: n["iri"] for n in data["nodes"]}
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in data["edges"]:
        out.setdefault((iri[e["from"]], iri[e["to"]]), []).append(e)
    return out


@pytest.fixture(scope="module")
def store():
    with memory_store(write_missile_defence) as opened:
        yield opened


@pytest.fixture(scope="module")
def pages(store) -> dict[str, tuple[nx.Graph, str]]:
    out = {}
    for kind in KINDS:
        graph = network(store, kind)
        out[kind] = graph, network_html(graph, title=kind, evidence=edge_evidence(store, graph))
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_holds_every_node_and_edge_of_the_graph(pages, kind: str) -> None:
    graph, page = pages[kind]
    data = _data(page)
    assert data["kind"] == kind and f'data-sg-kind="{kind}"' in page
    assert {n["iri"] for n in data["nodes"]} == set(graph.nodes) and len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges() > 0
    labels = {n["iri"]: n["label"] for n in data["nodes"]}
    assert labels == dict(graph.nodes(data="label"))
    sizes = {n["iri"]: n["value"] for n in data["nodes"]}
    assert sizes == dict(graph.nodes(data="statements"))


def test_stance_edges_are_coloured_by_polarity_and_point_at_topics(pages) -> None:
    graph, page = pages["stance"]
    data = _data(page)
    edges = _edges_by_iri(data)
    for u, v, d in graph.edges(data=True):
        (edge,) = [e for e in edges[(u, v)] if e["polarity"] == d["polarity"]]
        assert edge["color"] == POLARITY_COLOURS[d["polarity"]]
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True
    shield = edges[(RUS, ABM)][0]
    assert shield["weight"] == 2 and shield["label"] == "oppose \u00d72"
    assert [meta.split(" \u00b7 ")[:2] for meta, _ in shield["tip"]["evidence"]] == [
        ["d1", "2012-05-03"], ["d3", "2012-07-15"]]
    assert "targets NATO, USA" in shield["tip"]["evidence"][0][0]  # the statement's flags from the store


def test_actor_ties_are_green_for_agreement_and_red_for_conflict(pages) -> None:
    for kind, colours in (("congruence", {POLARITY_COLOURS[1]}), ("conflict", {POLARITY_COLOURS[-1]}),
                          ("subtract", {POLARITY_COLOURS[1], POLARITY_COLOURS[-1]})):
        graph, page = pages[kind]
        data = _data(page)
        assert {e["color"] for e in data["edges"]} == colours, kind
        assert data["options"]["edges"]["arrows"]["to"]["enabled"] is False  # undirected
    graph, page = pages["subtract"]
    edges = _edges_by_iri(_data(page))
    for u, v, weight in graph.edges(data="weight"):
        (edge,) = edges.get((u, v)) or edges[(v, u)]
        assert edge["color"] == POLARITY_COLOURS[1 if weight >= 0 else -1]
    (rus_chn,) = edges.get((RUS, CHN)) or edges[(CHN, RUS)]
    assert "ABM shield" in rus_chn["tip"]["lines"][0]  # the shared topics


def test_target_edges_are_coloured_by_net_polarity(pages) -> None:
    graph, page = pages["actors"]
    data = _data(page)
    edges = _edges_by_iri(data)
    assert set(edges) == {(RUS, USA), (RUS, NATO), (NATO, RUS)}
    assert edges[(NATO, RUS)][0]["color"] == POLARITY_COLOURS[0]  # supports (+1) the shield aimed at RUS, rejects (-1)
    assert edges[(RUS, USA)][0]["color"] == POLARITY_COLOURS[0]  # opposes the shield (-1), demands guarantees (+1)
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True
    assert "smooth" in edges[(RUS, NATO)][0] and "smooth" in edges[(NATO, RUS)][0]  # both ways: bent apart
    assert any(" on ABM shield" in meta for meta, _ in edges[(RUS, USA)][0]["tip"]["evidence"])


def test_legend_matches_the_kind(pages) -> None:
    expected = {
        "stance": ["(+1)", "considers (0)", "(\u22121)", "arrow: actor to topic", ">topic</li>"],
        "congruence": ["agree: the same stance"],
        "conflict": ["disagree: opposite stances"],
        "subtract": ["agree more than they disagree", "agree as much as they disagree", "disagree more than they agree"],
        "actors": ["positive towards the target", "neutral towards the target", "negative towards the target",
                   "arrow: actor to target"],
    }
    for kind, texts in expected.items():
        legend = _legend(pages[kind][1])
        assert "actor: state" in legend and "actor: organization" in legend
        for text in texts:
            assert text in legend, (kind, text)
        for other, other_texts in expected.items():
            if other != kind:
                assert not any(t in legend for t in other_texts if t not in texts), (kind, other)


def test_filter_controls_match_the_kind(pages) -> None:
    for kind, polarities in (("stance", ["1", "0", "-1"]), ("actors", ["1", "0", "-1"]), ("subtract", ["1", "0", "-1"]),
                             ("congruence", []), ("conflict", [])):
        page = pages[kind][1]
        boxes = [attrs["value"] for tag, attrs in page_elements(page).tags if attrs.get("name") == "polarity"]
        assert boxes == polarities, kind
        assert 'id="stancegraph-min-weight"' in page and 'id="stancegraph-search"' in page
        types = [attrs["value"] for tag, attrs in page_elements(page).tags if attrs.get("name") == "actor-type"]
        assert types == ["state", "organization"]  # the types present, in the legend's order
        assert 'name="isolated"' not in page  # every node has an edge


def test_a_network_with_lone_actors_can_hide_them(store) -> None:
    graph = network(store, "congruence", filters=Filters(actor_types=("state",)))
    assert USA in [n for n, d in graph.degree() if d == 0]  # a state that agrees with none of the others
    assert 'name="isolated"' in network_html(graph)


def test_widths_grow_with_the_log_of_the_weight() -> None:
    graph = nx.Graph(network="congruence")
    for n in "abcde":
        graph.add_node(n, kind="actor", label=n, actor_type="state", statements=1)
    for other, weight in zip("bcde", (0.5, 1.0, 2.0, 64.0), strict=True):
        graph.add_edge("a", other, weight=weight, kind="congruence", topics="t", sign=1)
    widths = {e["to"]: e["width"] for e in _data(network_html(graph))["edges"]}
    assert widths == {"n1": 1.0, "n2": 3.0, "n3": 5.0, "n4": 10.0}  # twice the weight: +2, at most 10


def test_evidence_is_capped_with_how_many_more(tmp_path: Path) -> None:
    opened = open_store(None)
    for i in range(MAX_EVIDENCE + 3):
        write_statements(opened, f"doc{i:02d}", [
            (Actor("RUS", "Russia", "state"), Stance.OPPOSE, "sanctions", f"Russia opposes sanctions ({i}).", [])
        ], date=f"2014-01-{i + 1:02d}")
    graph = network(opened, "stance")
    page = network_html(graph, evidence=edge_evidence(opened, graph))
    (edge,) = _data(page)["edges"]
    assert len(edge["tip"]["evidence"]) == MAX_EVIDENCE and edge["tip"]["more"] == 3
    assert [meta.split(" \u00b7 ")[0] for meta, _ in edge["tip"]["evidence"]] == [f"doc{i:02d}" for i in range(10)]
    assert edge["label"] == f"oppose \u00d7{MAX_EVIDENCE + 3}"  # counted over all the evidence, not the shown
    assert "more sentence" in page  # the page says "and 3 more sentences"
    fewer = _data(network_html(graph, evidence=edge_evidence(opened, graph), max_evidence=2))["edges"][0]
    assert len(fewer["tip"]["evidence"]) == 2 and fewer["tip"]["more"] == MAX_EVIDENCE + 1


@pytest.mark.parametrize("kind", KINDS)
def test_same_graph_same_bytes_whatever_the_insertion_order(pages, kind: str) -> None:
    graph, page = pages[kind]
    evidence = {i: {"sentence": f"s {i}", "doc": "d"} for *_, ev in graph.edges(data="evidence") for i in
                str(ev or "").split()}
    first = network_html(graph, title="t", evidence=evidence)
    assert network_html(graph, title="t", evidence=evidence) == first
    shuffled = graph.__class__(**graph.graph)
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    if graph.is_multigraph():
        shuffled.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    else:
        shuffled.add_edges_from((v, u, d) if not graph.is_directed() else (u, v, d)
                                for u, v, d in reversed(list(graph.edges(data=True))))
    assert network_html(shuffled, title="t", evidence=dict(reversed(evidence.items()))) == first
    assert _data(first)["options"]["layout"]["randomSeed"] == LAYOUT_SEED


def test_the_kind_is_guessed_when_the_graph_does_not_name_it() -> None:
    topic = nx.MultiDiGraph()
    topic.add_node("a", kind="actor", label="A")
    topic.add_node("t", kind="topic", label="T")
    topic.add_edge("a", "t", key=1, polarity=1, weight=1)
    directed = nx.DiGraph([("a", "b")])
    undirected = nx.Graph([("a", "b")])
    assert [_data(network_html(g))["kind"] for g in (topic, directed, undirected)] == ["stance", "actors", "congruence"]


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_names_and_text_are_escaped_in_every_kind(kind: str) -> None:
    with memory_store(write_hostile) as opened:
        graph = network(opened, kind)
        page = network_html(graph, title=PAYLOADS[0], evidence=edge_evidence(opened, graph))
    assert "<img" not in page and "<svg" not in page
    for payload in PAYLOADS:
        assert payload not in page  # neither raw in the JSON nor in the title
    elements = page_elements(page)
    assert [tag for tag, _ in elements.tags].count("script") == 4  # guard, data, vis-network, view
    assert not any(name.startswith("on") for _, attrs in elements.tags for name in attrs)
    data = _data(page)
    assert {n["label"] for n in data["nodes"]} == {label for _, label in graph.nodes(data="label")}
    assert any(PAYLOADS[0] in n["label"] for n in data["nodes"])


def test_write_network_view_is_atomic(pages, tmp_path: Path) -> None:
    graph, _ = pages["conflict"]
    target = write_network_view(graph, tmp_path / "conflict.html", title="c")
    assert target.read_text(encoding="utf-8") == network_html(graph, title="c")
    assert [p.name for p in tmp_path.iterdir()] == ["conflict.html"]


def test_empty_networks_say_what_is_missing() -> None:
    for kind, text in (("stance", "no stances"), ("conflict", "no actors disagree"),
                       ("actors", "no stances aimed at other actors")):
        page = network_html(nx.Graph(network=kind))
        assert text in page and _data(page)["nodes"] == []
        assert 'id="stancegraph-search"' not in page


# --- the command ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("view-store") / "store"
    with open_store(path) as opened:
        write_missile_defence(opened)
    return path


def _view(store_dir: Path, out: Path, *args: str) -> dict[str, Any]:
    assert main(["view", "--store", str(store_dir), "-o", str(out), *args]) == 0
    return _data(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", KINDS)
def test_view_network_option_draws_each_network(store_dir: Path, tmp_path: Path, kind: str) -> None:
    data = _view(store_dir, tmp_path / "v.html", "--network", kind)
    with open_store(store_dir) as opened:
        graph = network(opened, kind)
    assert data["kind"] == kind
    assert {n["iri"] for n in data["nodes"]} == set(graph.nodes) and len(data["edges"]) == graph.number_of_edges()


def test_view_options_reach_the_network(store_dir: Path, tmp_path: Path) -> None:
    default = _view(store_dir, tmp_path / "a.html")
    assert default["kind"] == "stance" and len(default["nodes"]) == 7
    only_russia = _view(store_dir, tmp_path / "b.html", "--actor", "RUS", "--min-weight", "2")
    assert [n["label"] for n in only_russia["nodes"]] == ["Russia", "ABM shield"]
    per_year = _view(store_dir, tmp_path / "c.html", "--duplicates", "year")
    assert max(e["weight"] for e in per_year["edges"]) == 1  # d1 and d3 fall in the same year
    page = tmp_path / "d.html"
    jaccard = _view(store_dir, page, "--network", "congruence", "--normalization", "jaccard", "--actor-type", "state")
    (tie,) = jaccard["edges"]  # of the states, only Russia and China agree (USA agrees with NATO)
    assert {tie["from"], tie["to"]} == {n["id"] for n in jaccard["nodes"] if n["label"] in ("Russia", "China")}
    assert 0 < tie["weight"] <= 1
    assert "normalisation: jaccard" in page.read_text(encoding="utf-8")
    assert "actor types: state" in page.read_text(encoding="utf-8")


def test_normalization_of_a_network_without_ties_is_a_one_line_error(store_dir, tmp_path, capsys) -> None:
    assert main(["view", "--store", str(store_dir), "-o", str(tmp_path / "x.html"), "--normalization", "cosine"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "applies to the congruence, conflict and subtract networks" in err[0]
    assert not (tmp_path / "x.html").exists()
    with pytest.raises(InputError):
        network(open_store(None), "nonsense")
    assert network(open_store(None), "actors", filters=Filters(min_weight=1)).number_of_nodes() == 0


@pytest.mark.model
def test_build_writes_the_stance_network_view(seed_build, tmp_path: Path) -> None:
    from stancegraph.api import write_view

    page = seed_build.view.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    again = write_view(seed_build.store, tmp_path / "v.html", title=title.replace("&#x27;", "'"))
    assert again.read_text(encoding="utf-8") == page  # `build` and `view` draw the same page
    assert _data(page)["kind"] == "stance"
