"""Networks of the stored stances, as networkx graphs, built from the store through SPARQL.

- :func:`stance_network`: the signed actor–topic network, one edge per actor, topic and polarity;
- :func:`actor_network`: actors tied by their stances on the same topics, in the manner of the Discourse Network
  Analyzer: ``congruence`` (the same polarity), ``conflict`` (opposite polarities), ``subtract`` (the first minus
  the second), with the normalisations ``none``, ``average``, ``jaccard`` and ``cosine``;
- :func:`target_network`: the directed network of stances aimed at other actors.

Every edge is aggregated: its ``weight`` counts statements once per document (or per month, year, or
statement: ``duplicates``), and it carries the ids of its evidence, which :func:`evidence` turns into sentences.
Node ids are the actors' and topics' IRIs. The SPARQL does the counting; Python only pairs actors up.

An actor's stances as a vector over (topic, polarity), each entry the number of windows (documents, months,
years or statements) in which it took that polarity on that topic: congruence is the dot product of two actors'
vectors, conflict the dot product with the other's +1 and -1 entries swapped. Normalised, as in the Discourse
Network Analyzer: ``average`` divides by the mean of the two actors' activity (the sums of their vectors),
``jaccard`` by ``|a|² + |b|² - w`` (the Jaccard index for 0/1 vectors, Tanimoto's for counts), ``cosine`` by
``|a| |b|``.

>>> from stancegraph.graph.store import open_store
>>> from stancegraph.graph.synthetic import synthetic_corpus
>>> from stancegraph.graph.writer import write_document
>>> store = open_store(None)
>>> for doc, triples in synthetic_corpus(40, actors=4, topics=3, seed=1):
...     _ = write_document(store, doc, triples, extractor="x", pipeline="p")
>>> g = stance_network(store)
>>> sum(d["statements"] for _, _, d in g.edges(data=True))
40
>>> sorted({d["kind"] for _, d in g.nodes(data=True)})
['actor', 'topic']
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef

from stancegraph.errors import InputError
from stancegraph.model import ACTOR_TYPES, Stance

from .namespaces import SG, STANCE
from .query import run_query
from .remote import sparql_term
from .store import StanceStore
from .writer import actor_iri, topic_iri

__all__ = [
    "DUPLICATES",
    "KINDS",
    "NETWORKS",
    "NORMALIZATIONS",
    "Filters",
    "actor_network",
    "build_network",
    "evidence",
    "stance_network",
    "target_network",
]

NETWORKS = ("stance", "congruence", "conflict", "subtract", "actors")
KINDS = ("congruence", "conflict", "subtract")
NORMALIZATIONS = ("none", "average", "jaccard", "cosine")
DUPLICATES = ("document", "month", "year", "statement")

_CLASSES = {
    "state": SG.State,
    "organization": SG.Organization,
    "person": SG.Person,
    "group": SG.Group,
    "other": SG.OtherActor,
}
_TYPE_OF_CLASS = {str(cls): name for name, cls in _CLASSES.items()}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class Filters:
    """Which statements a network is built from, and which edges it keeps.

    ``actors`` are actor ids (``"RUS"``), ``actor_types`` among state, organization, person, group, other,
    ``topics`` topic labels (any case), ``stances`` stance types; ``date_from`` and ``date_to`` are ISO dates
    (``2014``, ``2014-03`` or ``2014-03-01``, both ends included) on the document's date, and keep only
    documents that have one. ``min_weight`` drops lighter edges (by absolute weight), then the nodes left alone.
    """

    actors: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    min_weight: float = 0.0

    def __post_init__(self) -> None:
        for t in self.actor_types:
            if t not in ACTOR_TYPES:
                raise InputError(f"unknown actor type '{t}'", fix="use one of " + ", ".join(ACTOR_TYPES))
        for s in self.stances:
            if s.strip().lower() not in {x.value for x in Stance}:
                raise InputError(f"unknown stance '{s}'", fix="use one of " + ", ".join(x.value for x in Stance))
        for d in (self.date_from, self.date_to):
            if d is not None and not _DATE.fullmatch(d):
                raise InputError(f"'{d}' is not a date", fix="write YYYY, YYYY-MM or YYYY-MM-DD")

    def describe(self) -> str:
        """The filters in one line, for a graph's attributes and a view's heading."""
        parts = []
        for name, values in (("actors", self.actors), ("actor types", self.actor_types),
                             ("topics", self.topics), ("stances", self.stances)):
            if values:
                parts.append(f"{name}: {', '.join(values)}")
        if self.date_from or self.date_to:
            parts.append(f"dates: {self.date_from or '…'} to {self.date_to or '…'}")
        if self.min_weight:
            parts.append(f"minimum weight: {self.min_weight:g}")
        return "; ".join(parts) or "none"

    def clauses(self) -> str:
        """SPARQL restricting ``?a`` (actor), ``?t`` (topic), ``?st`` (stance) and ``?date``: the values are
        minted IRIs, stance concepts and checked dates, each written as a term, so none can change the query."""
        out = []
        if self.actors:
            out.append("VALUES ?a { " + " ".join(sparql_term(actor_iri(a.strip())) for a in self.actors) + " }")
        if self.actor_types:
            classes = " ".join(sparql_term(_CLASSES[t]) for t in self.actor_types)
            out.append(f"{{ SELECT DISTINCT ?a WHERE {{ VALUES ?cls {{ {classes} }} GRAPH ?tg {{ ?a a ?cls }} }} }}")
        if self.topics:
            out.append("VALUES ?t { " + " ".join(sparql_term(topic_iri(t)) for t in self.topics) + " }")
        if self.stances:
            out.append("VALUES ?st { " + " ".join(sparql_term(STANCE[s.strip().lower()]) for s in self.stances) + " }")
        if self.date_from:
            out.append(f"FILTER(BOUND(?date) && SUBSTR(STR(?date), 1, {len(self.date_from)}) >= "
                       f"{sparql_term(Literal(self.date_from))})")
        if self.date_to:
            out.append(f"FILTER(BOUND(?date) && SUBSTR(STR(?date), 1, {len(self.date_to)}) <= "
                       f"{sparql_term(Literal(self.date_to))})")
        return "\n  ".join(out)


# One row per statement's (actor, topic, polarity) group, with the counts the three networks need. Each property
# is scanned once and joined by statement, not looked up once per statement.
_WINDOW = {
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
_EDGES = """
SELECT ?a ?t ?polarity (COUNT(?s) AS ?statements) (COUNT(DISTINCT ?g) AS ?documents)
       (COUNT(DISTINCT ?window) AS ?weight) (MIN(?date) AS ?first) (MAX(?date) AS ?last)
       (GROUP_CONCAT(DISTINCT STRAFTER(STR(?st), STR(stance:)); separator=" ") AS ?stances)
       (GROUP_CONCAT(STR(?s); separator=" ") AS ?evidence)
