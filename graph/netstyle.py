"""How a network from ``graph.network`` looks outside the HTML view: the colours, shapes and sizes that the GEXF
export and the static figures share, taken from the view's own (``graph.view``).

Nodes: actors coloured and shaped by ``actor_type`` (:data:`~stancegraph.graph.view.ACTOR_STYLES`), topics as
boxes (:data:`~stancegraph.graph.view.TOPIC_STYLE`), sized by ``statements``. Edges coloured by their sign
(:data:`~stancegraph.graph.view.POLARITY_COLOURS`): a stance edge by its ``polarity``, a congruence tie +1, a
conflict tie -1, a subtract tie by the sign of its weight, an edge to a target by which of its ``positive`` and
``negative`` counts is larger; as thick as their absolute ``weight``.

Examples
--------
>>> node_style({"kind": "actor", "actor_type": "organization"})
('diamond', '#f28e2b', '#f28e2b')
>>> edge_sign({"kind": "subtract", "weight": -0.5}), edge_colour({"positive": 1, "neutral": 0, "negative": 3})
(-1, '#d62728')
>>> scaled(4, top=16, low=1.0, high=9.0), scaled(4, top=16, low=1.0, high=9.0, root=True)
(3.0, 5.0)
>>> scaled(0, top=0, low=1.0, high=9.0)
1.0
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .view import ACTOR_STYLES, POLARITY_COLOURS, TOPIC_STYLE

__all__ = [
    "edge_colour",
    "edge_legend",
    "edge_sign",
    "edge_widths",
    "node_legend",
    "node_sizes",
    "node_style",
    "scaled",
]

_EDGE_LEGENDS: dict[str, dict[int, str]] = {
    "stance": {1: "supports, proposes, demands, threatens (+1)", 0: "considers (0)", -1: "opposes, rejects (\u22121)"},
    "congruence": {1: "agree on shared topics (congruence)"},
    "conflict": {-1: "disagree on shared topics (conflict)"},
    "subtract": {1: "agree more than they disagree", 0: "agree as much as they disagree",
                 -1: "disagree more than they agree"},
    "actors": {1: "mostly positive stances towards the target", 0: "neutral or balanced", -1: "mostly negative"},
}


def node_style(data: Mapping[str, Any]) -> tuple[str, str, str]:
    """(vis-network shape, fill colour, border colour) of a node with these attributes."""
    if data.get("kind") == "topic":
        return TOPIC_STYLE
    shape, colour = ACTOR_STYLES.get(str(data.get("actor_type")), ACTOR_STYLES["other"])
    return shape, colour, colour


def edge_sign(data: Mapping[str, Any]) -> int:
    """+1, 0 or -1: whether an edge with these attributes stands for agreement, neither, or disagreement."""
    if "polarity" in data:
        value = float(data["polarity"])
    elif "positive" in data or "negative" in data:
        value = float(data.get("positive", 0)) - float(data.get("negative", 0))
    elif data.get("kind") == "conflict":
        value = -1.0
    elif data.get("kind") == "congruence":
        value = 1.0
    else:
        value = float(data.get("weight", 0) or 0)
    return (value > 0) - (value < 0)


def edge_colour(data: Mapping[str, Any]) -> str:
    return POLARITY_COLOURS[edge_sign(data)]


def scaled(value: float, *, top: float, low: float, high: float, root: bool = False) -> float:
    """``value`` placed between ``low`` (at 0) and ``high`` (at ``top``, the largest value); ``root`` scales by the
    square root, so that an area (a node) rather than a length grows with the value."""
    if not top:
        return low
    share = min(1.0, abs(value) / top)
    return round(low + (high - low) * (math.sqrt(share) if root else share), 3)


def node_sizes(graph: nx.Graph, *, low: float, high: float) -> dict[Any, float]:
    """Each node's size by its ``statements``, the busiest node at ``high``."""
    counts = {node: float(data.get("statements", 0) or 0) for node, data in graph.nodes(data=True)}
    top = max(counts.values(), default=0.0)
    return {node: scaled(count, top=top, low=low, high=high, root=True) for node, count in counts.items()}


def edge_widths(graph: nx.Graph, *, low: float, high: float) -> dict[tuple, float]:
    """Each edge's width by its absolute ``weight``, the heaviest at ``high``; keyed like ``graph.edges``
    (``(u, v, key)`` in a multigraph)."""
    edges = graph.edges(keys=True, data="weight") if graph.is_multigraph() else graph.edges(data="weight")
    weights = {edge[:-1]: abs(float(edge[-1] or 0)) for edge in edges}
    top = max(weights.values(), default=0.0)
    return {edge: scaled(weight, top=top, low=low, high=high) for edge, weight in weights.items()}


def edge_legend(network: str, signs: Iterable[int]) -> list[tuple[str, str]]:
    """(colour, text) for each of ``signs`` that the legend of a ``network`` (a name of ``NETWORKS``) explains."""
    texts = _EDGE_LEGENDS.get(network, {1: "positive", 0: "neutral", -1: "negative"})
    present = set(signs)
    return [(POLARITY_COLOURS[sign], text) for sign, text in texts.items() if sign in present]


def node_legend(nodes: Iterable[Mapping[str, Any]]) -> list[tuple[str, str, str, str]]:
    """(shape, fill, border, text) for each kind of node among ``nodes``: the actor types, then topics."""
    present = {"topic" if data.get("kind") == "topic" else str(data.get("actor_type")) for data in nodes}
    present = {kind if kind == "topic" or kind in ACTOR_STYLES else "other" for kind in present}
    out = [(*node_style({"kind": "actor", "actor_type": kind}), f"actor: {kind}") for kind in ACTOR_STYLES
           if kind in present]
    if "topic" in present:
        out.append((*TOPIC_STYLE, "topic"))
    return out
