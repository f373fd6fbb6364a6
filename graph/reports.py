"""The analyses as tables: what ``stancegraph analyze WHAT`` prints, built from the store.

Each analysis builds its network with ``graph/network.py`` (``change`` reads the stance table instead), runs
the function of ``graph/analysis.py`` on it, and turns the result into rows of plain values, actors shown by
their ids rather than their IRIs.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from stancegraph.errors import InputError

from . import analysis
from .network import NETWORKS, Filters, build_network
from .query import QueryResult, format_result
from .rows import stance_rows
from .signed import signed_ties
from .store import StanceStore
from .writer import topic_iri

__all__ = ["ANALYSES", "DEFAULT_NETWORK", "Table", "analysis_table", "format_table"]

ACTOR_NETWORKS = ("congruence", "conflict", "subtract", "actors")
DEFAULT_NETWORK = {
    "coalitions": "congruence",
    "polarisation": "subtract",
    "balance": "subtract",
    "contested": "stance",
    "active": "stance",
    "central": "congruence",
    "change": "stance",
}
ANALYSES = tuple(DEFAULT_NETWORK)
_ALLOWED = {
    "coalitions": ACTOR_NETWORKS,
    "polarisation": ACTOR_NETWORKS,
    "balance": ACTOR_NETWORKS,
    "contested": ("stance",),
    "active": NETWORKS,
    "central": NETWORKS,
    "change": ("stance",),
}


@dataclass
class Table:
    """An analysis's result: ``columns``, ``rows`` (dicts of plain values) and a one-line ``note`` on what
    was analysed."""

    columns: list[str]
    rows: list[dict[str, Any]]
    note: str = ""
    graph: nx.Graph | None = field(default=None, repr=False)


def analysis_table(
    store: StanceStore,
    what: str,
    *,
    network: str | None = None,
    normalization: str = "none",
    duplicates: str = "document",
    filters: Filters = Filters(),
    seed: int = 0,
    measure: str = "eigenvector",
    by: str = "year",
    limit: int | None = None,
) -> Table:
    """Run the analysis ``what`` (one of ``ANALYSES``) on a network built from the store."""
    if what not in ANALYSES:
        raise InputError(f"unknown analysis '{what}'", fix="use one of " + ", ".join(ANALYSES))
    network = network or DEFAULT_NETWORK[what]
    if network not in _ALLOWED[what]:
        raise InputError(f"'{what}' does not work on the {network} network",
                         fix="use --network " + " or ".join(_ALLOWED[what]))
    if what == "change":
        table = _change(store, filters, by)
    else:
        G = build_network(store, network, normalization=normalization, duplicates=duplicates, filters=filters)
        table = _TABLES[what](G, seed=seed, measure=measure)
        table.graph = G
        table.note = f"{network} network ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges): {table.note}"
    if limit is not None:
        table.rows = table.rows[: max(limit, 0)]
    return table


def _ids(G: nx.Graph, nodes: Any) -> str:
    return ", ".join(sorted(G.nodes[n].get("actor_id", str(n)) for n in nodes))


def _coalitions(G: nx.Graph, *, seed: int, **_: Any) -> Table:
    groups = analysis.coalitions(G, seed=seed)
    ties = signed_ties(G)
    group_of = {n: i for i, g in enumerate(groups, 1) for n in g}
    inside: dict[Any, float] = dict.fromkeys(G.nodes, 0.0)
    across: dict[Any, float] = dict.fromkeys(G.nodes, 0.0)
    for (u, v), w in ties.items():
        side = inside if group_of[u] == group_of[v] else across
        side[u] += w
        side[v] += w
    rows = []
    for i, group in enumerate(groups, 1):
        members = [analysis.actor_row(G, n) | {"inside": inside[n], "across": across[n]} for n in group]
        members.sort(key=lambda r: (-r["statements"], r["actor_id"]))
        rows.extend({"coalition": i, **r} for r in members)
    method = "Louvain" + (", signed modularity" if any(w < 0 for w in ties.values()) else "")
    return Table(["coalition", "actor_id", "actor", "actor_type", "statements", "inside", "across"], rows,
                 f"{len(groups)} coalitions ({method}, seed {seed})")


def _measures(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"measure": k, "value": v} for k, v in result.items()]


def _polarisation(G: nx.Graph, *, seed: int, **_: Any) -> Table:
    result = analysis.polarisation(G, seed=seed)
    return Table(["measure", "value"], _measures(result), "E-I index of the negative tie weight over the coalitions")


def _balance(G: nx.Graph, *, seed: int, **_: Any) -> Table:
    result = analysis.structural_balance(G, seed=seed)
    camps = result.pop("camps")
    for i, camp in enumerate(camps, 1):
        result[f"camp_{i}"] = _ids(G, camp)
    return Table(["measure", "value"], _measures(result), "triangles unweighted, frustration weighted")


def _contested(G: nx.Graph, **_: Any) -> Table:
    rows = [{k: v for k, v in r.items() if k != "node"} for r in analysis.contested_topics(G)]
    return Table(["topic", "supporters", "opponents", "neutral", "statements", "support", "oppose"], rows,
                 f"{len(rows)} topics with both polarities")


def _active(G: nx.Graph, **_: Any) -> Table:
    rows = analysis.most_active(G)
    return Table(["actor_id", "actor", "actor_type", "statements", "neighbours", "strength"], rows,
                 f"{len(rows)} actors by statements")


def _central(G: nx.Graph, *, measure: str, **_: Any) -> Table:
    rows = [r | {measure: r["centrality"]} for r in analysis.most_central(G, measure=measure)]
    columns = ["actor_id", "actor", "actor_type", measure, "strength", "statements"]
    if measure == "degree":
        columns.remove("strength")
    return Table(columns, rows, f"{len(rows)} actors by {measure} centrality")


_TABLES: dict[str, Callable[..., Table]] = {
    "coalitions": _coalitions,
    "polarisation": _polarisation,
    "balance": _balance,
    "contested": _contested,
    "active": _active,
    "central": _central,
}


def _matches(row: dict[str, Any], filters: Filters) -> bool:
    """The filters of a network applied to one stance-table row, as ``Filters.clauses`` applies them in SPARQL."""
    date = str(row.get("date") or "")
    return (
        (not filters.actors or row["actor_id"] in {a.strip() for a in filters.actors})
        and (not filters.actor_types or row["actor_type"] in filters.actor_types)
        and (not filters.topics or topic_iri(row["topic"]) in {topic_iri(t) for t in filters.topics})
        and (not filters.stances or row["stance"] in {s.strip().lower() for s in filters.stances})
        and (not filters.date_from or (bool(date) and date[: len(filters.date_from)] >= filters.date_from))
        and (not filters.date_to or (bool(date) and date[: len(filters.date_to)] <= filters.date_to))
    )


def _change(store: StanceStore, filters: Filters, by: str) -> Table:
    rows = [r for r in stance_rows(store) if _matches(r, filters)]
    changes = analysis.stance_change(rows, by=by, changed_only=not (filters.actors or filters.topics))
    changes = [r for r in changes if r["statements"] >= filters.min_weight]
    pairs = len({(r["actor_id"], r["topic"].casefold()) for r in changes})
    what = "actor-topic pairs" if filters.actors or filters.topics else "actor-topic pairs whose position changed"
    undated = sum(1 for r in rows if analysis.period_of(r.get("date"), by) is None)
    left_out = f" ({undated} without a {by}, left out)" if undated else ""
    return Table(["actor_id", "actor", "topic", "period", "statements", "documents", "positive", "neutral",
                  "negative", "net", "change"], changes, f"{len(rows)} statements{left_out}; {pairs} {what}, by {by}")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value == value else "nan"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def format_table(table: Table, fmt: str = "table") -> str:
    """The rows as ``table`` (aligned, as ``stancegraph query`` prints), ``csv`` or ``json`` (a list of
    objects with the table's columns, numbers as numbers)."""
    if fmt == "json":
        rows = [{c: row.get(c) for c in table.columns} for row in table.rows]
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([_cell(row.get(c)) for c in table.columns] for row in table.rows)
        return buf.getvalue()
    if fmt != "table":
        raise InputError(f"unknown output format '{fmt}'", fix="use table, csv or json")
    cells = [{c: _cell(row.get(c)) for c in table.columns} for row in table.rows]
    return format_result(QueryResult("SELECT", list(table.columns), cells), "table")  # type: ignore[arg-type]
