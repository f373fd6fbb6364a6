"""Network exports: GraphML, GEXF and node-link JSON files that networkx's own readers open with every node and
edge attribute intact (after the mapping documented in graph/views/exchange.py), Gephi's colours, sizes and time
intervals in the GEXF, and lists, None and characters XML cannot hold."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from support.netgraphs import HAND, NASTY, hand_stance, hand_targets
from stancegraph.graph.views.exchange import (
    JSON_SUFFIX,
    decode_attributes,
    encode_attributes,
    format_of,
    network_text,
    write_network,
)
from stancegraph.choices import NETWORKS
from stancegraph.graph.views.style import ACTOR_STYLES, POLARITY_COLOURS, TOPIC_STYLE
from support.stores import synthetic_store, write_samples

from stancegraph.api import network
from stancegraph.errors import InputError

GEXF = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"
@pytest.fixture(scope="module")
def store():
    with synthetic_store(300, actors=8, topics=10, years=3, per_document=8, seed=5) as opened:
        write_samples(opened)  # ids and labels made of characters that need escaping everywhere
        yield opened


@pytest.fixture(params=[(source, name) for source in ("hand", "store") for name in NETWORKS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def graph(request, store):
    source, name = request.param
    g = HAND[name]() if source == "hand" else network(store, name, duplicates="document")
    assert g.number_of_edges() > 0 and g.graph["network"] == name
    return g


def edges_by_key(g: nx.Graph) -> dict[tuple, dict]:
    """Edge data by (u, v, polarity): u and v sorted in an undirected graph; the polarity tells a stance edge's
    parallel edges apart whether or not the reader returned a multigraph."""
    out = {}
    for u, v, data in g.edges(data=True):
        if not g.is_directed():
            u, v = sorted((u, v))
        out[(u, v, data.get("polarity"))] = data
    return out


def assert_intact(original: nx.Graph, read: nx.Graph, *, extra_node=(), extra_edge=(), as_float=()) -> None:
    """Every node and edge of ``original`` is in ``read`` with every attribute of the same value and type
    (``as_float`` ones as float), and ``read`` has no attribute beyond the ``extra`` ones."""
    assert (read.number_of_nodes(), read.number_of_edges()) == (original.number_of_nodes(), original.number_of_edges())
    assert read.is_directed() == original.is_directed()
    assert set(read.nodes) == set(original.nodes)
    pairs = [(original.nodes[n], read.nodes[n]) for n in original.nodes]
    read_edges = edges_by_key(read)
    pairs += [(data, read_edges[key]) for key, data in edges_by_key(original).items()]
    node_count = original.number_of_nodes()
    for number, (want, got) in enumerate(pairs):
        extra = extra_node if number < node_count else extra_edge
        assert set(got) - set(want) <= set(extra), (want, got)
        for name, value in want.items():
            if name in as_float and number >= node_count:
                assert type(got[name]) is float and got[name] == float(value), (name, value, got[name])
            else:
                assert type(got[name]) is type(value) and got[name] == value, (name, value, got[name])


def test_graphml_reads_back_with_every_attribute_and_key(graph, tmp_path):
    path = write_network(graph, tmp_path / "net.graphml")
    read = nx.read_graphml(path, force_multigraph=graph.is_multigraph())
    assert_intact(graph, read)
    assert {k: v for k, v in read.graph.items() if k not in ("node_default", "edge_default")} == graph.graph
    if graph.is_multigraph():
        assert sorted(read.edges(keys=True)) == sorted(graph.edges(keys=True))
        assert {type(k) for *_, k in read.edges(keys=True)} == {int}


def test_gexf_reads_back_with_every_attribute(graph, tmp_path):
    path = write_network(graph, tmp_path / "net.gexf")
    read = nx.read_gexf(path)
    # GEXF's weight is a double; networkx adds each edge's GEXF id, and each node's viz and time interval.
    assert_intact(graph, read, extra_node={"start", "end", "viz"}, extra_edge={"id", "start", "end"},
                  as_float={"weight"})
    for node, data in graph.nodes(data=True):
        assert read.nodes[node].get("start") == (data["first"] or None)
        assert read.nodes[node].get("end") == (data["last"] or None)


def test_hand_stance_network_keeps_its_parallel_edges_in_gexf(tmp_path):
    g = hand_stance()
    read = nx.read_gexf(write_network(g, tmp_path / "net.gexf"))
    assert read.is_multigraph() and sorted(read.edges(keys=True)) == sorted(g.edges(keys=True))


def test_node_link_json_loads_back_equal(graph, tmp_path):
    path = write_network(graph, tmp_path / "net.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "edges" in data and "links" not in data
    read = nx.node_link_graph(data, edges="edges")
    assert (read.is_directed(), read.is_multigraph()) == (graph.is_directed(), graph.is_multigraph())
    assert read.graph == graph.graph
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    if graph.is_multigraph():
        assert sorted(read.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
    else:
        assert edges_by_key(read) == edges_by_key(graph)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _viz_colour(element) -> tuple[int, int, int]:
    colour = element.find(VIZ + "color")
    return tuple(int(colour.get(c)) for c in "rgb")


def _gexf_tree(g: nx.Graph):
    root = ET.fromstring(network_text(g, "gexf").encode("utf-8"))
    graph = root.find(GEXF + "graph")
    nodes = {n.get("id"): n for n in graph.iter(GEXF + "node")}
    edges = list(graph.iter(GEXF + "edge"))
    return root, graph, nodes, edges


@pytest.mark.parametrize("name", NETWORKS)
def test_gexf_carries_gephi_colours_sizes_and_time_intervals(name):
    g = HAND[name]()
    root, graph, nodes, edges = _gexf_tree(g)
    assert root.get("version") == "1.2"
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    assert graph.get("defaultedgetype") == ("directed" if g.is_directed() else "undirected")
    assert f"network: {name}" in root.find(GEXF + "meta").find(GEXF + "description").text
    for node_id, data in g.nodes(data=True):
        element = nodes[node_id]
        expected = TOPIC_STYLE[2] if data["kind"] == "topic" else ACTOR_STYLES[data["actor_type"]][1]
        assert _viz_colour(element) == _rgb(expected)
        assert (element.get("start"), element.get("end")) == ((data["first"] or None), (data["last"] or None))
    sizes = sorted((g.nodes[i]["statements"], float(e.find(VIZ + "size").get("value"))) for i, e in nodes.items())
    assert [s for _, s in sizes] == sorted(s for _, s in sizes) and sizes[-1][1] > sizes[0][1]
    colours = {"stance": lambda d: POLARITY_COLOURS[d["polarity"]],
               "congruence": lambda d: POLARITY_COLOURS[1], "conflict": lambda d: POLARITY_COLOURS[-1],
               "subtract": lambda d: POLARITY_COLOURS[(d["weight"] > 0) - (d["weight"] < 0)],
               "actors": lambda d: POLARITY_COLOURS[(d["positive"] > d["negative"]) - (d["positive"] < d["negative"])]}
    by_pair = {}
    for u, v, data in g.edges(data=True):
        by_pair.setdefault((u, v), []).append(data)
    seen = set()
    thickness = []
    for element in edges:
        source, target = element.get("source"), element.get("target")
        candidates = by_pair.get((source, target)) or by_pair[(target, source)]
        [data] = [d for d in candidates if float(element.get("weight")) == d["weight"]
                  and _viz_colour(element) == _rgb(colours[name](d))]
        seen.add(id(data))
        assert (element.get("start"), element.get("end")) == ((data["first"] or None) if "first" in data else None,
                                                              (data["last"] or None) if "last" in data else None)
        thickness.append((abs(data["weight"]), float(element.find(VIZ + "thickness").get("value"))))
    assert len(seen) == g.number_of_edges()
    thickness.sort()
    assert [t for _, t in thickness] == sorted(t for _, t in thickness) and thickness[-1][1] > thickness[0][1]


def test_an_undated_network_is_a_static_gexf():
    g = hand_targets()
    for _, data in g.nodes(data=True):
        data.update(first="", last="")
    for *_, data in g.edges(data=True):
        data.update(first="", last="")
    _, graph, nodes, _ = _gexf_tree(g)
    assert graph.get("mode") == "static" and graph.get("timeformat") is None
    assert not any(n.get("start") for n in nodes.values())


def mapped_graph() -> nx.MultiDiGraph:
    """Values no XML format holds as they are: lists, tuples, dicts, None, a name ending in the JSON suffix."""
    g = nx.MultiDiGraph(network="stance", tags=["a", "b"], missing=None)
    g.add_node("a", targets=["RUS", "USA"], pair=("x", 1), empty=[], note=None, flag=True, count=0,
               **{"raw" + JSON_SUFFIX: '["not", "a list"]'})
    g.add_node("b", meta={"k": [1, 2.5, None]}, label="line\rbreak\x0cfeed\x00")
    g.add_edge("a", "b", key=1, polarity=1, weight=2, evidence=["s1", "s2"], first=None, ratio=0.5)
    g.add_edge("a", "b", key=-1, polarity=-1, weight=1, evidence=[])
    return g


def expected_after_mapping() -> nx.MultiDiGraph:
    g = mapped_graph()
    for data in (g.graph, *(d for _, d in g.nodes(data=True)), *(d for *_, d in g.edges(keys=True, data=True))):
        for name in [n for n, v in data.items() if v is None]:
            del data[name]
    g.nodes["a"]["pair"] = ["x", 1]
    g.nodes["b"]["label"] = "line\rbreak\ufffdfeed\ufffd"  # XML 1.0 cannot hold form feed or NUL
    return g


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_lists_none_and_control_characters_follow_the_documented_mapping(fmt, tmp_path):
    g = mapped_graph()
    path = write_network(g, tmp_path / f"net.{fmt}")
    read = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert read.nodes["a"]["targets" + JSON_SUFFIX] == '["RUS", "USA"]'
    assert "note" not in read.nodes["a"] and "first" not in read.edges["a", "b", 1]
    decoded = decode_attributes(read)
    expected = expected_after_mapping()
    if fmt == "graphml":
        assert_intact(expected, decoded)
        assert {k: v for k, v in decoded.graph.items() if k not in ("node_default", "edge_default")} == expected.graph
    else:
        assert_intact(expected, decoded, extra_node={"label", "viz"}, extra_edge={"id"}, as_float={"weight"})
        assert decoded.nodes["b"]["label"] == expected.nodes["b"]["label"]
    assert g.nodes["a"]["note"] is None and "viz" not in g.nodes["a"]  # the graph written is left as it was


def test_node_link_json_keeps_lists_and_none_as_json_does():
    g = mapped_graph()
    read = nx.node_link_graph(json.loads(network_text(g, "json")), edges="edges")
    assert read.nodes["a"]["targets"] == ["RUS", "USA"] and read.nodes["a"]["note"] is None
    assert read.nodes["a"]["pair"] == ["x", 1]  # a tuple is a JSON array
    assert read.nodes["b"]["label"] == g.nodes["b"]["label"]
    assert read.edges["a", "b", 1]["evidence"] == ["s1", "s2"] and read.graph["missing"] is None


def test_encoding_is_undone_exactly_for_json_suffixed_names():
    g = mapped_graph()
    encoded = encode_attributes(g)
    assert encoded.nodes["a"]["raw" + JSON_SUFFIX * 2] == json.dumps('["not", "a list"]')
    assert decode_attributes(encoded).nodes["a"]["raw" + JSON_SUFFIX] == '["not", "a list"]'


def test_graphml_is_read_by_a_plain_xml_parser_and_stays_in_utf8():
    text = network_text(hand_stance(), "graphml")
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    root = ET.fromstring(text.encode("utf-8"))
    values = [d.text for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")]
    assert NASTY in values
    assert "<script>" not in text


def test_format_of_a_file_and_bad_names():
    assert [format_of(p) for p in ("a.graphml", "b.GEXF", "c.json", "d.xml")] == ["graphml", "gexf", "json", "graphml"]
    assert format_of("a.txt", "gexf") == "gexf"
    with pytest.raises(InputError, match="cannot tell the network format"):
        format_of("a.txt")
    with pytest.raises(InputError, match="unknown network format"):
        network_text(hand_stance(), "dot")


def test_write_network_replaces_a_file_whole(tmp_path):
    path = tmp_path / "net.gexf"
    path.write_text("old", encoding="utf-8")
    write_network(hand_targets(), path)
    assert nx.read_gexf(io.BytesIO(path.read_bytes())).number_of_edges() == 3
    assert [p.name for p in tmp_path.iterdir()] == ["net.gexf"]


def test_gexf_intervals_are_days_gephi_reads_whatever_the_documents_dates_look_like():
    g = hand_targets()
    first, second, third = list(g.edges)
    g.edges[first].update(first="2014", last="2014-02")
    g.edges[second].update(first="March 2014", last="2014-13-01")  # neither is a date Gephi could read
    g.edges[third].update(first="2014-03-05T10:00:00Z", last="2016-02")
    _, graph, _, edges = _gexf_tree(g)
    intervals = {(e.get("source"), e.get("target")): (e.get("start"), e.get("end")) for e in edges}
    assert intervals[first] == ("2014-01-01", "2014-02-28")
    assert intervals[second] == (None, None)
    assert intervals[third] == ("2014-03-05", "2016-02-29")
    read = nx.read_gexf(io.BytesIO(network_text(g, "gexf").encode("utf-8")))
    assert read.edges[second]["first"] == "March 2014"  # the attribute itself is kept as it was


def test_the_doctests_of_the_export_and_style_modules_pass():
    import doctest

    from stancegraph.graph.views import exchange as netexport

    from stancegraph.graph.views import style as netstyle

    assert doctest.testmod(netexport).failed == 0 and doctest.testmod(netstyle).failed == 0
