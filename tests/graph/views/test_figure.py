"""Static figures: valid PNG and SVG files in the view's colours, with a legend and labels for the busiest
nodes, the same file for the same network however it was built, and document text drawn as it is."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from support.netgraphs import HAND, NASTY
from PIL import Image
from stancegraph.graph.views.figure import network_figure, node_positions, write_figure
from stancegraph.choices import NETWORKS
from stancegraph.graph.views.style import ACTOR_STYLES, TOPIC_STYLE

from stancegraph.errors import InputError

SVG = "{http://www.w3.org/2000/svg}"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _node_labels(figure) -> list[str]:
    return [t.get_text() for t in figure.axes[0].texts if t.get_gid() != "sg-title"]


@pytest.mark.parametrize("name", NETWORKS)
def test_png_is_a_picture_in_the_view_colours(name, tmp_path):
    g = HAND[name]()
    path = write_figure(g, tmp_path / "net.png")
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.width >= 1500 and image.height >= 1000
        pixels = image.convert("RGB")
        colours = {colour for _, colour in pixels.getcolors(maxcolors=1 << 20)}
    assert len(colours) > 50  # lines, fills, text: not a blank page
    # The node fills are drawn opaque: every actor type's colour (and the topic fill) is in the picture.
    fills = {ACTOR_STYLES[d["actor_type"]][1] for _, d in g.nodes(data=True) if d["kind"] == "actor"}
    fills |= {TOPIC_STYLE[1] for _, d in g.nodes(data=True) if d["kind"] == "topic"}
    assert {_rgb(c) for c in fills} <= colours


@pytest.mark.parametrize("name", NETWORKS)
def test_svg_parses_and_draws_paths(name, tmp_path):
    path = write_figure(HAND[name](), tmp_path / "net.svg")
    root = ET.parse(path).getroot()
    assert root.tag == SVG + "svg"
    assert len(list(root.iter(SVG + "path"))) > 20
    assert b"<dc:date>" not in path.read_bytes()  # no timestamp: the same network gives the same file


def test_the_same_network_gives_the_same_svg_however_it_was_built(tmp_path):
    g = HAND["stance"]()
    shuffled = nx.MultiDiGraph(**g.graph)
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    first = write_figure(g, tmp_path / "a.svg").read_bytes()
    assert write_figure(g, tmp_path / "b.svg").read_bytes() == first
    assert write_figure(shuffled, tmp_path / "c.svg").read_bytes() == first
    assert write_figure(g, tmp_path / "d.svg", seed=7).read_bytes() != first  # the seed is what fixes the layout


def test_labels_go_to_the_busiest_nodes_and_text_is_not_mathtext():
    g = HAND["stance"]()
    figure = network_figure(g, labels=2)
    busiest = sorted(g.nodes, key=lambda n: -g.nodes[n]["statements"])[:2]
    assert sorted(_node_labels(figure)) == sorted(g.nodes[n]["label"] for n in busiest)
    everything = network_figure(g, labels=100)
    assert NASTY in _node_labels(everything)  # "$x^2$" and markup drawn as written
    assert all(not t.get_parse_math() for t in everything.axes[0].texts)
    assert _node_labels(network_figure(g, labels=0)) == []


def test_the_legend_explains_the_colours_and_shapes_present():
    figure = network_figure(HAND["subtract"]())
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend[:3] == ["agree more than they disagree", "agree as much as they disagree",
                          "disagree more than they agree"]
    assert {"actor: state", "actor: organization", "actor: group"} <= set(legend)
    assert "topic" not in legend and "actor: person" not in legend
    stance = [t.get_text() for t in network_figure(HAND["stance"]()).axes[0].get_legend().get_texts()]
    assert "opposes, rejects (\u22121)" in stance and "topic" in stance and "actor: person" in stance


def test_the_title_names_the_network_and_its_settings():
    figure = network_figure(HAND["conflict"]())
    [title] = [t.get_text() for t in figure.axes[0].texts if t.get_gid() == "sg-title"]
    assert title.startswith("conflict network\n") and "normalization: jaccard" in title and "ABM shield" in title


def test_an_empty_network_still_draws_a_figure(tmp_path):
    path = write_figure(nx.Graph(network="conflict"), tmp_path / "empty.png")
    with Image.open(path) as image:
        assert image.format == "PNG"
    assert "no edges match" in [t.get_text() for t in network_figure(nx.Graph()).axes[0].texts]


def test_other_file_types_are_refused(tmp_path):
    with pytest.raises(InputError, match="name the file .png, .svg or .pdf"):
        write_figure(HAND["stance"](), tmp_path / "net.eps")
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_figure_for_latex_is_the_same_file_each_time(tmp_path):
    first = write_figure(HAND["conflict"](), tmp_path / "a.pdf").read_bytes()
    second = write_figure(HAND["conflict"](), tmp_path / "b.pdf").read_bytes()
    assert first.startswith(b"%PDF-") and first == second
    assert b"CreationDate" not in first  # no time stamp: the same network gives the same file


def test_the_spring_layout_pulls_neighbours_together_on_a_large_network():
    # Beyond 500 nodes networkx's spring_layout needs scipy and loops per node; ours runs on whole arrays.
    g = nx.relaxed_caveman_graph(60, 10, 0.05, seed=3)  # 600 nodes in 60 dense groups
    pos = node_positions(g)
    assert len(pos) == 600 and len(set(pos.values())) == 600
    assert all(0.0 <= c <= 1.0 for xy in pos.values() for c in xy)

    def distance(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    neighbours = sum(distance(u, v) for u, v in g.edges()) / g.number_of_edges()
    others = [distance(u, v) for u, v in zip(range(0, 600, 7), range(301, 600, 3)) if not g.has_edge(u, v)]
    assert neighbours < 0.5 * sum(others) / len(others)
    assert node_positions(g) == pos and node_positions(g, seed=1) != pos


def test_the_doctests_of_the_figure_module_pass():
    import doctest

    from stancegraph.graph.views import figure

    assert doctest.testmod(figure).failed == 0
