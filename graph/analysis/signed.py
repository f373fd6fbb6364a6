"""Signed actor networks: the sign of each tie, and partitions that keep positive ties inside groups and negative
ties between them.

The analysis functions (``measures``) read every actor network as one undirected signed graph,
:func:`signed_ties`: a congruence tie is positive, a conflict tie negative, a subtract tie has the sign of its
weight, and a tie of the target network is its weight times its net polarity. On that graph:

- :func:`signed_modularity` is the modularity of Gómez, Jensen & Arenas (2009, Phys. Rev. E 80, 016114), the
  quality that :func:`refine_modularity` raises by moving single actors and merging groups (the local moves of
  the Louvain method, Blondel et al. 2008, with the signed quality of Traag & Bruggeman 2009, Phys. Rev. E 80,
  036115);
- :func:`frustration` is the weight of the ties a partition contradicts (positive between groups, negative
  inside), the criterion of Doreian & Mrvar (1996, Social Networks 18, 149-168) with equal weight on both
  kinds; :func:`two_camp_split` finds a two-group partition of low frustration by their relocation method, so
  its frustration is an upper bound of the line index of balance (Harary 1959).

>>> ties = {("a", "b"): 2.0, ("a", "c"): -1.0, ("b", "c"): -1.0}
>>> frustration(ties, [{"a", "b"}, {"c"}])
(0.0, 0)
>>> frustration(ties, [{"a", "b", "c"}])
(2.0, 2)
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Hashable, Iterable, Sequence

import networkx as nx

__all__ = ["frustration", "greedy_camps", "ordered_pair", "refine_modularity", "signed_modularity", "signed_ties", "two_camp_split"]

Tie = tuple[Hashable, Hashable]
Partition = list[set[Hashable]]
_EPS = 1e-12


def ordered_pair(u: Hashable, v: Hashable) -> Tie:
    """The pair in the order of the nodes' names, as :func:`signed_ties` keys it."""
    return (u, v) if str(u) <= str(v) else (v, u)


def signed_ties(G: nx.Graph, weight: str = "weight") -> dict[Tie, float]:
    """Each pair of tied nodes with its signed weight, the pair in the order of the nodes' names.

    An edge whose ``kind`` is ``conflict`` (or any edge of a graph whose ``network`` is ``conflict``) counts
    as negative, whatever the sign of its weight. An edge with ``negative`` counts (the target network) counts
    as negative, its weight times the share of its statements that are negative: a stance's polarity is
    towards its topic, so a positive stance aimed at an actor (a demand addressed to it, a threat against it)
    says nothing of friendship, while a negative one (condemning its action) is conflict. Any other edge counts
    as its weight. Parallel and reciprocal edges are summed; self-loops and ties that sum to zero are left out.

    >>> G = nx.Graph(network="conflict")
    >>> G.add_edge("RUS", "USA", weight=3.0, kind="conflict")
    >>> signed_ties(G)
    {('RUS', 'USA'): -3.0}
    >>> D = nx.DiGraph()
    >>> D.add_edge("USA", "RUS", weight=2, positive=1, neutral=0, negative=3, statements=4)
    >>> D.add_edge("RUS", "USA", weight=1, positive=0, neutral=0, negative=1, statements=1)
    >>> signed_ties(D)
    {('RUS', 'USA'): -2.5}
    """
    conflict_graph = G.graph.get("network") == "conflict"
    ties: dict[Tie, float] = defaultdict(float)
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        w = float(data.get(weight, 1.0))
        if data.get("kind", "conflict" if conflict_graph else None) == "conflict":
            w = -abs(w)
        elif "negative" in data:
            n = data.get("statements") or (data.get("positive", 0) + data.get("neutral", 0) + data["negative"])
            w = -abs(w) * data["negative"] / n if n else 0.0
        ties[ordered_pair(u, v)] += w
    return {pair: w for pair, w in sorted(ties.items(), key=lambda t: (str(t[0][0]), str(t[0][1]))) if abs(w) > _EPS}


