"""What the networks share: the statements a network counts, aggregated in SPARQL, and the nodes' names.

One row per (actor, topic, polarity) group, or per (actor, target) pair, with the counts the networks need:
its ``weight`` counts statements once per document (or per month, year, or statement: ``duplicates``), and it
carries the ids of its evidence. Each property is scanned once and joined by statement, not looked up once
per statement. Node ids are the actors' and topics' IRIs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from stancegraph.choices import DUPLICATES
from stancegraph.errors import InputError

from ..rdf.terms import to_python
from ..rdf.vocabulary import actor_type_of
from ..sparql.filters import Filters
from ..sparql.run import run_query
from ..store.base import StanceStore

__all__ = [
    "ACTORS",
    "AIMED",
    "EDGES",
    "TARGETS",
    "TOPICS",
    "WINDOW",
    "actor_label",
    "add_nodes",
    "date",
    "drop_light",
    "edge_attributes",
    "integer",
    "names",
    "new_graph",
    "node_activity",
    "query_rows",
    "statements",
]

# One row per statement's (actor, topic, polarity) group, with the counts the three networks need. Each property
# is scanned once and joined by statement, not looked up once per statement.
WINDOW = {
    "document": "STR(?g)",
    "month": "IF(BOUND(?date), SUBSTR(STR(?date), 1, 7), STR(?g))",
    "year": "IF(BOUND(?date), SUBSTR(STR(?date), 1, 4), STR(?g))",
    "statement": "STR(?s)",
}
_STATEMENTS = """
  {{ SELECT ?s ?a ?g WHERE {{ GRAPH ?g {{ ?s sg:actor ?a }} }} }}
  {{ SELECT ?s ?t WHERE {{ GRAPH ?h {{ ?s sg:topic ?t }} }} }}
  {{ SELECT ?s ?polarity ?st WHERE {{ GRAPH ?k {{ ?s sg:polarity ?polarity ; sg:stance ?st }} }} }}
  OPTIONAL {{ SELECT ?g ?date WHERE {{ GRAPH ?g {{ ?d a sg:Document ; dcterms:date ?date }} }} }}
  {filters}
  BIND({window} AS ?window)
"""
EDGES = """
SELECT ?a ?t ?polarity (COUNT(?s) AS ?statements) (COUNT(DISTINCT ?g) AS ?documents)
       (COUNT(DISTINCT ?window) AS ?weight) (MIN(?date) AS ?first) (MAX(?date) AS ?last)
       (GROUP_CONCAT(DISTINCT STRAFTER(STR(?st), STR(stance:)); separator=" ") AS ?stances)
       (GROUP_CONCAT(STR(?s); separator=" ") AS ?evidence)
WHERE {{ {statements} }}
GROUP BY ?a ?t ?polarity
"""
TARGETS = """
SELECT ?a ?x (COUNT(?s) AS ?statements) (COUNT(DISTINCT ?window) AS ?weight)
       (SUM(IF(?polarity > 0, 1, 0)) AS ?positive) (SUM(IF(?polarity = 0, 1, 0)) AS ?neutral)
       (SUM(IF(?polarity < 0, 1, 0)) AS ?negative) (MIN(?date) AS ?first) (MAX(?date) AS ?last)
       (GROUP_CONCAT(DISTINCT STRAFTER(STR(?st), STR(stance:)); separator=" ") AS ?stances)
       (GROUP_CONCAT(STR(?s); separator=" ") AS ?evidence)