WHERE {{ {statements} }}
GROUP BY ?a ?t ?polarity
"""
_TARGETS = """
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
_AIMED = """
SELECT ?a ?x ?polarity (COUNT(DISTINCT ?window) AS ?weight)
WHERE {{
  {{ SELECT ?s ?x WHERE {{ GRAPH ?q {{ ?s sg:target ?x }} }} }}
  {statements}
}}
GROUP BY ?a ?x ?polarity
"""
_AIMED_TOPIC = "aimed-at:"
_ACTORS = """
SELECT ?n ?id (MIN(?label) AS ?name) (GROUP_CONCAT(DISTINCT STR(?cls); separator=" ") AS ?classes) WHERE {
  { SELECT DISTINCT ?n ?id WHERE { GRAPH ?g { ?n sg:actorId ?id } } }
  OPTIONAL { SELECT DISTINCT ?n ?label WHERE { GRAPH ?h { ?n a sg:Actor ; rdfs:label ?label } } }
  OPTIONAL { SELECT DISTINCT ?n ?cls WHERE { GRAPH ?k { ?n a ?cls } } }
}
GROUP BY ?n ?id
"""
_TOPICS = """
SELECT ?n (MIN(?label) AS ?name) WHERE { { SELECT DISTINCT ?n ?label WHERE { GRAPH ?g { ?n skos:prefLabel ?label } } } }
GROUP BY ?n
"""
_EVIDENCE = """
SELECT ?s ?sentence ?doc ?date ?source ?stance ?polarity ?actor ?topic WHERE {{
  VALUES ?s {{ {ids} }}
  GRAPH ?g {{
    ?s sg:sentence ?sentence ; sg:stance ?st ; sg:polarity ?polarity ; sg:actor ?a ; sg:topic ?t ;
       prov:wasDerivedFrom ?d .
    ?d sg:docId ?doc .
    OPTIONAL {{ ?d dcterms:date ?date }}
    OPTIONAL {{ ?d dcterms:source ?source }}
    OPTIONAL {{ ?a rdfs:label ?actor }}
    OPTIONAL {{ ?t skos:prefLabel ?topic }}
  }}
  BIND(STRAFTER(STR(?st), STR(stance:)) AS ?stance)
}}
"""


def _check(duplicates: str) -> None:
    if duplicates not in DUPLICATES:
        raise InputError(f"unknown duplicates setting '{duplicates}'", fix="use one of " + ", ".join(DUPLICATES))


def _rows(store: StanceStore, text: str) -> list[dict[str, Any]]:
    result = run_query(store, text)
    return [{k: (v.toPython() if isinstance(v, Literal) else (str(v) if v is not None else None))
             for k, v in row.items()} for row in result.rows]


