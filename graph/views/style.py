"""How a network looks, wherever it is drawn: the colours, shapes and sizes the HTML view, the static figures
and the GEXF export share, and the one rule for what an edge's colour says (:func:`edge_sign`).

Nodes: actors coloured and shaped by ``actor_type`` (:data:`ACTOR_STYLES`), topics as boxes
(:data:`TOPIC_STYLE`), sized by ``statements``. Edges coloured by their sign (:data:`POLARITY_COLOURS`), as
:func:`edge_sign` reads it for the network's kind, and as thick as their absolute ``weight``. The legend texts
are the network kinds' own (``stancegraph.choices.NETWORK_KINDS``).

Examples
--------
>>> node_style({"kind": "actor", "actor_type": "organization"})
('diamond', '#f28e2b', '#f28e2b')
>>> edge_sign("subtract", {"weight": -0.5}), edge_colour("actors", {"positive": 1, "neutral": 0, "negative": 3})
(-1, '#d62728')
>>> edge_sign("conflict", {"weight": 2.0}), edge_sign("stance", {}, key=1)
(-1, 1)
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

from stancegraph.choices import NETWORK_KINDS
from stancegraph.values import integer, sign

__all__ = [
    "ACTOR_STYLES",
    "LAYOUT_SEED",
    "POLARITY_COLOURS",
    "TOPIC_STYLE",
    "edge_colour",
    "edge_legend",
    "edge_sign",
    "edge_widths",
    "network_kind",
    "node_legend",
    "node_sizes",
    "node_style",
    "scaled",
]

#: Edge colour by sign: towards the topic (stance), agreement or disagreement (actor networks), net polarity
#: towards the target (actors).
POLARITY_COLOURS: dict[int, str] = {1: "#2ca02c", 0: "#9a9a9a", -1: "#d62728"}
#: Shape (vis-network's names) and colour of an actor node, by ``actor_type``; unknown types draw as ``other``.
ACTOR_STYLES: dict[str, tuple[str, str]] = {
    "state": ("dot", "#4e79a7"),
    "organization": ("diamond", "#f28e2b"),
    "person": ("triangle", "#b07aa1"),
    "group": ("square", "#59a14f"),
    "other": ("hexagon", "#9c9c9c"),
}
#: Shape, fill and border of a topic node.
TOPIC_STYLE: tuple[str, str, str] = ("box", "#fff3c4", "#c9a227")
#: The seed of every layout: the same network always draws the same picture.
LAYOUT_SEED = 20120523


def network_kind(graph: nx.Graph) -> str:
    """The kind of a network: ``G.graph["network"]``, or for a graph without it, ``stance`` when it has topic
    nodes, ``actors`` when it is directed, else ``congruence``."""
    kind = graph.graph.get("network")
    if kind in NETWORK_KINDS:
        return kind
    if any(node_kind == "topic" for _, node_kind in graph.nodes(data="kind")):
        return "stance"
    return "actors" if graph.is_directed() else "congruence"


def edge_sign(kind: str, data: Mapping[str, Any], key: Any = None) -> int:
    """+1, 0 or -1: whether an edge of a network of this kind stands for a positive stance or agreement, neither,
    or a negative stance or disagreement.

    A stance edge has the sign of its ``polarity`` (or of its key, the polarity, in a multigraph); a congruence
    tie is +1 and a conflict tie -1, whatever their weight; a subtract tie has the sign of its ``weight``; an
    edge to a target the sign of its ``positive`` minus ``negative`` counts (or of its ``polarity``).
    """
    if kind == "stance":
        return sign(data.get("polarity", key))
    if kind == "congruence":
        return 1
    if kind == "conflict":
        return -1
    if kind == "subtract":
        return sign(data.get("weight"))
    if "positive" in data or "negative" in data:
        return sign(integer(data.get("positive")) - integer(data.get("negative")))
    return sign(data.get("polarity"))


def edge_colour(kind: str, data: Mapping[str, Any], key: Any = None) -> str:
    return POLARITY_COLOURS[edge_sign(kind, data, key)]


def node_style(data: Mapping[str, Any]) -> tuple[str, str, str]:
    """(vis-network shape, fill colour, border colour) of a node with these attributes."""
    if data.get("kind") == "topic":
        return TOPIC_STYLE
    shape, colour = ACTOR_STYLES.get(str(data.get("actor_type")), ACTOR_STYLES["other"])
    return shape, colour, colour


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


def edge_legend(kind: str, signs: Iterable[int] | None = None) -> list[tuple[int, str, str]]:
    """(sign, colour, text) for each edge sign the legend of a network of this kind explains: all of them, or
    those among ``signs``."""
    texts = NETWORK_KINDS[kind].legend if kind in NETWORK_KINDS else ((1, "positive"), (0, "neutral"), (-1, "negative"))
    present = None if signs is None else set(signs)
    return [(s, POLARITY_COLOURS[s], text) for s, text in texts if present is None or s in present]


def node_legend(nodes: Iterable[Mapping[str, Any]]) -> list[tuple[str, str, str, str]]:
    """(shape, fill, border, text) for each kind of node among ``nodes``: the actor types, then topics."""
    present = {"topic" if data.get("kind") == "topic" else str(data.get("actor_type")) for data in nodes}
    present = {kind if kind == "topic" or kind in ACTOR_STYLES else "other" for kind in present}
    out = [(*node_style({"kind": "actor", "actor_type": kind}), f"actor: {kind}") for kind in ACTOR_STYLES
           if kind in present]
    if "topic" in present:
        out.append((*TOPIC_STYLE, "topic"))
    return out
