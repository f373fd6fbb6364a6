"""The directed network of stances aimed at other actors: an edge actor -> target, aggregated over topics."""

from __future__ import annotations

import networkx as nx

from ..sparql.filters import Filters
from ..store.base import StanceStore
from .aggregate import TARGETS, add_nodes, drop_light, edge_attributes, names, new_graph, node_activity, query_rows, statements

__all__ = ["target_network"]


def target_network(store: StanceStore, filters: Filters = Filters(), duplicates: str = "document") -> nx.DiGraph:
    """Stances aimed at other actors: an edge actor -> target, aggregated over topics.

    Edge attributes: ``weight``, ``statements``, ``positive``, ``neutral``, ``negative``, ``stances``,
    ``first``, ``last``, ``evidence``.
    """
    graph = new_graph(nx.DiGraph(), "actors", filters, duplicates)
    rows = query_rows(store, TARGETS.format(statements=statements(filters, duplicates)))
    edges = []
    for row in sorted(rows, key=lambda r: (r["a"], r["x"])):
        if row["a"] == row["x"]:
            continue
        edge = edge_attributes(row, "positive", "neutral", "negative")
        graph.add_edge(row["a"], row["x"], **edge)
        edges.append((row["a"], edge))
    for node in graph.nodes:
        graph.nodes[node].update(statements=0, first="", last="")
    add_nodes(graph, *names(store))
    node_activity(graph, edges)
    return drop_light(graph, filters.min_weight)
