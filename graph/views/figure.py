"""Static figures of the networks for papers: PNG, SVG or PDF, drawn with matplotlib, headless.

The same encoding as the HTML view (``views.style``): actors shaped and coloured by type, topics as pale
boxes, edges coloured by polarity or kind and as wide as their weight, arrows on directed networks. A legend
explains the colours and shapes present; the busiest nodes (by ``statements``) are labelled. The layout is a
spring layout with a fixed seed over the nodes in sorted order, so the same network draws the same picture
however it was built, and an SVG or a PDF is the same file byte for byte.

Figures are drawn on a bare ``matplotlib.figure.Figure`` with the Agg canvas: nothing opens a window or needs a
display, and pyplot's global state is never touched. Text from the documents (labels, the title) is drawn as
it is, never parsed as mathtext.

Examples
--------
>>> import networkx as nx
>>> g = nx.Graph(network="congruence")
>>> g.add_node("a", kind="actor", actor_type="state", label="Russia", statements=3)
>>> g.add_node("b", kind="actor", actor_type="organization", label="$NATO", statements=2)
>>> g.add_edge("a", "b", weight=1.0, kind="congruence")
>>> figure = network_figure(g)
>>> sorted(t.get_text() for t in figure.axes[0].texts)
['$NATO', 'Russia', 'congruence network']
"""

from __future__ import annotations

import io
import os
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from stancegraph.choices import FIGURE_FILE_FORMATS, resolve
from stancegraph.errors import InputError
from stancegraph.files import write_bytes_atomically

from .style import (
    LAYOUT_SEED,
    POLARITY_COLOURS,
    edge_legend,
    edge_sign,
    edge_widths,
    network_kind,
    node_legend,
    node_sizes,
    node_style,
)

__all__ = ["LABELS", "check_figure_path", "figure_bytes", "network_figure", "node_positions", "write_figure"]

#: How many nodes get a label: the busiest ones.
LABELS = 20
#: Figure size in inches and PNG resolution: 2000 x 1500 pixels before the legend widens it.
SIZE = (10.0, 7.5)
DPI = 200
#: Node areas (points squared) and edge widths (points), smallest to largest.
NODE_AREA = (80.0, 900.0)
EDGE_WIDTH = (0.6, 6.0)
#: The pull of every node towards the centre of all.
GRAVITY = 5.0
#: Networks with more edges are drawn without arrowheads or bends.
ARROW_LIMIT = 1000

_MARKERS = {"dot": "o", "diamond": "D", "triangle": "^", "square": "s", "hexagon": "h", "box": "s"}
_SVG_SALT = "stancegraph"
# What each format would otherwise stamp with the time or version it was written at.
_NO_DATES: dict[str, dict[str, None]] = {"png": {"Software": None}, "svg": {"Date": None},
                                         "pdf": {"CreationDate": None, "Producer": None}}


def node_positions(graph: nx.Graph, *, seed: int = LAYOUT_SEED, iterations: int = 50) -> dict[Any, tuple[float, float]]:
    """Each node's (x, y) in the unit square: a spring layout (Fruchterman-Reingold, as networkx's
    ``spring_layout``) of the undirected, unweighted network over the nodes in sorted order, from ``seed``, so
    that the same network always gets the same layout.

    Computed here with numpy, in float32 over whole arrays: 2,000 nodes take seconds, where networkx's
    ``spring_layout`` turns to a per-node loop (and needs scipy) beyond 500 nodes.
    """
    import numpy as np

    nodes = sorted(graph.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v})
    ends = np.array(pairs, dtype=np.intp).reshape(-1, 2)
    pos = np.random.default_rng(seed).random((n, 2))
    k2 = np.float32(1.0 / n)  # the squared ideal distance between two nodes
    step = 0.1
    for _ in range(iterations):
        x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
        dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
        push = dx * dx + dy * dy  # each pair pushes apart by k^2 / distance
        np.maximum(push, np.float32(1e-6), out=push)
        np.divide(k2, push, out=push)
        np.fill_diagonal(push, 0)
        moves = np.stack([(dx * push).sum(axis=1), (dy * push).sum(axis=1)], axis=1).astype(np.float64)
        gap = pos[ends[:, 0]] - pos[ends[:, 1]]  # each edge pulls together by distance^2 / k
        pull = gap * np.sqrt((gap * gap).sum(axis=1, keepdims=True) * n)
        np.add.at(moves, ends[:, 0], -pull)
        np.add.at(moves, ends[:, 1], pull)
        moves += GRAVITY * (pos.mean(axis=0) - pos)  # keeps loose nodes and small components near the rest
        length = np.maximum(np.sqrt((moves * moves).sum(axis=1, keepdims=True)), 1e-9)
        pos += moves / length * np.minimum(length, step)  # no node moves further than the temperature
        step -= 0.1 / (iterations + 1)
    low, high = pos.min(axis=0), pos.max(axis=0)
    pos = (pos - low) / np.where(high > low, high - low, 1.0)
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for node, i in index.items()}


