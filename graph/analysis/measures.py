"""Analyses of the stance networks, in the manner of NetworkX: functions of a graph that return plain data.

The graphs are those of ``stancegraph.graph.networks`` (or hand-made graphs of the same shape): the signed
actor–topic network for :func:`contested_topics`; an actor network (congruence, conflict, subtract, or the target
network) for :func:`coalitions`, :func:`polarisation` and :func:`structural_balance`, which read it as one signed
graph (see ``signed``); any of them for :func:`most_active` and :func:`most_central`. Positions over time are in
``change``: they are read from stance-table rows, since a network's edges are summed over time.

>>> G = nx.Graph(network="subtract")
>>> G.add_weighted_edges_from([("USA", "GBR", 2.0), ("USA", "FRA", 1.0), ("GBR", "FRA", 1.0),
...                            ("RUS", "CHN", 1.0), ("RUS", "USA", -2.0), ("CHN", "GBR", -1.0)])
>>> [sorted(c) for c in coalitions(G)]
[['FRA', 'GBR', 'USA'], ['CHN', 'RUS']]
>>> polarisation(G)["polarisation"]
1.0
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from stancegraph.choices import CENTRALITIES
from stancegraph.errors import InputError

from .signed import (
    frustration,
    greedy_camps,
    ordered_pair,
    refine_modularity,
    signed_modularity,
    signed_ties,
    two_camp_split,
)

__all__ = [
    "CENTRALITIES",
    "coalitions",
    "contested_topics",
    "most_active",
    "most_central",
    "polarisation",
    "structural_balance",
]



def _actor_network(G: nx.Graph, what: str) -> None:
    if any(kind == "topic" for _, kind in G.nodes(data="kind")):
        raise InputError(
            f"{what} needs an actor network; this one has topics",
            fix="use the congruence, conflict, subtract or actors (target) network",
        )


def _name(node: Hashable) -> str:
    return str(node)


def coalitions(G: nx.Graph, *, weight: str = "weight", seed: int = 0, resolution: float = 1.0) -> list[set]:
    """Communities of an actor network: the actors that hold together.

    Without negative ties (a congruence network), Louvain communities (Blondel et al. 2008, networkx's
    ``louvain_communities`` with the given ``seed``) of the tie weights. With negative ties (a conflict
    network, a subtract network, or the target network, read as the conflict of the negative stances aimed
    at actors: see ``signed``), the partition of highest signed modularity (Gómez, Jensen & Arenas
    2009) found from two starts, those Louvain communities of the positive ties and the two camps of each
    connected part (``greedy_camps``), each improved by moving single actors and merging groups while the
    signed modularity rises: positive ties fall inside coalitions and negative ties between them, and actors
    who share opponents end up together. In a network of negative ties only (conflict), no two actors in
    conflict share a coalition: the moves and merges that would join them are not made. Actors without ties
    stay alone.

    Returns sets of node ids, largest first (then by their names), the same for the same graph and seed.

    Parameters
    ----------
    G : an actor network (``nx.Graph``, or the ``nx.DiGraph`` of the target network)
    weight : the edge attribute holding the tie weight
    seed : the seed of the Louvain method
    resolution : above 1 favours smaller coalitions, below 1 larger ones

    Examples
    --------
    A conflict network: Russia clashes with three states, China with one of them.

    >>> C = nx.Graph(network="conflict")
    >>> C.add_edges_from([("RUS", "USA"), ("RUS", "GBR"), ("RUS", "FRA"), ("CHN", "USA")],
    ...                  weight=1.0, kind="conflict")
    >>> [sorted(c) for c in coalitions(C)]
    [['FRA', 'GBR', 'USA'], ['CHN', 'RUS']]

    A congruence network of two cliques joined by one light tie:

    >>> K = nx.Graph(network="congruence")
    >>> K.add_weighted_edges_from([("a", "b", 3), ("b", "c", 3), ("a", "c", 3), ("d", "e", 3), ("c", "d", 1)])
    >>> [sorted(c) for c in coalitions(K)]
    [['a', 'b', 'c'], ['d', 'e']]
    """
    _actor_network(G, "coalitions")
    nodes = sorted(G.nodes, key=_name)
    if not nodes:
        return []
    ties = signed_ties(G, weight)
    positive = nx.Graph()  # built in a fixed order, so that the seed alone decides Louvain's visiting order
    positive.add_nodes_from(nodes)
    positive.add_weighted_edges_from((u, v, w) for (u, v), w in ties.items() if w > 0)
    groups = nx.community.louvain_communities(positive, weight="weight", seed=seed, resolution=resolution)
    if any(w < 0 for w in ties.values()):
        conflict_only = all(w < 0 for w in ties.values())
        refined = [refine_modularity(ties, nodes, start, resolution, apart=conflict_only)
                   for start in (groups, greedy_camps(ties, nodes))]
        groups = max(refined, key=lambda p: signed_modularity(ties, p, resolution))
    return sorted((set(g) for g in groups), key=lambda g: (-len(g), sorted(map(_name, g))))


def _weights_by_side(ties: Mapping[tuple, float], partition: Iterable[Iterable[Hashable]]) -> dict[str, float]:
    group = {node: i for i, members in enumerate(partition) for node in members}
    out = dict.fromkeys(("positive_within", "positive_between", "negative_within", "negative_between"), 0.0)
    for (u, v), w in ties.items():
        same = u in group and v in group and group[u] == group[v]
        out[f"{'positive' if w > 0 else 'negative'}_{'within' if same else 'between'}"] += abs(w)
    return out


def _ei(external: float, internal: float) -> float | None:
    return (external - internal) / (external + internal) if external + internal else None


def polarisation(
    G: nx.Graph, *, weight: str = "weight", partition: Sequence[Iterable[Hashable]] | None = None, seed: int = 0
) -> dict[str, Any]:
    """How far the signed actor network splits into coalitions that clash with each other.

    ``polarisation`` is the E-I index (Krackhardt & Stern 1988) of the negative tie weight over the
    coalitions: (between - within) / (between + within), from -1 (all conflict inside coalitions) to +1 (all
    conflict between them); ``None`` without negative ties. ``ei_positive`` is the same index of the positive
    tie weight (-1 when all agreement lies inside coalitions), and ``signed_modularity`` the modularity of
    Gómez, Jensen & Arenas (2009) of the partition. The coalitions are :func:`coalitions` unless ``partition``
    names groups of one's own (a node in no group is a group of its own). Since the coalitions are found so
    as to separate opponents, compare the index across time slices or filters, not with zero.

    Examples
    --------
    >>> G = nx.Graph(network="subtract")
    >>> G.add_weighted_edges_from([("USA", "GBR", 2.0), ("RUS", "CHN", 1.0), ("RUS", "USA", -2.0),
    ...                            ("CHN", "GBR", -1.0), ("CHN", "USA", -1.0)])
    >>> p = polarisation(G)
    >>> p["coalitions"], p["polarisation"], p["ei_positive"]
    (2, 1.0, -1.0)

    Against a grouping of one's own that puts China with the West:

    >>> polarisation(G, partition=[{"USA", "GBR", "CHN"}, {"RUS"}])["polarisation"]
    0.0
    """
    _actor_network(G, "polarisation")
    ties = signed_ties(G, weight)
    groups = [set(g) for g in partition] if partition is not None else coalitions(G, weight=weight, seed=seed)
    sides = _weights_by_side(ties, groups)
    return {
        "coalitions": len(groups),
        "polarisation": _ei(sides["negative_between"], sides["negative_within"]),
        "ei_positive": _ei(sides["positive_between"], sides["positive_within"]),
        "signed_modularity": signed_modularity(ties, groups),
        **sides,
    }


def structural_balance(G: nx.Graph, *, weight: str = "weight", seed: int = 0) -> dict[str, Any]:
    """Structural balance of the signed actor network: triangles, and the frustration of two camps.

    Triangles are counted unweighted, by the signs of their three ties. ``share_balanced`` is the share of
    balanced triangles in the sense of Cartwright & Harary (1956): all positive, or one positive and two
    negative ("the enemy of my enemy is my friend"); ``share_weakly_balanced`` also counts all-negative
    triangles, balanced in Davis's (1967) weaker sense, which allows more than two camps. Both are ``None``
    without triangles.

    ``frustration`` is the tie weight (and ``frustrated_ties`` the number of ties) contradicted by the best
    split into two camps that was found (``camps``): positive ties between camps and negative ties inside one.
    It is the weighted line index of balance (Harary 1959) when the search finds the optimum, an upper bound
    of it otherwise; the split is found by Doreian & Mrvar's (1996) relocation, starting from the coalitions.
    ``frustration_share`` divides it by the total tie weight. ``coalition_frustration`` is the frustrated
    weight of the coalitions themselves (any number of groups).

    Examples
    --------
    >>> G = nx.Graph(network="subtract")
    >>> G.add_weighted_edges_from([("a", "b", 1.0), ("a", "c", -1.0), ("b", "c", -1.0), ("c", "d", -2.0),
    ...                            ("b", "d", -1.0)])
    >>> b = structural_balance(G)
    >>> b["triangles"], b["balanced"], b["weakly_balanced"]
    (2, 1, 2)
    >>> b["frustration"], b["frustrated_ties"], b["camps"]
    (1.0, 1, [['a', 'b', 'd'], ['c']])
    """
    _actor_network(G, "structural balance")
    ties = signed_ties(G, weight)
    neighbours: dict[Hashable, set] = defaultdict(set)
    for u, v in ties:
        neighbours[u].add(v)
        neighbours[v].add(u)
    by_negatives = [0, 0, 0, 0]
    for (u, v), w in ties.items():
        for x in neighbours[u] & neighbours[v]:
            if _name(x) > _name(v):  # u < v < x: each triangle once
                signs = (w, ties[ordered_pair(u, x)], ties[ordered_pair(v, x)])
                by_negatives[sum(s < 0 for s in signs)] += 1
    triangles = sum(by_negatives)
    balanced = by_negatives[0] + by_negatives[2]
    nodes = sorted(G.nodes, key=_name)
    groups = coalitions(G, weight=weight, seed=seed)
    camps = two_camp_split(ties, nodes, groups)
    weight_off, count_off = frustration(ties, camps)
    total = sum(abs(w) for w in ties.values())
    return {
        "triangles": triangles,
        "balanced": balanced,
        "weakly_balanced": balanced + by_negatives[3],
        "share_balanced": balanced / triangles if triangles else None,
        "share_weakly_balanced": (balanced + by_negatives[3]) / triangles if triangles else None,
        "all_positive": by_negatives[0],
        "one_negative": by_negatives[1],
        "two_negative": by_negatives[2],
        "all_negative": by_negatives[3],
        "frustration": weight_off,
        "frustrated_ties": count_off,
        "frustration_share": weight_off / total if total else None,
        "camps": [sorted(map(_name, c)) for c in sorted(camps, key=lambda c: (-len(c), sorted(map(_name, c))))],
        "coalitions": len(groups),
        "coalition_frustration": frustration(ties, groups)[0],
    }


def contested_topics(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Topics on which some actors take a positive stance and others a negative one, most contested first.

    Each row: ``node`` (the topic's id), ``topic`` (its label), ``supporters`` and ``opponents`` (the actors
    with a positive, a negative stance; an actor with both counts on both sides), ``neutral`` (actors with
    a neutral stance), ``statements``, and the actor ids on each side, ``support`` and ``oppose``. Ranked by
    the smaller side (a topic is as contested as its minority is large), then by both sides together, then
    by statements and label.

    Examples
    --------
    >>> S = nx.MultiDiGraph(network="stance")
    >>> S.add_node("abm", kind="topic", label="ABM shield")
    >>> S.add_node("talks", kind="topic", label="talks")
    >>> for actor in ("RUS", "NATO", "USA"):
    ...     S.add_node(actor, kind="actor", actor_id=actor, label=actor)
    >>> _ = S.add_edge("RUS", "abm", key=-1, polarity=-1, weight=2, statements=3)
    >>> _ = S.add_edge("NATO", "abm", key=1, polarity=1, weight=1, statements=1)
    >>> _ = S.add_edge("USA", "abm", key=1, polarity=1, weight=1, statements=1)
    >>> _ = S.add_edge("RUS", "talks", key=1, polarity=1, weight=1, statements=1)
    >>> [(r["topic"], r["supporters"], r["opponents"], r["oppose"]) for r in contested_topics(S)]
    [('ABM shield', 2, 1, ['RUS'])]
    """
    rows = []
    for topic, attrs in G.nodes(data=True):
        if attrs.get("kind") != "topic":
            continue
        sides: dict[int, set[str]] = {1: set(), 0: set(), -1: set()}
        statements = 0
        for actor, _, data in G.in_edges(topic, data=True):
            polarity = int(data.get("polarity", 0))
            sides[(polarity > 0) - (polarity < 0)].add(G.nodes[actor].get("actor_id", _name(actor)))
            statements += int(data.get("statements", data.get("weight", 1)))
        if sides[1] and sides[-1]:
            rows.append({
                "node": topic,
                "topic": attrs.get("label", _name(topic)),
                "supporters": len(sides[1]),
                "opponents": len(sides[-1]),
                "neutral": len(sides[0]),
                "statements": statements,
                "support": sorted(sides[1]),
                "oppose": sorted(sides[-1]),
            })
    rows.sort(key=lambda r: (-min(r["supporters"], r["opponents"]), -(r["supporters"] + r["opponents"]),
                             -r["statements"], str(r["topic"]).lower()))
    return rows


