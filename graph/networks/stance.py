"""The signed actor–topic network: one edge actor -> topic per polarity, aggregated.

>>> from stancegraph.graph.store import open_store
>>> from stancegraph.graph.readwrite import write_document
>>> from stancegraph.synthetic import synthetic_corpus
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

import networkx as nx

from ..sparql.filters import Filters
from ..store.base import StanceStore
from .aggregate import EDGES, add_nodes, drop_light, edge_attributes, names, new_graph, node_activity, query_rows, statements

__all__ = ["stance_network"]


def stance_network(store: StanceStore, filters: Filters = Filters(), duplicates: str = "document") -> nx.MultiDiGraph:
    """The signed actor–topic network: one edge actor -> topic per polarity (the edge key), aggregated.

    Edge attributes: ``polarity``, ``weight`` (statements counted once per ``duplicates`` window),
    ``statements``, ``documents``, ``stances``, ``first``, ``last``, ``evidence`` (statement ids).
    """
    graph = new_graph(nx.MultiDiGraph(), "stance", filters, duplicates)
    rows = query_rows(store, EDGES.format(statements=statements(filters, duplicates)))
    edges = []
    for row in sorted(rows, key=lambda r: (r["a"], r["t"], r["polarity"])):
        edge = {"polarity": int(row["polarity"]), **edge_attributes(row, "documents")}
        graph.add_edge(row["a"], row["t"], key=edge["polarity"], **edge)
        edges.append((row["a"], edge))
        edges.append((row["t"], edge))
    add_nodes(graph, *names(store))
    node_activity(graph, edges)
    return drop_light(graph, filters.min_weight)