def _statements(filters: Filters, duplicates: str) -> str:
    _check(duplicates)
    return _STATEMENTS.format(filters=filters.clauses(), window=_WINDOW[duplicates])


def _int(value: Any) -> int:
    return int(value or 0)


def _date(value: Any) -> str:
    return str(value) if value else ""


def _words(value: Any, sep: str = " ") -> str:
    return sep.join(sorted(set(str(value or "").split())))


def _edge(row: dict[str, Any], *counts: str) -> dict[str, Any]:
    """An aggregated edge's attributes from its SPARQL row: weight, statements, the named counts, stances,
    first and last date, evidence."""
    return {
        "weight": _int(row["weight"]),
        "statements": _int(row["statements"]),
        **{name: _int(row[name]) for name in counts},
        "stances": _words(row["stances"]).replace(" ", ", "),
        "first": _date(row["first"]),
        "last": _date(row["last"]),
        "evidence": _words(row["evidence"]),
    }


def _new_graph(graph: nx.Graph, network: str, filters: Filters, duplicates: str) -> nx.Graph:
    graph.graph.update(network=network, filters=filters.describe(), duplicates=duplicates)
    return graph


def _names(store: StanceStore) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """Every stored actor's id, label and classes, and every topic's label, by IRI."""
    return {row["n"]: row for row in _rows(store, _ACTORS)}, {row["n"]: row for row in _rows(store, _TOPICS)}


def _actor_label(row: dict[str, Any], default: str) -> str:
    return str(row.get("name") or row.get("id") or default)


def _add_nodes(graph: nx.Graph, actors: dict[str, dict[str, Any]], topics: dict[str, dict[str, Any]]) -> None:
    """Labels, ids and types of the graph's nodes (from :func:`_names`)."""
    for node in graph.nodes:
        attrs = graph.nodes[node]
        if node in topics:
            attrs.update(kind="topic", label=str(topics[node]["name"] or node))
            continue
        row = actors.get(node, {})
        classes = [c for c in str(row.get("classes") or "").split() if c in _TYPE_OF_CLASS]
        attrs.update(
            kind="actor",
            label=_actor_label(row, node),
            actor_id=str(row.get("id") or node.rsplit("/", 1)[-1]),
            actor_type=_TYPE_OF_CLASS[min(classes)] if classes else "other",
        )
        attrs.setdefault("statements", 0)


def _node_activity(graph: nx.Graph, edges: Iterable[tuple[str, dict[str, Any]]]) -> None:
    """Each node's statements and first and last date, summed over the aggregated edges it is the doer of."""
    for node, edge in edges:
        attrs = graph.nodes[node]
        attrs["statements"] = attrs.get("statements", 0) + edge["statements"]
        for key, pick in (("first", min), ("last", max)):
            dates = [d for d in (attrs.get(key, ""), edge[key]) if d]
            attrs[key] = pick(dates) if dates else ""


def _drop_light(graph: nx.Graph, min_weight: float) -> nx.Graph:
    if min_weight:
        light = [e for e in graph.edges(keys=True, data="weight") if abs(e[-1]) < min_weight] if graph.is_multigraph() \
            else [e for e in graph.edges(data="weight") if abs(e[-1]) < min_weight]
        graph.remove_edges_from([e[:-1] for e in light])
        graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
    return graph


