"""Hand-made networks of the shape of stancegraph.graph.networks, one of each kind, for the export and figure tests."""

from __future__ import annotations

import networkx as nx

# What a document can put into a label: markup, quotes, whitespace of every kind, and characters beyond ASCII.
NASTY = "<script>alert(1)</script> & \"q\" 's' \t\n\r\u0085\u2028 é 中 😀 $x^2$"
ACTOR = "https://w3id.org/stancegraph/id/actor/"
TOPIC = "https://w3id.org/stancegraph/id/topic/"


def _actor(graph, actor_id, actor_type, label, statements, first="2014-03-01", last="2014-06-30"):
    graph.add_node(ACTOR + actor_id, kind="actor", label=label, actor_id=actor_id, actor_type=actor_type,
                   statements=statements, first=first, last=last)


def hand_stance() -> nx.MultiDiGraph:
    """Actor -> topic edges of the contract's shape, two of them between one pair (both polarities)."""
    g = nx.MultiDiGraph(network="stance", filters="none", duplicates="document")
    _actor(g, "RUS", "state", "Russia", 3)
    _actor(g, "NATO", "organization", "NATO", 2, first="", last="")
    _actor(g, "jane-doe", "person", NASTY, 1)
    for slug, label, n in (("abm-shield", "ABM shield", 4), ("talks", NASTY, 2)):
        g.add_node(TOPIC + slug, kind="topic", label=label, statements=n, first="2014-03-01", last="2014-05-02")
    for actor, topic, polarity, weight, stances, first, last in (
        ("RUS", "abm-shield", -1, 2, "oppose, reject", "2014-03-01", "2014-04-01"),
        ("RUS", "abm-shield", 1, 1, "propose", "2014-05-02", "2014-05-02"),
        ("NATO", "abm-shield", 0, 1, "consider", "", ""),
        ("NATO", "talks", 1, 1, "support", "2014-03-01", "2014-03-01"),
        ("jane-doe", "talks", -1, 1, "reject", "2014-06-30", "2014-06-30"),
    ):
        g.add_edge(ACTOR + actor, TOPIC + topic, key=polarity, polarity=polarity, weight=weight, statements=weight + 1,
                   documents=weight, stances=stances, first=first, last=last,
                   evidence=f"https://w3id.org/stancegraph/id/stance/d1/{actor} https://w3id.org/stancegraph/id/stance/d2/x")
    return g


def hand_actors(kind: str) -> nx.Graph:
    """Actor - actor ties of one kind; subtract has a negative and a zero weight."""
    g = nx.Graph(network=kind, filters="topics: ABM shield", duplicates="year", normalization="jaccard")
    for actor_id, actor_type, n in (("RUS", "state", 5), ("USA", "state", 3), ("NATO", "organization", 2),
                                    ("hamas", "group", 1)):
        _actor(g, actor_id, actor_type, actor_id.title(), n)
    weights = {"congruence": (0.5, 0.25, 1.0), "conflict": (0.75, 0.125, 2.0), "subtract": (-0.25, 0.0, 1.5)}[kind]
    for (a, b), weight in zip((("RUS", "USA"), ("USA", "NATO"), ("RUS", "hamas")), weights, strict=True):
        g.add_edge(ACTOR + a, ACTOR + b, weight=weight, kind=kind, sign=-1 if weight < 0 else 1,
                   topics="ABM shield; " + NASTY)
    return g


def hand_targets() -> nx.DiGraph:
    g = nx.DiGraph(network="actors", filters="none", duplicates="document")
    for actor_id, actor_type, n in (("RUS", "state", 3), ("NATO", "organization", 2), ("USA", "state", 1)):
        _actor(g, actor_id, actor_type, actor_id, n)
    for a, b, pos, neu, neg in (("RUS", "NATO", 0, 1, 2), ("NATO", "RUS", 2, 0, 1), ("RUS", "USA", 1, 0, 1)):
        g.add_edge(ACTOR + a, ACTOR + b, weight=pos + neu + neg, statements=pos + neu + neg, positive=pos,
                   neutral=neu, negative=neg, stances="demand, oppose", first="2014-03-01", last="2014-04-01",
                   evidence="https://w3id.org/stancegraph/id/stance/d1/1")
    return g


HAND = {"stance": hand_stance, "congruence": lambda: hand_actors("congruence"),
        "conflict": lambda: hand_actors("conflict"), "subtract": lambda: hand_actors("subtract"),
        "actors": hand_targets}