def network_figure(graph: nx.Graph, *, title: str | None = None, labels: int = LABELS, seed: int = LAYOUT_SEED):
    """A ``matplotlib.figure.Figure`` drawing ``graph``: edges, nodes, the ``labels`` busiest nodes' labels, and a
    legend. ``title`` defaults to the network's name and filters (its graph attributes)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=SIZE, dpi=DPI)
    ax = figure.add_axes((0.02, 0.02, 0.74, 0.9))
    ax.set_axis_off()
    ax.text(0.0, 1.06, _title(graph) if title is None else title, transform=ax.transAxes, fontsize=11,
            va="bottom", ha="left", parse_math=False, gid="sg-title")
    pos = node_positions(graph, seed=seed)
    if not pos:
        ax.text(0.5, 0.5, "no edges match", transform=ax.transAxes, ha="center", va="center", color="#666666",
                parse_math=False)
        return figure
    shrink = min(1.0, (150 / len(pos)) ** 0.5)  # a crowded network gets smaller nodes
    sizes = node_sizes(graph, low=NODE_AREA[0] * shrink, high=NODE_AREA[1] * shrink)
    _draw_edges(ax, graph, pos, sizes)
    _draw_nodes(ax, graph, pos, sizes)
    _draw_labels(ax, graph, pos, sizes, labels)
    _draw_legend(ax, graph)
    xs, ys = zip(*pos.values(), strict=True)
    for low, high, set_limits in ((min(xs), max(xs), ax.set_xlim), (min(ys), max(ys), ax.set_ylim)):
        pad = max(0.1, 0.08 * (high - low))  # room for the largest node and the labels at the border
        set_limits(low - pad, high + pad)
    return figure


def figure_bytes(
    graph: nx.Graph,
    fmt: str = "png",
    *,
    title: str | None = None,
    labels: int = LABELS,
    seed: int = LAYOUT_SEED,
) -> bytes:
    """The file of :func:`network_figure` in ``fmt`` (one of ``stancegraph.choices.FIGURE_FORMATS``)."""
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": _SVG_SALT, "svg.id": "stancegraph", "svg.fonttype": "path"}):
        figure = network_figure(graph, title=title, labels=labels, seed=seed)
        buffer = io.BytesIO()
        metadata = _NO_DATES[fmt]
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")  # e.g. CJK labels: boxes
            figure.savefig(buffer, format=fmt, bbox_inches="tight", facecolor="white", metadata=metadata)
    return buffer.getvalue()


def write_figure(
    graph: nx.Graph,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    labels: int = LABELS,
    seed: int = LAYOUT_SEED,
) -> Path:
    """Draw ``graph`` (:func:`network_figure`) into ``path``, a file of a figure format (by its suffix),
    atomically; return the path."""
    fmt = check_figure_path(path)
    render = resolve(FIGURE_FILE_FORMATS[fmt].renderer)
    return write_bytes_atomically(path, render(graph, fmt, title=title, labels=labels, seed=seed))


def check_figure_path(path: str | os.PathLike[str]) -> str:
    """The figure format its file's suffix names (png, svg or pdf); anything else is an InputError."""
    suffix = Path(path).suffix.lower()
    fmt = next((f.name for f in FIGURE_FILE_FORMATS.values() if suffix in f.suffixes), None)
    if fmt is None:
        *others, last = (f.suffixes[0] for f in FIGURE_FILE_FORMATS.values())
        raise InputError(f"cannot draw a figure as '{Path(path).name}'",
                         fix=f"name the file {', '.join(others)} or {last}")
    return fmt


def _title(graph: nx.Graph) -> str:
    info = graph.graph
    head = f"{info.get('network', 'stance')} network"
    details = [f"{key}: {info[key]}" for key in ("normalization", "duplicates", "filters") if info.get(key)]
    return head + ("\n" + " \u00b7 ".join(details) if details else "")


def _edge_list(graph: nx.Graph):
    return graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)


def _sign(kind: str, edge: tuple | list, data: dict[str, Any]) -> int:
    """The sign of an edge given as (u, v) or (u, v, key)."""
    return edge_sign(kind, data, edge[2] if len(edge) > 2 else None)


