r"""Networks written for other tools: GraphML (Cytoscape, yEd, igraph, networkx), GEXF 1.2 (Gephi), node-link JSON.

Each writer takes a networkx graph of ``stancegraph.graph.networks``' shape (any graph of str, int, float and bool values
works) and keeps every node, edge and graph attribute, with its type. What each format cannot hold is mapped:

- a list, tuple or dict value is written as its JSON text under the attribute's name with ``_json`` appended
  (``targets=["RUS", "USA"]`` becomes ``targets_json='["RUS", "USA"]'``); a string attribute whose name already
  ends in ``_json`` is JSON-encoded the same way, so :func:`decode_attributes` can always undo the mapping.
  Tuples come back as lists;
- a ``None`` value is left out: the element has no such attribute, and ``data.get(name)`` gives ``None``;
- a carriage return is written as ``&#13;`` so that XML readers keep it; the control characters XML 1.0 cannot
  hold at all (U+0000 to U+001F other than tab, newline and carriage return, U+FFFE, U+FFFF, lone surrogates)
  become U+FFFD. That is the one change that cannot be undone; no network of ``stancegraph.graph.networks`` contains them.

JSON needs none of this: lists and ``None`` are JSON's own, so the node-link file holds the values as they are.

GraphML (``networkx.write_graphml``): ``int`` is written as ``long``, ``float`` as ``double``, ``bool`` as
``boolean``, and they read back as such. A multigraph's edge keys are the edges' ids and read back as ``int``;
read a stance network with ``networkx.read_graphml(path, force_multigraph=True)`` to keep them. The graph's
attributes (network, filters, duplicates, normalization) are GraphML graph data.

GEXF 1.2 (``networkx.write_gexf``, version ``1.2draft``) adds what Gephi draws with and takes nothing away:

- ``viz:color`` of each node (actors by ``actor_type``, topics in the topic box's border colour) and edge (by
  polarity or kind, see ``views.style``), ``viz:size`` of each node by ``statements``, ``viz:thickness``
  of each edge by ``weight``, ``viz:shape`` of each node (disc, diamond, triangle or square);
- the dates as time intervals for Gephi's timeline: ``start`` and ``end`` of each node and edge are its
  ``first`` and ``last`` date as ``YYYY-MM-DD`` (a year or month stretched to its first or last day, a
  date-time cut to its day; left out when unknown or not ISO 8601), and the graph is ``mode="dynamic"``,
  ``timeformat="date"``; ``first`` and ``last`` are kept as attributes too. A graph without any date is static;
- the graph's attributes in ``<meta><description>``, one ``name: value`` per ``;``.

GEXF keeps an edge's ``weight`` in the edge element, as a double: it reads back as ``float`` (``2`` as ``2.0``).
networkx's reader also gives every edge its GEXF ``id``, and every node its ``start``, ``end`` and ``viz``;
a multigraph's keys come back as the edges' keys when two edges join the same nodes (otherwise the reader
returns a simple graph: a stance edge's key is its ``polarity`` attribute anyway).

Node-link JSON (``networkx.node_link_data(G, edges="edges")``): the edges are under ``"edges"`` (networkx's
default since 3.4), a multigraph's keys under ``"key"``; load it with
``networkx.node_link_graph(json.load(f), edges="edges")``.

Examples
--------
>>> import networkx as nx
>>> g = nx.Graph(network="congruence")
>>> g.add_edge("a", "b", weight=2.0, topics=["x", "y"], note=None)
>>> h = nx.parse_graphml(network_text(g, "graphml"))
>>> h.edges["a", "b"]
{'weight': 2.0, 'topics_json': '["x", "y"]'}
>>> decode_attributes(h).edges["a", "b"]
{'weight': 2.0, 'topics': ['x', 'y']}
"""

from __future__ import annotations

import calendar
import datetime
import io
import json
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import SubElement

import networkx as nx