WHERE {{
  {{ SELECT ?s ?x WHERE {{ GRAPH ?q {{ ?s sg:target ?x }} }} }}
  {statements}
}}
GROUP BY ?a ?x
"""
AIMED = """
SELECT ?a ?x ?polarity (COUNT(DISTINCT ?window) AS ?weight)
WHERE {{
  {{ SELECT ?s ?x WHERE {{ GRAPH ?q {{ ?s sg:target ?x }} }} }}
  {statements}
}}
GROUP BY ?a ?x ?polarity
"""
ACTORS = """
SELECT ?n ?id (MIN(?label) AS ?name) (GROUP_CONCAT(DISTINCT STR(?cls); separator=" ") AS ?classes) WHERE {
  { SELECT DISTINCT ?n ?id WHERE { GRAPH ?g { ?n sg:actorId ?id } } }
  OPTIONAL { SELECT DISTINCT ?n ?label WHERE { GRAPH ?h { ?n a sg:Actor ; rdfs:label ?label } } }
  OPTIONAL { SELECT DISTINCT ?n ?cls WHERE { GRAPH ?k { ?n a ?cls } } }
}
GROUP BY ?n ?id
"""
TOPICS = """
SELECT ?n (MIN(?label) AS ?name) WHERE { { SELECT DISTINCT ?n ?label WHERE { GRAPH ?g { ?n skos:prefLabel ?label } } } }
GROUP BY ?n
"""


def _check(duplicates: str) -> None:
    if duplicates not in DUPLICATES:
        raise InputError(f"unknown duplicates setting '{duplicates}'", fix="use one of " + ", ".join(DUPLICATES))


def query_rows(store: StanceStore, text: str) -> list[dict[str, Any]]:
    """The rows of a query, their terms as plain values."""
    return [{k: to_python(v) for k, v in row.items()} for row in run_query(store, text).rows]


def statements(filters: Filters, duplicates: str) -> str:
    """The graph pattern of the statements ``filters`` keep, each with the ``?window`` it counts once in."""
    _check(duplicates)
    return _STATEMENTS.format(filters=filters.clauses(), window=WINDOW[duplicates])


def integer(value: Any) -> int:
    return int(value or 0)


def date(value: Any) -> str:
    return str(value) if value else ""


def _words(value: Any, sep: str = " ") -> str:
    return sep.join(sorted(set(str(value or "").split())))


def edge_attributes(row: dict[str, Any], *counts: str) -> dict[str, Any]:
    """An aggregated edge's attributes from its SPARQL row: weight, statements, the named counts, stances,
    first and last date, evidence."""
    return {
        "weight": integer(row["weight"]),
        "statements": integer(row["statements"]),
        **{name: integer(row[name]) for name in counts},
        "stances": _words(row["stances"]).replace(" ", ", "),
        "first": date(row["first"]),
        "last": date(row["last"]),
        "evidence": _words(row["evidence"]),
    }


def new_graph(graph: nx.Graph, network: str, filters: Filters, duplicates: str) -> nx.Graph:
    graph.graph.update(network=network, filters=filters.describe(), duplicates=duplicates)
    return graph


def names(store: StanceStore) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """Every stored actor's id, label and classes, and every topic's label, by IRI."""
    return {row["n"]: row for row in query_rows(store, ACTORS)}, {row["n"]: row for row in query_rows(store, TOPICS)}


def actor_label(row: dict[str, Any], default: str) -> str:
    return str(row.get("name") or row.get("id") or default)


def add_nodes(graph: nx.Graph, actors: dict[str, dict[str, Any]], topics: dict[str, dict[str, Any]]) -> None:
    """Labels, ids and types of the graph's nodes (from :func:`names`)."""
    for node in graph.nodes:
        attrs = graph.nodes[node]
        if node in topics:
            attrs.update(kind="topic", label=str(topics[node]["name"] or node))
            continue
        row = actors.get(node, {})
        attrs.update(
            kind="actor",
            label=actor_label(row, node),
            actor_id=str(row.get("id") or node.rsplit("/", 1)[-1]),
            actor_type=actor_type_of(str(row.get("classes") or "").split()),
        )
        attrs.setdefault("statements", 0)


def node_activity(graph: nx.Graph, edges: Iterable[tuple[str, dict[str, Any]]]) -> None:
    """Each node's statements and first and last date, summed over the aggregated edges it is the doer of."""
    for node, edge in edges:
        attrs = graph.nodes[node]
        attrs["statements"] = attrs.get("statements", 0) + edge["statements"]
        for key, pick in (("first", min), ("last", max)):
            dates = [d for d in (attrs.get(key, ""), edge[key]) if d]
            attrs[key] = pick(dates) if dates else ""


def drop_light(graph: nx.Graph, min_weight: float) -> nx.Graph:
    if min_weight:
        light = [e for e in graph.edges(keys=True, data="weight") if abs(e[-1]) < min_weight] if graph.is_multigraph() \
            else [e for e in graph.edges(data="weight") if abs(e[-1]) < min_weight]
        graph.remove_edges_from([e[:-1] for e in light])
        graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
    return graph