def stance_network(store: StanceStore, filters: Filters = Filters(), duplicates: str = "document") -> nx.MultiDiGraph:
    """The signed actor–topic network: one edge actor -> topic per polarity (the edge key), aggregated.

    Edge attributes: ``polarity``, ``weight`` (statements counted once per ``duplicates`` window),
    ``statements``, ``documents``, ``stances``, ``first``, ``last``, ``evidence`` (statement ids).
    """
    graph = _new_graph(nx.MultiDiGraph(), "stance", filters, duplicates)
    rows = _rows(store, _EDGES.format(statements=_statements(filters, duplicates)))
    edges = []
    for row in sorted(rows, key=lambda r: (r["a"], r["t"], r["polarity"])):
        edge = {"polarity": int(row["polarity"]), **_edge(row, "documents")}
        graph.add_edge(row["a"], row["t"], key=edge["polarity"], **edge)
        edges.append((row["a"], edge))
        edges.append((row["t"], edge))
    _add_nodes(graph, *_names(store))
    _node_activity(graph, edges)
    return _drop_light(graph, filters.min_weight)


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
    if kind not in KINDS:
        raise InputError(f"unknown actor network '{kind}'", fix="use one of " + ", ".join(KINDS))
    if normalization not in NORMALIZATIONS:
        raise InputError(f"unknown normalisation '{normalization}'", fix="use one of " + ", ".join(NORMALIZATIONS))
    graph = _new_graph(nx.Graph(), kind, filters, duplicates)
    graph.graph["normalization"] = normalization
    rows = _rows(store, _EDGES.format(statements=_statements(filters, duplicates)))
    vectors: dict[str, dict[tuple[str, int], int]] = defaultdict(dict)
    activity: dict[str, dict[str, Any]] = defaultdict(lambda: {"statements": 0, "first": "", "last": ""})
    for row in rows:
        vectors[row["a"]][(row["t"], int(row["polarity"]))] = _int(row["weight"])
        acc = activity[row["a"]]
        acc["statements"] += _int(row["statements"])
        for key, pick in (("first", min), ("last", max)):
            dates = [d for d in (acc[key], _date(row[key])) if d]
            acc[key] = pick(dates) if dates else ""
    conduct: dict[str, str] = {}  # the pseudo-topic "stances aimed at X" of each target X
    if aimed:
        for row in _rows(store, _AIMED.format(statements=_statements(filters, duplicates))):
            if row["a"] == row["x"] or int(row["polarity"]) >= 0:
                continue  # a positive stance aimed at an actor is mostly a demand of it, not support for it
            topic = conduct.setdefault(row["x"], _AIMED_TOPIC + row["x"])
            vectors[row["a"]][(topic, int(row["polarity"]))] = _int(row["weight"])
            vectors[row["x"]][(topic, 1)] = 1  # the target stands by its own conduct
    for actor in vectors:
        graph.add_node(actor, **activity.get(actor, {"statements": 0, "first": "", "last": ""}))
    ties = _ties(vectors, normalization)
    topic_ids = {t for ts in ties.values() for part in ts.values() for t in part[1]}
    actors, topics = _names(store)
    labels = {t: str(topics[t]["name"]) for t in topic_ids if t in topics}
    labels.update({topic: f"stances aimed at {_actor_label(actors.get(x, {}), x)}" for x, topic in conduct.items()})
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
        graph.add_edge(a, b, weight=round(weight, 6), kind=kind, sign=-1 if weight < 0 else 1,
                       topics="; ".join(sorted(labels.get(t, t) for t in topics)))
    _add_nodes(graph, actors, topics)
    return _drop_light(graph, filters.min_weight)


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


def target_network(store: StanceStore, filters: Filters = Filters(), duplicates: str = "document") -> nx.DiGraph:
    """Stances aimed at other actors: an edge actor -> target, aggregated over topics.

    Edge attributes: ``weight``, ``statements``, ``positive``, ``neutral``, ``negative``, ``stances``,
    ``first``, ``last``, ``evidence``.
    """
    graph = _new_graph(nx.DiGraph(), "actors", filters, duplicates)
    rows = _rows(store, _TARGETS.format(statements=_statements(filters, duplicates)))
    edges = []
    for row in sorted(rows, key=lambda r: (r["a"], r["x"])):
        if row["a"] == row["x"]:
            continue
        edge = _edge(row, "positive", "neutral", "negative")
        graph.add_edge(row["a"], row["x"], **edge)
        edges.append((row["a"], edge))
    for node in graph.nodes:
        graph.nodes[node].update(statements=0, first="", last="")
    _add_nodes(graph, *_names(store))
    _node_activity(graph, edges)
    return _drop_light(graph, filters.min_weight)


def evidence(store: StanceStore, statement_ids: Iterable[str], *, batch: int = 500) -> dict[str, dict[str, Any]]:
    """The sentence, document, date, source, stance, polarity, actor and topic of each statement id."""
    ids: Sequence[str] = sorted(set(statement_ids))
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), batch):
        chunk = " ".join(sparql_term(URIRef(i)) for i in ids[start : start + batch])
        for row in _rows(store, _EVIDENCE.format(ids=chunk)):
            out.setdefault(row.pop("s"), row)
    return out


def build_network(
    store: StanceStore,
    name: str = "stance",
    *,
    normalization: str | None = "none",
    duplicates: str = "document",
    filters: Filters = Filters(),
) -> nx.Graph:
    """The network called ``name`` (one of ``NETWORKS``; ``actors`` is the target network).

    ``normalization`` applies to the actor networks (congruence, conflict, subtract) only: giving another one
    for the stance or target network is an error, not silently ignored.
    """
    if name not in NETWORKS:
        raise InputError(f"unknown network '{name}'", fix="use one of " + ", ".join(NETWORKS))
    if name in KINDS:
        return actor_network(store, name, normalization or "none", duplicates, filters)
    if normalization not in (None, "none"):
        raise InputError(
            f"--normalization {normalization} applies to the congruence, conflict and subtract networks, not to '{name}'",
            fix="leave it out, or choose --network " + ", ".join(KINDS),
        )
    if name == "actors":
        return target_network(store, filters, duplicates)
    return stance_network(store, filters, duplicates)