from stancegraph.choices import NETWORK_FILE_FORMATS, resolve
from stancegraph.errors import InputError
from stancegraph.files import write_text_atomically

from .style import edge_colour, edge_widths, network_kind, node_sizes, node_style

__all__ = [
    "GEXF_VERSION",
    "JSON_SUFFIX",
    "decode_attributes",
    "encode_attributes",
    "format_of",
    "gexf_day",
    "gexf_graph",
    "gexf_text",
    "graphml_text",
    "network_text",
    "node_link_text",
    "write_network",
]

GEXF_VERSION = "1.2draft"
JSON_SUFFIX = "_json"
#: Gephi's node sizes and edge thicknesses: the busiest node and the heaviest edge get the top of each range.
NODE_SIZE = (5.0, 40.0)
EDGE_THICKNESS = (1.0, 10.0)

_GEXF_SHAPES = {"dot": "disc", "diamond": "diamond", "triangle": "triangle", "square": "square", "box": "square"}
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def format_of(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The export format: ``fmt`` if given, else the one named by the file's suffix."""
    if fmt is not None:
        if fmt not in NETWORK_FILE_FORMATS:
            raise InputError(f"unknown network format '{fmt}'", fix="use one of " + ", ".join(NETWORK_FILE_FORMATS))
        return fmt
    suffix = Path(path).suffix.lower()
    found = next((f.name for f in NETWORK_FILE_FORMATS.values() if suffix in f.suffixes), None)
    if found is None:
        names = [f.suffixes[0] for f in NETWORK_FILE_FORMATS.values()]
        raise InputError(
            f"cannot tell the network format of {path}",
            fix=f"name it {', '.join(names[:-1])} or {names[-1]}, or give the format",
        )
    return found


def network_text(graph: nx.Graph, fmt: str) -> str:
    """The network as GraphML, GEXF 1.2 or node-link JSON text (``fmt`` one of
    ``stancegraph.choices.NETWORK_FORMATS``)."""
    render: Callable[[nx.Graph], str] = resolve(NETWORK_FILE_FORMATS[format_of("", fmt)].renderer)
    return render(graph)


def write_network(graph: nx.Graph, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Write the network to ``path`` atomically, in ``fmt`` or the format its suffix names; return the path."""
    return write_text_atomically(path, network_text(graph, format_of(path, fmt)))


def encode_attributes(graph: nx.Graph, *, xml: bool = True) -> nx.Graph:
    """A copy of ``graph`` whose attribute values XML formats can hold (see the module's mapping).

    ``xml=False`` maps only lists and ``None``, keeping every character as it is.
    """
    out = graph.__class__()
    out.graph.update(_encoded(graph.graph, xml))
    out.add_nodes_from((node, _encoded(data, xml)) for node, data in graph.nodes(data=True))
    if graph.is_multigraph():
        out.add_edges_from((u, v, k, _encoded(d, xml)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        out.add_edges_from((u, v, _encoded(d, xml)) for u, v, d in graph.edges(data=True))
    return out


def decode_attributes(graph: nx.Graph) -> nx.Graph:
    """Undo :func:`encode_attributes` in place on a graph read back from GraphML or GEXF; return it."""
    for data in (graph.graph, *(d for _, d in graph.nodes(data=True)), *(e[-1] for e in _edge_data(graph))):
        for name in [n for n in data if isinstance(n, str) and n.endswith(JSON_SUFFIX)]:
            data[name.removesuffix(JSON_SUFFIX)] = json.loads(data.pop(name))
    return graph


def gexf_graph(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` with what Gephi draws with: ``viz`` (colour, size, thickness, shape) and ``start``/``end``
    from ``first``/``last``; its attributes encoded for XML."""
    out = encode_attributes(graph)
    sizes = node_sizes(graph, low=NODE_SIZE[0], high=NODE_SIZE[1])
    for node, data in out.nodes(data=True):
        shape, fill, border = node_style(graph.nodes[node])
        colour = border if graph.nodes[node].get("kind") == "topic" else fill  # a pale box vanishes on white
        data["viz"] = {"color": _rgba(colour), "size": sizes[node], "shape": _GEXF_SHAPES.get(shape, "disc")}
        _interval(data)
    widths = edge_widths(graph, low=EDGE_THICKNESS[0], high=EDGE_THICKNESS[1])
    kind = network_kind(graph)
    for *edge, data in _edge_data(out):
        original = graph.edges[tuple(edge)]
        colour = edge_colour(kind, original, edge[2] if len(edge) > 2 else None)
        data["viz"] = {"color": _rgba(colour), "thickness": widths[tuple(edge)]}
        _interval(data)
    return out


def _edge_data(graph: nx.Graph):
    return graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)


def _encoded(data: Mapping[Any, Any], xml: bool) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for name, value in data.items():
        if value is None:
            continue
        if isinstance(value, list | tuple | dict) or (isinstance(name, str) and name.endswith(JSON_SUFFIX)):
            name, value = f"{name}{JSON_SUFFIX}", json.dumps(value, ensure_ascii=False, sort_keys=True)
        if xml and isinstance(value, str):
            value = _NOT_XML.sub("\ufffd", value)
        if xml and isinstance(name, str):
            name = _NOT_XML.sub("\ufffd", name)
        out[name] = value
    return out


def _interval(data: dict[str, Any]) -> None:
    for date, bound in (("first", "start"), ("last", "end")):
        day = gexf_day(data.get(date), end=bound == "end")
        if day:
            data[bound] = day


def gexf_day(value: Any, *, end: bool = False) -> str | None:
    """The ``YYYY-MM-DD`` day Gephi's ``timeformat="date"`` reads, of an ISO date, year-month, year or
    date-time (``end``: the last day of a year or month, else the first); None for anything else.

    >>> gexf_day("2014"), gexf_day("2014-02", end=True), gexf_day("2014-03-05T10:00Z"), gexf_day("May 2014")
    ('2014-01-01', '2014-02-28', '2014-03-05', None)
    """
    match = _ISO_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            month, day = (12, 31) if end else (1, 1)
        elif day is None:
            day = calendar.monthrange(year, month)[1] if end else 1
        return datetime.date(year, month, day).isoformat()
    except ValueError:  # month 13, February 30th
        return None


def _rgba(colour: str) -> dict[str, Any]:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return {"r": r, "g": g, "b": b, "a": 1.0}


def _xml_text(lines: str) -> str:
    # ElementTree writes a carriage return in element text as it is, and XML readers turn it into a newline.
    return lines.replace("\r", "&#13;")


def graphml_text(graph: nx.Graph) -> str:
    """The network as GraphML."""
    # Not generate_graphml: it splits its text at every line boundary str.splitlines knows (\r, \x85, \u2028 ...)
    # and joins the pieces with \n, changing values. The plain-XML writer, whether or not lxml is installed.
    buffer = io.BytesIO()
    nx.write_graphml_xml(encode_attributes(graph), buffer, encoding="utf-8")
    return _xml_text(buffer.getvalue().decode("utf-8") + "\n")


def gexf_text(graph: nx.Graph) -> str:
    """The network as GEXF 1.2, with what Gephi draws with (:func:`gexf_graph`)."""
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(version=GEXF_VERSION)
    writer.add_graph(gexf_graph(graph))
    meta = writer.xml.find("meta")
    if meta is not None and graph.graph:
        description = "; ".join(f"{k}: {v}" for k, v in _encoded(graph.graph, True).items())
        SubElement(meta, "description").text = description
    if writer.graph_element.get("mode") == "dynamic":
        writer.graph_element.set("timeformat", "date")  # the dates are ISO strings (networkx sets this too)
    buffer = io.BytesIO()
    writer.write(buffer)
    return _xml_text(buffer.getvalue().decode("utf-8") + "\n")


def node_link_text(graph: nx.Graph) -> str:
    """The network as node-link JSON."""
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
