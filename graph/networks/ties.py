"""Actors tied by their stances on the same topics, in the manner of the Discourse Network Analyzer:
``congruence`` (the same polarity), ``conflict`` (opposite polarities), ``subtract`` (the first minus the second).

An actor's stances as a vector over (topic, polarity), each entry the number of windows (documents, months,
years or statements) in which it took that polarity on that topic: congruence is the dot product of two actors'
vectors, conflict the dot product with the other's +1 and -1 entries swapped. Normalised, as in the Discourse
Network Analyzer: ``average`` divides by the mean of the two actors' activity (the sums of their vectors),
``jaccard`` by ``|a|² + |b|² - w`` (the Jaccard index for 0/1 vectors, Tanimoto's for counts), ``cosine`` by
``|a| |b|``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from stancegraph.choices import ACTOR_NETWORKS, NORMALIZATIONS
from stancegraph.errors import InputError

from ..sparql.filters import Filters
from ..store.base import StanceStore
from .aggregate import AIMED, EDGES, actor_label, add_nodes, date, drop_light, integer, names, new_graph, query_rows, statements

__all__ = ["actor_network"]

_AIMED_TOPIC = "aimed-at:"


def actor_network(
    store: StanceStore,
    kind: str = "congruence",
    normalization: str = "none",
    duplicates: str = "document",
    filters: Filters = Filters(),
    aimed: bool = True,
) -> nx.Graph:
    """Actors tied by their stances on the same topics: ``congruence``, ``conflict`` or ``subtract``.

    With ``aimed`` (the default), a negative stance aimed at another actor also counts as a stance against
    that actor's conduct, which the actor itself is taken to stand by: criticising Russia's annexation is a
    conflict with Russia, and two actors criticising it agree. (A positive stance aimed at an actor is mostly a
    demand of it — "we call on Russia to withdraw" — so it ties nobody.) Diplomatic text mostly criticises actors for what they do;
    their own words on it rarely carry the same topic label.

    Edge attributes: ``weight`` (float; negative only in ``subtract``), ``kind``, ``topics`` (the shared
    topics' labels), ``sign``.
    """
    if kind not in ACTOR_NETWORKS:
        raise InputError(f"unknown actor network '{kind}'", fix="use one of " + ", ".join(ACTOR_NETWORKS))
    if normalization not in NORMALIZATIONS:
        raise InputError(f"unknown normalisation '{normalization}'", fix="use one of " + ", ".join(NORMALIZATIONS))
    graph = new_graph(nx.Graph(), kind, filters, duplicates)
    graph.graph["normalization"] = normalization
    rows = query_rows(store, EDGES.format(statements=statements(filters, duplicates)))
    vectors: dict[str, dict[tuple[str, int], int]] = defaultdict(dict)
    activity: dict[str, dict[str, Any]] = defaultdict(lambda: {"statements": 0, "first": "", "last": ""})
    for row in rows:
        vectors[row["a"]][(row["t"], int(row["polarity"]))] = integer(row["weight"])
        acc = activity[row["a"]]
        acc["statements"] += integer(row["statements"])
        for key, pick in (("first", min), ("last", max)):
            dates = [d for d in (acc[key], date(row[key])) if d]
            acc[key] = pick(dates) if dates else ""
    conduct: dict[str, str] = {}  # the pseudo-topic "stances aimed at X" of each target X
    if aimed:
        for row in query_rows(store, AIMED.format(statements=statements(filters, duplicates))):
            if row["a"] == row["x"] or int(row["polarity"]) >= 0:
                continue  # a positive stance aimed at an actor is mostly a demand of it, not support for it
            topic = conduct.setdefault(row["x"], _AIMED_TOPIC + row["x"])
            vectors[row["a"]][(topic, int(row["polarity"]))] = integer(row["weight"])
            vectors[row["x"]][(topic, 1)] = 1  # the target stands by its own conduct
    for actor in vectors:
        graph.add_node(actor, **activity.get(actor, {"statements": 0, "first": "", "last": ""}))
    ties = _ties(vectors, normalization)
    topic_ids = {t for ts in ties.values() for part in ts.values() for t in part[1]}
    actors, topics = names(store)
    labels = {t: str(topics[t]["name"]) for t in topic_ids if t in topics}
    labels.update({topic: f"stances aimed at {actor_label(actors.get(x, {}), x)}" for x, topic in conduct.items()})
    for (a, b), parts in sorted(ties.items()):
        congruence, agreed = parts["congruence"]
        conflict, disputed = parts["conflict"]
        weight, topics = {
            "congruence": (congruence, agreed),
            "conflict": (conflict, disputed),
            "subtract": (congruence - conflict, agreed | disputed),
        }[kind]
        if not topics:
            continue
        graph.add_edge(a, b, weight=round(weight, 6), kind=kind, sign=(weight > 0) - (weight < 0),
                       topics="; ".join(sorted(labels.get(t, t) for t in topics)))
    add_nodes(graph, actors, topics)
    return drop_light(graph, filters.min_weight)


def _ties(
    vectors: dict[str, dict[tuple[str, int], int]], normalization: str
) -> dict[tuple[str, str], dict[str, tuple[float, set[str]]]]:
    """For each pair of actors sharing a topic: (weight, shared topics) of congruence and of conflict."""
    holders: dict[tuple[str, int], list[str]] = defaultdict(list)
    for actor, vector in vectors.items():
        for key in vector:
            holders[key].append(actor)
    raw: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: {"congruence": [0, set()], "conflict": [0, set()]})
    for (topic, polarity), actors in holders.items():
        for a, b in combinations(sorted(actors), 2):
            part = raw[(a, b)]["congruence"]
            part[0] += vectors[a][(topic, polarity)] * vectors[b][(topic, polarity)]
            part[1].add(topic)
        if polarity == 1:
            for a in actors:
                for b in holders.get((topic, -1), ()):
                    if a != b:
                        part = raw[tuple(sorted((a, b)))]["conflict"]  # type: ignore[index]
                        part[0] += vectors[a][(topic, 1)] * vectors[b][(topic, -1)]
                        part[1].add(topic)
    sums = {a: sum(v.values()) for a, v in vectors.items()}
    norms = {a: math.sqrt(sum(x * x for x in v.values())) for a, v in vectors.items()}
    out = {}
    for (a, b), parts in raw.items():
        out[(a, b)] = {
            name: (_normalise(w, a, b, sums, norms, normalization), topics) for name, (w, topics) in parts.items()
        }
    return out


def _normalise(w: float, a: str, b: str, sums: dict[str, float], norms: dict[str, float], how: str) -> float:
    if how == "none" or not w:
        return float(w)
    if how == "average":
        return w / ((sums[a] + sums[b]) / 2)
    if how == "jaccard":
        return w / (norms[a] ** 2 + norms[b] ** 2 - w)
    return w / (norms[a] * norms[b])  # cosine
