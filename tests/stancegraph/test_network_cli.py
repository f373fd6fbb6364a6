"""`stancegraph network` and `stancegraph figure` on a small store: every network in every format, the filters
and settings reaching the builders, and a one-line error for each bad request."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import click
import networkx as nx
import pytest
from PIL import Image
from stancegraph.graph.views import figure as figure_module
from stancegraph.choices import DUPLICATES, NETWORK_FORMATS, NETWORKS, NORMALIZATIONS
from stancegraph.graph.networks import Filters
from stancegraph.graph.store import open_store
from stancegraph.synthetic import synthetic_corpus
from stancegraph.graph.readwrite.writer import write_document
from support.stores import write_samples

from stancegraph.api import network as build_network
from stancegraph.api import write_figure, write_network
from stancegraph.cli import cli, main


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("netcli") / "store.db"
    with open_store(str(path)) as opened:
        write_samples(opened)
        for doc, triples in synthetic_corpus(200, actors=8, topics=6, years=3, per_document=8, seed=4):
            write_document(opened, doc, triples, extractor="test", pipeline="synthetic")
    return str(path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line_error(code: int, err: str, needle: str) -> None:
    assert code == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err and needle in lines[0], err


def edge_set(g: nx.Graph) -> set:
    return {(u, v) if g.is_directed() else frozenset((u, v)) for u, v in g.edges()}


@pytest.mark.parametrize("name", NETWORKS)
def test_every_network_is_written_in_every_format(name, store, tmp_path, capsys):
    expected = build_network(store, name)
    assert expected.number_of_edges() > 0
    for fmt, reader in (("graphml", lambda p: nx.read_graphml(p, force_multigraph=expected.is_multigraph())),
                        ("gexf", nx.read_gexf),
                        ("json", lambda p: nx.node_link_graph(json.loads(p.read_text("utf-8")), edges="edges"))):
        path = tmp_path / f"{name}.{fmt}"
        code, out, err = run(capsys, "network", "--store", store, "--network", name, "--format", fmt, "-o", str(path))
        assert code == 0 and out == ""
        assert err.startswith(f"wrote the {name} network ({expected.number_of_nodes()} nodes, "
                              f"{expected.number_of_edges()} edges) as {fmt} to ")
        read = reader(path)
        assert set(read.nodes) == set(expected.nodes) and edge_set(read) == edge_set(expected)
        assert read.number_of_edges() == expected.number_of_edges()


def test_the_format_follows_the_file_name_and_stdout_gets_graphml(store, tmp_path, capsys):
    path = tmp_path / "net.gexf"
    assert run(capsys, "network", "--store", store, "-o", str(path))[0] == 0
    assert ET.parse(path).getroot().tag == "{http://www.gexf.net/1.2draft}gexf"
    code, out, _ = run(capsys, "network", "--store", store, "--network", "conflict")
    assert code == 0 and ET.fromstring(out.encode("utf-8")).tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    code, out, _ = run(capsys, "network", "--store", store, "--format", "json")
    assert nx.node_link_graph(json.loads(out), edges="edges").graph["network"] == "stance"


def test_settings_and_filters_reach_the_network(store, capsys):
    filters = Filters(actor_types=("state",), stances=("oppose", "reject"), date_from="2024",
                              min_weight=0.1)
    expected = build_network(store, "congruence", normalization="jaccard", duplicates="year", filters=filters)
    assert 0 < expected.number_of_edges() < build_network(store, "congruence").number_of_edges()
    code, out, _ = run(capsys, "network", "--store", store, "--network", "congruence", "--normalization", "jaccard",
                       "--duplicates", "year", "--actor-type", "state", "--stance", "oppose", "--stance", "reject",
                       "--from", "2024", "--min-weight", "0.1", "--format", "json")
    got = nx.node_link_graph(json.loads(out), edges="edges")
    assert code == 0 and got.graph == expected.graph
    assert {frozenset((u, v)): d for u, v, d in got.edges(data=True)} == \
        {frozenset((u, v)): d for u, v, d in expected.edges(data=True)}
    only = build_network(store, "stance", filters=Filters(actors=("RUS",), topics=("shield",)))
    code, out, _ = run(capsys, "network", "--store", store, "--actor", "RUS", "--topic", "Shield", "--to", "2012-05-04",
                       "--format", "json")
    assert edge_set(nx.node_link_graph(json.loads(out), edges="edges")) == edge_set(only) and len(only.edges) == 1


def test_an_empty_network_is_written_with_a_warning(store, capsys):
    code, out, err = run(capsys, "network", "--store", store, "--actor", "NOBODY", "--format", "json")
    assert code == 0 and json.loads(out)["nodes"] == []
    assert "warning: the stance network has no edges; check the filters" in err


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_figure_draws_a_network_into_a_png_or_svg(suffix, store, tmp_path, capsys):
    path = tmp_path / f"conflict.{suffix}"
    code, out, err = run(capsys, "figure", "--store", store, "--network", "conflict", "--normalization", "cosine",
                         "--labels", "3", "--title", "Conflict $ties$", "-o", str(path))
    assert code == 0 and out == "" and err.startswith("drew the conflict network (") and str(path) in err
    if suffix == "png":
        with Image.open(path) as image:
            assert image.format == "PNG" and len(image.convert("RGB").getcolors(1 << 20)) > 50
    else:
        assert len(list(ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}path"))) > 20


def test_library_functions_behind_the_commands(store, tmp_path):
    path = write_network(store, tmp_path / "targets.gexf", name="actors", duplicates="statement")
    assert nx.read_gexf(path).number_of_edges() == build_network(store, "actors").number_of_edges()
    figure = write_figure(store, tmp_path / "stance.svg", labels=0, name="stance")
    assert ET.parse(figure).getroot().tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize(
    "args, needle",
    [
        (["network", "--normalization", "jaccard"], "--normalization jaccard applies to the congruence, conflict and subtract networks"),
        (["network", "--network", "actors", "--normalization", "cosine"], "applies to the congruence, conflict and subtract networks"),
        (["network", "-o", "net.dot"], "cannot tell the network format of net.dot"),
        (["network", "--from", "May 2014"], "'May 2014' is not a date"),
        (["figure", "-o", "net.jpg"], "name the file .png, .svg or .pdf"),
        (["network", "--network", "coalitions"], "Invalid value for '--network'"),
    ],
)
def test_bad_requests_are_one_line_errors(args, needle, store, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args, "--store", store)
    assert code != 0 and "Traceback" not in err and needle in err
    if code == 1:
        one_line_error(code, err, needle)
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_a_missing_store_is_not_created(tmp_path, capsys):
    for args in (["network"], ["figure", "-o", str(tmp_path / "f.png")]):
        code, _, err = run(capsys, *args, "--store", str(tmp_path / "none.db"))
        one_line_error(code, err, "does not exist")
    assert list(tmp_path.iterdir()) == []


def _choices(command: str, option: str) -> tuple:
    [param] = [p for p in cli.commands[command].params if option in getattr(p, "opts", ())]
    return tuple(param.type.choices) if isinstance(param.type, click.Choice) else param.default


def test_the_command_line_offers_what_the_library_knows():
    for command in ("network", "figure"):
        assert _choices(command, "--network") == NETWORKS
        assert _choices(command, "--normalization") == NORMALIZATIONS
        assert _choices(command, "--duplicates") == DUPLICATES
    assert _choices("network", "--format") == NETWORK_FORMATS
    assert _choices("figure", "--labels") == figure_module.LABELS