def _actors(G: nx.Graph) -> list[Hashable]:
    return [n for n, kind in G.nodes(data="kind") if kind in (None, "actor")]


def actor_row(G: nx.Graph, node: Hashable) -> dict[str, Any]:
    """An actor node as a row: ``node``, ``actor_id``, ``actor`` (label), ``actor_type``, ``statements``."""
    attrs = G.nodes[node]
    return {
        "node": node,
        "actor_id": attrs.get("actor_id", _name(node)),
        "actor": attrs.get("label", _name(node)),
        "actor_type": attrs.get("actor_type", ""),
        "statements": int(attrs.get("statements", 0)),
    }


def _strength_graph(G: nx.Graph, weight: str) -> nx.Graph:
    """The graph undirected and simple, each tie weighing the sum of the absolute weights of its edges."""
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=_name))
    for u, v, w in G.edges(data=weight, default=1.0):
        if u != v:
            tie = abs(float(w))
            H.add_edge(u, v, weight=H[u][v]["weight"] + tie if H.has_edge(u, v) else tie)
    return H


def most_active(G: nx.Graph, *, weight: str = "weight") -> list[dict[str, Any]]:
    """The actors ranked by their statements (the node attribute ``statements``), then by ``neighbours``
    (the distinct topics or actors they are tied to), then by ``strength`` (the sum of the absolute weights
    of their edges), then by label.

    Examples
    --------
    >>> S = nx.MultiDiGraph(network="stance")
    >>> S.add_node("RUS", kind="actor", label="Russia", actor_id="RUS", statements=3)
    >>> S.add_node("USA", kind="actor", label="United States", actor_id="USA", statements=3)
    >>> S.add_node("abm", kind="topic", label="ABM shield")
    >>> S.add_node("talks", kind="topic", label="talks")
    >>> _ = S.add_edge("RUS", "abm", key=-1, polarity=-1, weight=3)
    >>> _ = S.add_edge("USA", "abm", key=1, polarity=1, weight=2)
    >>> _ = S.add_edge("USA", "talks", key=1, polarity=1, weight=1)
    >>> [(r["actor_id"], r["statements"], r["neighbours"]) for r in most_active(S)]
    [('USA', 3, 2), ('RUS', 3, 1)]
    """
    H = _strength_graph(G, weight)
    rows = []
    for node in _actors(G):
        row = actor_row(G, node)
        row["neighbours"] = H.degree(node)
        row["strength"] = H.degree(node, weight="weight")
        rows.append(row)
    rows.sort(key=lambda r: (-r["statements"], -r["neighbours"], -r["strength"], str(r["actor"]).lower()))
    return rows


