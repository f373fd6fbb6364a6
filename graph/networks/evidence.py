"""The evidence of a network's edges: the stance-table row of each statement an edge counts.

Every network edge carries the ids of its statements (``evidence``, space-separated); the rows say as much as
the stance table does: sentence, document, date, source, stance, polarity, actor, topic, targets, speaker,
negated, hedged, confidence.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from stancegraph.table import StanceRow

from ..readwrite.rows import statement_rows
from ..store.base import StanceStore

__all__ = ["edge_evidence", "evidence"]


def evidence(store: StanceStore, statement_ids: Iterable[str], *, batch: int = 500) -> dict[str, StanceRow]:
    """The row of each statement id, by id."""
    return statement_rows(store, statement_ids, batch=batch)


def edge_evidence(store: StanceStore, graph: nx.Graph, *, batch: int = 500) -> dict[str, StanceRow]:
    """The row of every statement behind an edge of ``graph`` (its ``evidence`` ids), by id."""
    ids = {i for *_, ev in graph.edges(data="evidence") for i in str(ev or "").split()}
    return evidence(store, ids, batch=batch)
