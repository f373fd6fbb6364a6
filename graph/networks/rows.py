"""The stance network of stance-table rows, in the shape :func:`stancegraph.graph.networks.stance_network` gives.

For rows that are not in a store (a notebook's table, a CSV read back): one node per actor and per topic, one
edge per (actor, topic, polarity) with its weight (statements once per document), counts, dates and evidence
ids; the evidence holds each row (a :class:`~stancegraph.table.StanceRow`) under those ids.

>>> rows = [{"doc": "d1", "actor": "Russia", "actor_id": "RUS", "actor_type": "state", "stance": "oppose",
...          "polarity": -1, "topic": "ABM shield", "sentence": "Moscow opposes the ABM shield."}]
>>> graph, evidence = rows_network(rows)
>>> [(graph.nodes[u]["label"], graph.nodes[v]["label"], d["weight"]) for u, v, d in graph.edges(data=True)]
[('Russia', 'ABM shield', 1)]
>>> [ev.sentence for ev in evidence.values()]
['Moscow opposes the ABM shield.']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from stancegraph.table import StanceRow
from stancegraph.values import text

from ..rdf.iris import actor_iri, topic_iri

__all__ = ["rows_network"]

_MAX_VARIANTS = 20


@dataclass
class _Node:
    labels: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    written: Counter[str] = field(default_factory=Counter)
    dates: set[str] = field(default_factory=set)
    statements: int = 0


@dataclass
class _Edge:
    ids: list[str] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    stances: set[str] = field(default_factory=set)


def rows_network(rows: Iterable[Mapping[str, Any]]) -> tuple[nx.MultiDiGraph, dict[str, StanceRow]]:
    """The stance network of ``rows`` (see the module) and the evidence of its edges, by statement id.

    ``G.graph["documents"]`` counts the rows' documents. Missing fields get stand-ins: an actor without a name
    is ``?``, a statement without a topic is about ``(no topic)``, an unreadable polarity is 0.
    """
    actors: defaultdict[str, _Node] = defaultdict(_Node)
    topics: defaultdict[str, _Node] = defaultdict(_Node)
    edges: defaultdict[tuple[str, str, int], _Edge] = defaultdict(_Edge)
    evidence: dict[str, StanceRow] = {}
    ids: dict[str, str] = {}
    docs: set[str] = set()
    for number, values in enumerate(rows):
        row = StanceRow.from_mapping(values)
        actor_label = text(row.actor) or text(row.actor_text) or text(row.actor_id) or "?"
        actor_id = text(row.actor_id) or actor_label
        actor = str(actor_iri(actor_id))
        ids[actor] = actor_id
        topic_label = text(row.topic) or text(row.topic_text) or "(no topic)"
        topic = str(topic_iri(topic_label))
        polarity = row.polarity
        doc, date = text(row.doc), text(row.date)
        docs.add(doc)

        for node, label, written in ((actors[actor], actor_label, row.actor_text),
                                     (topics[topic], topic_label, row.topic_text)):
            node.labels[label] += 1
            node.written[text(written) or label] += 1
            node.statements += 1
            if date:
                node.dates.add(date)
        actors[actor].types[text(row.actor_type) or "other"] += 1

        statement = f"row:{number}"
        evidence[statement] = row
        edge = edges[(actor, topic, polarity)]
        edge.ids.append(statement)
        edge.docs.add(doc)
        edge.stances.add(text(row.stance) or "?")
        if date:
            edge.dates.add(date)

    graph = nx.MultiDiGraph(network="stance", duplicates="document", documents=len(docs))
    for iri, node in actors.items():
        graph.add_node(iri, kind="actor", actor_id=ids[iri], actor_type=_most_common(node.types), **_attrs(node))
    for iri, node in topics.items():
        graph.add_node(iri, kind="topic", **_attrs(node))
    for (actor, topic, polarity), edge in edges.items():
        graph.add_edge(
            actor,
            topic,
            key=polarity,
            polarity=polarity,
            weight=len(edge.docs),
            statements=len(edge.ids),
            documents=len(edge.docs),
            stances=", ".join(sorted(edge.stances)),
            first=min(edge.dates, default=""),
            last=max(edge.dates, default=""),
            evidence=" ".join(edge.ids),
        )
    return graph, evidence


def _attrs(node: _Node) -> dict[str, Any]:
    return {
        "label": _most_common(node.labels),
        "statements": node.statements,
        "first": min(node.dates, default=""),
        "last": max(node.dates, default=""),
        "written": _variants(node.written),
    }


def _most_common(counter: Counter[str]) -> str:
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _variants(counter: Counter[str]) -> str:
    names = [name for name, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
    extra = f" and {len(names) - _MAX_VARIANTS} more" if len(names) > _MAX_VARIANTS else ""
    return ", ".join(names[:_MAX_VARIANTS]) + extra