def _draw_edges(ax, graph: nx.Graph, pos, sizes) -> None:
    widths = edge_widths(graph, low=EDGE_WIDTH[0], high=EDGE_WIDTH[1])
    # Edges of two polarities between one pair are bent apart by polarity, as the view does; edges both ways
    # between two actors are bent alike, which puts them on either side of the straight line.
    # Above ARROW_LIMIT edges all are straight lines, drawn at once: matplotlib draws arrows one by one.
    kind = network_kind(graph)
    fancy = graph.number_of_edges() <= ARROW_LIMIT
    pairs: defaultdict[tuple[Any, Any], int] = defaultdict(int)
    for u, v, *_ in _edge_list(graph):
        pairs[(u, v)] += 1
    groups: defaultdict[float, list[tuple[tuple, dict[str, Any]]]] = defaultdict(list)
    for *edge, data in _edge_list(graph):
        u, v = edge[0], edge[1]
        if not fancy:
            bend = 0.0
        elif pairs[(u, v)] > 1:
            bend = 0.15 * _sign(kind, edge, data)
        else:
            bend = 0.12 if graph.is_directed() and (v, u) in pairs and u != v else 0.0
        groups[bend].append((tuple(edge), data))
    nodelist = list(pos)
    for bend, edges in sorted(groups.items()):
        edges.sort(key=lambda item: (widths[item[0]], tuple(map(str, item[0]))))  # heavy edges on top
        arrows = fancy and (graph.is_directed() or bool(bend))
        patches = {"arrowstyle": "-|>" if graph.is_directed() else "-",
                   "arrowsize": [6 + 2 * widths[edge] for edge, _ in edges],  # a head wider than its line
                   "connectionstyle": f"arc3,rad={bend}"} if arrows else {}
        nx.draw_networkx_edges(
            graph,
            pos,
            ax=ax,
            edgelist=[edge for edge, _ in edges],
            width=[widths[edge] for edge, _ in edges],
            edge_color=[POLARITY_COLOURS[_sign(kind, edge, data)] for edge, data in edges],
            alpha=0.75,
            arrows=arrows,
            nodelist=nodelist,
            node_size=[sizes[n] for n in nodelist],
            **patches,
        )


def _draw_nodes(ax, graph: nx.Graph, pos, sizes) -> None:
    by_shape: defaultdict[str, list[Any]] = defaultdict(list)
    for node in pos:
        by_shape[node_style(graph.nodes[node])[0]].append(node)
    for shape, nodes in sorted(by_shape.items()):
        styles = [node_style(graph.nodes[n]) for n in nodes]
        nx.draw_networkx_nodes(
            graph,
            pos,
            ax=ax,
            nodelist=nodes,
            node_shape=_MARKERS.get(shape, "o"),
            node_size=[sizes[n] for n in nodes],
            node_color=[fill for _, fill, _ in styles],
            edgecolors=[border if fill != border else "white" for _, fill, border in styles],
            linewidths=0.8,
        ).set_clip_on(False)


def _draw_labels(ax, graph: nx.Graph, pos, sizes, count: int) -> None:
    """The labels of the ``count`` busiest nodes, each just below its node, so that a small node stays visible."""
    busiest = sorted(pos, key=lambda n: (-float(graph.nodes[n].get("statements", 0) or 0),
                                         str(graph.nodes[n].get("label", n)), str(n)))
    for node in busiest[: max(0, count)]:
        below = -(sizes[node] ** 0.5) / 2 - 1  # the marker's half-width, in points
        ax.annotate(str(graph.nodes[node].get("label", node)), pos[node], xytext=(0, below),
                    textcoords="offset points", fontsize=7, ha="center", va="top", parse_math=False,
                    annotation_clip=False, zorder=5,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.7})


def _draw_legend(ax, graph: nx.Graph) -> None:
    from matplotlib.lines import Line2D

    kind = network_kind(graph)
    signs = {_sign(kind, edge, data) for *edge, data in _edge_list(graph)}
    handles = [Line2D([], [], color=colour, linewidth=2.5, label=meaning) for _, colour, meaning in edge_legend(kind, signs)]
    handles += [
        Line2D([], [], linestyle="none", marker=_MARKERS.get(shape, "o"), markersize=9, markerfacecolor=fill,
               markeredgecolor=border, label=text)
        for shape, fill, border, text in node_legend(data for _, data in graph.nodes(data=True))
    ]
    note = "size: statements; width: weight"
    handles.append(Line2D([], [], linestyle="none", label=note))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8,
              handlelength=2.2, borderaxespad=0.0)