def most_central(G: nx.Graph, *, measure: str = "eigenvector", weight: str = "weight") -> list[dict[str, Any]]:
    """The actors ranked by their centrality in the network, read undirected with ties weighing the sum of
    the absolute weights of their edges (a tie's strength, whatever its sign).

    ``measure``: ``eigenvector`` (weighted eigenvector centrality, networkx's power iteration; in a network of
    several components the largest-eigenvalue component holds nearly all of it), ``degree`` (weighted degree:
    the sum of an actor's tie weights) or ``betweenness`` (the normalised share of shortest paths through the
    actor, a tie's length being 1 / its weight). Topics in the stance network take part in the computation
    but are not listed. Each row has ``centrality`` and ``strength`` (the weighted degree).

    Examples
    --------
    A star: the centre first, under every measure.

    >>> G = nx.Graph(network="congruence")
    >>> G.add_weighted_edges_from([("FRA", "USA", 2.0), ("GBR", "USA", 1.0), ("LTU", "USA", 1.0)])
    >>> [r["actor_id"] for r in most_central(G, measure="betweenness")]
    ['USA', 'FRA', 'GBR', 'LTU']
    >>> [round(r["centrality"], 3) for r in most_central(G, measure="degree")]
    [4.0, 2.0, 1.0, 1.0]
    """
    if measure not in CENTRALITIES:
        raise InputError(f"unknown centrality '{measure}'", fix="use one of " + ", ".join(CENTRALITIES))
    H = _strength_graph(G, weight)
    strength = dict(H.degree(weight="weight"))
    if measure == "degree" or not H.number_of_edges():
        centrality = {n: float(strength[n]) for n in H}
    elif measure == "eigenvector":
        centrality = nx.eigenvector_centrality(H, max_iter=10_000, weight="weight")
    else:
        # a tie of strength 0 (a subtract tie whose agreement and disagreement cancel) is no path at all
        paths = nx.Graph()
        paths.add_nodes_from(H)
        paths.add_edges_from((u, v, {"length": 1.0 / w}) for u, v, w in H.edges(data="weight") if w > 0)
        centrality = nx.betweenness_centrality(paths, weight="length", normalized=True)
    rows = []
    for node in _actors(G):
        row = actor_row(G, node)
        row["centrality"] = centrality[node]
        row["strength"] = strength[node]
        rows.append(row)
    rows.sort(key=lambda r: (-round(r["centrality"], 12), -r["strength"], str(r["actor"]).lower()))
    return rows