def _strengths(ties: dict[Tie, float]) -> tuple[dict[Hashable, float], dict[Hashable, float]]:
    positive: dict[Hashable, float] = defaultdict(float)
    negative: dict[Hashable, float] = defaultdict(float)
    for (u, v), w in ties.items():
        side = positive if w > 0 else negative
        side[u] += abs(w)
        side[v] += abs(w)
    return positive, negative


def _neighbours(ties: dict[Tie, float]) -> dict[Hashable, dict[Hashable, float]]:
    out: dict[Hashable, dict[Hashable, float]] = defaultdict(dict)
    for (u, v), w in ties.items():
        out[u][v] = w
        out[v][u] = w
    return out


def _group_of(partition: Iterable[Iterable[Hashable]]) -> dict[Hashable, int]:
    return {node: i for i, group in enumerate(partition) for node in group}


def signed_modularity(ties: dict[Tie, float], partition: Sequence[Iterable[Hashable]], resolution: float = 1.0) -> float:
    """The modularity of a partition of a signed network (Gómez, Jensen & Arenas 2009).

    Positive ties inside groups beyond what the actors' positive strengths lead one to expect raise it,
    negative ties inside groups beyond expectation lower it; with no negative tie it is Newman's modularity.

    >>> ties = {("a", "b"): 1.0, ("c", "d"): 1.0, ("a", "c"): -1.0, ("b", "d"): -1.0}
    >>> signed_modularity(ties, [{"a", "b"}, {"c", "d"}])
    0.5
    >>> signed_modularity(ties, [{"a", "c"}, {"b", "d"}])
    -0.5
    """
    positive, negative = _strengths(ties)
    two_wp, two_wn = sum(positive.values()), sum(negative.values())
    if not two_wp + two_wn:
        return 0.0
    group = _group_of(partition)
    q = sum(2 * w for (u, v), w in ties.items() if group.get(u, -1) == group.get(v, -2))
    for members in partition:
        sp = sum(positive.get(n, 0.0) for n in members)
        sn = sum(negative.get(n, 0.0) for n in members)
        q -= resolution * (sp * sp / two_wp if two_wp else 0.0)
        q += resolution * (sn * sn / two_wn if two_wn else 0.0)
    return q / (two_wp + two_wn)


