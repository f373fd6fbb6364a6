"""What the HTML view of a store needs besides the network: the evidence of its edges.

The evidence is :func:`stancegraph.graph.network.evidence` with each statement's flags added (negated, hedged,
confidence, speaker, targets), so that a tooltip says as much as the stance table does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef

from .network import evidence
from .query import run_query
from .remote import sparql_term
from .store import StanceStore

__all__ = ["view_evidence"]

_DETAILS = """
SELECT ?s ?negated ?hedged ?confidence ?speaker ?target WHERE {{
  VALUES ?s {{ {ids} }}
  GRAPH ?g {{
    ?s sg:negated ?negated ; sg:hedged ?hedged ; sg:confidence ?confidence .
    OPTIONAL {{ ?s sg:speaker ?speaker }}
    OPTIONAL {{ ?s sg:target ?x . ?x sg:actorId ?target }}
  }}
}}
"""


def view_evidence(store: StanceStore, graph: nx.Graph, *, batch: int = 500) -> dict[str, dict[str, Any]]:
    """The evidence of every edge of ``graph`` (its ``evidence`` ids), with each statement's flags."""
    ids = sorted({i for *_, ev in graph.edges(data="evidence") for i in str(ev or "").split()})
    found = evidence(store, ids, batch=batch)
    for start in range(0, len(ids), batch):
        for s, flags in _details(store, ids[start : start + batch]).items():
            if s in found:
                found[s].update(flags)
    return found


def _details(store: StanceStore, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    values = " ".join(sparql_term(URIRef(i)) for i in ids)
    out: dict[str, dict[str, Any]] = {}
    for row in run_query(store, _DETAILS.format(ids=values)).rows:
        flags = out.setdefault(str(row["s"]), {"targets": []})
        for name in ("negated", "hedged", "confidence", "speaker"):
            value = row.get(name)
            if value is not None:
                flags[name] = value.toPython() if isinstance(value, Literal) else str(value)
        target = row.get("target")
        if target is not None and str(target) not in flags["targets"]:
            flags["targets"].append(str(target))
    for flags in out.values():
        flags["targets"].sort()
        if "confidence" in flags:  # an xsd:decimal
            flags["confidence"] = float(flags["confidence"])
    return out