def refine_modularity(
    ties: dict[Tie, float],
    nodes: Sequence[Hashable],
    partition: Iterable[Iterable[Hashable]],
    resolution: float = 1.0,
    *,
    apart: bool = False,
) -> Partition:
    """The partition improved by moving single nodes, then merging groups, while either raises the signed
    modularity; nodes are visited in the order of their names, so the result is deterministic. With ``apart``,
    the groups given are first split so that none holds a negative tie, and no move or merge joins two nodes
    with one.

    >>> ties = {("a", "b"): -1.0, ("a", "c"): -1.0, ("a", "d"): -1.0}
    >>> sorted(sorted(g) for g in refine_modularity(ties, "abcd", [{"a"}, {"b"}, {"c"}, {"d"}]))
    [['a'], ['b', 'c', 'd']]
    """
    positive, negative = _strengths(ties)
    two_wp, two_wn = sum(positive.values()), sum(negative.values())
    neighbours = _neighbours(ties)
    order = sorted(nodes, key=str)
    group = _group_of(_separate(neighbours, partition) if apart else partition)
    for node in order:
        group.setdefault(node, max(group.values(), default=-1) + 1)
    sp: dict[int, float] = defaultdict(float)
    sn: dict[int, float] = defaultdict(float)
    for node, g in group.items():
        sp[g] += positive.get(node, 0.0)
        sn[g] += negative.get(node, 0.0)

    def expected(kp: float, kn: float, tp: float, tn: float) -> float:
        """Positive minus negative ties expected between strengths (kp, kn) and (tp, tn)."""
        return resolution * ((kp * tp / two_wp if two_wp else 0.0) - (kn * tn / two_wn if two_wn else 0.0))

    changed = True
    while changed:
        changed = False
        moved = True
        while moved:
            moved = False
            for node in order:
                old, kp, kn = group[node], positive.get(node, 0.0), negative.get(node, 0.0)
                sp[old] -= kp
                sn[old] -= kn
                links: dict[int, float] = defaultdict(float)
                enemies: set[int] = set()
                for other, w in neighbours[node].items():
                    links[group[other]] += w
                    if w < 0 and apart:
                        enemies.add(group[other])
                best, best_gain = old, links[old] - expected(kp, kn, sp[old], sn[old])
                for g in sorted(sp):
                    if g != old and g not in enemies and (sp[g] or sn[g] or links.get(g)):
                        gain = links.get(g, 0.0) - expected(kp, kn, sp[g], sn[g])
                        if gain > best_gain + _EPS:
                            best, best_gain = g, gain
                if best_gain < -_EPS:  # alone is better than anywhere else
                    best = max(sp) + 1
                group[node] = best
                sp[best] += kp
                sn[best] += kn
                moved |= best != old
                changed |= best != old
        while True:
            between: dict[tuple[int, int], float] = defaultdict(float)
            hostile: set[tuple[int, int]] = set()
            for (u, v), w in ties.items():
                if group[u] != group[v]:
                    pair = (min(group[u], group[v]), max(group[u], group[v]))
                    between[pair] += w
                    if w < 0 and apart:
                        hostile.add(pair)
            used = sorted({g for g in group.values()})
            best_merge, best_gain = None, _EPS
            for i, a in enumerate(used):
                for b in used[i + 1:]:
                    if (a, b) in hostile:
                        continue
                    gain = between.get((a, b), 0.0) - expected(sp[a], sn[a], sp[b], sn[b])
                    if gain > best_gain:
                        best_merge, best_gain = (a, b), gain
            if best_merge is None:
                break
            a, b = best_merge
            for node in order:
                if group[node] == b:
                    group[node] = a
            sp[a] += sp.pop(b)
            sn[a] += sn.pop(b)
            changed = True
    groups: dict[int, set[Hashable]] = defaultdict(set)
    for node in order:
        groups[group[node]].add(node)
    return list(groups.values())


def _separate(neighbours: dict[Hashable, dict[Hashable, float]], partition: Iterable[Iterable[Hashable]]) -> Partition:
    """Each group split, greedily in the order of the names, into parts without a negative tie inside."""
    out: Partition = []
    for members in partition:
        parts: Partition = []
        for node in sorted(members, key=str):
            part = next((p for p in parts if not any(neighbours[node].get(x, 0.0) < 0 for x in p)), None)
            if part is None:
                parts.append({node})
            else:
                part.add(node)
        out.extend(parts)
    return out


def greedy_camps(ties: dict[Tie, float], nodes: Sequence[Hashable]) -> Partition:
    """Each connected part of the network split in two: nodes placed breadth first from the strongest, each
    in the camp that contradicts less of its tie weight to the nodes already placed. Exact for a balanced
    network, where no tie need be contradicted. Two groups per part, or one for a node without ties.

    >>> ties = {("a", "b"): -1.0, ("b", "c"): -1.0, ("c", "d"): -1.0, ("x", "y"): 1.0}
    >>> sorted(sorted(g) for g in greedy_camps(ties, "abcdxy"))
    [['a', 'c'], ['b', 'd'], ['x', 'y']]
    """
    side, parts = _greedy_sides(_neighbours(ties), nodes)
    return [g for part in parts for g in ({n for n in part if side[n] == c} for c in (0, 1)) if g]


def _greedy_sides(
    neighbours: dict[Hashable, dict[Hashable, float]], nodes: Sequence[Hashable]
) -> tuple[dict[Hashable, int], list[list[Hashable]]]:
    """The camp (0 or 1) of each node as :func:`greedy_camps` places it, and the connected parts."""
    strength = {n: sum(abs(w) for w in neighbours[n].values()) for n in nodes}
    side: dict[Hashable, int] = {}
    parts: list[list[Hashable]] = []
    for start in sorted(nodes, key=lambda n: (-strength[n], str(n))):
        if start in side:
            continue
        side[start] = 0
        part, queue = [start], deque([start])
        while queue:
            node = queue.popleft()
            for other in sorted(neighbours[node], key=lambda o: (-abs(neighbours[node][o]), str(o))):
                if other in side:
                    continue
                cost = [0.0, 0.0]
                for placed, w in neighbours[other].items():
                    for camp in (0, 1):
                        if placed in side and (w > 0) != (side[placed] == camp):
                            cost[camp] += abs(w)
                side[other] = 0 if cost[0] <= cost[1] else 1
                part.append(other)
                queue.append(other)
        parts.append(part)
    return side, parts


def frustration(ties: dict[Tie, float], partition: Iterable[Iterable[Hashable]]) -> tuple[float, int]:
    """The weight and the number of the ties a partition contradicts: positive ties between groups and
    negative ties inside one (nodes in no group count as groups of their own)."""
    group = _group_of(partition)
    weight, count = 0.0, 0
    for (u, v), w in ties.items():
        same = u in group and v in group and group[u] == group[v]
        if (w > 0) != same:
            weight += abs(w)
            count += 1
    return weight, count


def two_camp_split(ties: dict[Tie, float], nodes: Sequence[Hashable], start: Sequence[Iterable[Hashable]]) -> Partition:
    """Two groups contradicting as little tie weight as found. Two starts: the groups of ``start`` placed,
    largest first, in the camp that contradicts less, and :func:`greedy_camps`; from each, single nodes moved
    across while that lowers the frustration (Doreian & Mrvar's relocation with two groups); the better of both.

    >>> ties = {("a", "b"): 1.0, ("c", "d"): 1.0, ("a", "c"): -1.0, ("b", "d"): -1.0, ("e", "a"): -1.0}
    >>> sorted(sorted(g) for g in two_camp_split(ties, "abcde", [{"a", "b"}, {"c", "d"}, {"e"}]))
    [['a', 'b'], ['c', 'd', 'e']]
    """
    neighbours = _neighbours(ties)
    order = sorted(nodes, key=str)

    def relocate(side: dict[Hashable, int]) -> dict[Hashable, int]:
        moved = True
        while moved:
            moved = False
            for node in order:
                # moving the node across turns each of its contradicted ties into a kept one and the reverse
                delta = sum(abs(w) if (w > 0) == (side[node] == side[other]) else -abs(w)
                            for other, w in neighbours[node].items())
                if delta < -_EPS:
                    side[node] = 1 - side[node]
                    moved = True
        return side

    placed: dict[Hashable, int] = {}
    for members in sorted((sorted(g, key=str) for g in start), key=lambda g: (-len(g), [str(n) for n in g])):
        cost = [0.0, 0.0]
        for node in members:
            for other, w in neighbours[node].items():
                if other in placed:
                    for camp in (0, 1):
                        cost[camp] += abs(w) if (w > 0) != (placed[other] == camp) else 0.0
        camp = 0 if cost[0] <= cost[1] else 1
        placed.update((node, camp) for node in members)
    greedy, _ = _greedy_sides(neighbours, order)
    candidates = [relocate({n: placed.get(n, 0) for n in order}), relocate({n: greedy.get(n, 0) for n in order})]

    def split(side: dict[Hashable, int]) -> Partition:
        return [g for g in ({n for n in order if side[n] == c} for c in (0, 1)) if g]

    return min((split(side) for side in candidates), key=lambda p: frustration(ties, p)[0])
