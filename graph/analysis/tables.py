"""The analyses as tables: what ``stancegraph analyze WHAT`` prints, built from the store.

Each analysis builds its network (``stancegraph.graph.networks``; ``change`` reads the stance table instead),
runs its function (``measures``, ``change``) on it, and turns the result into rows of plain values, actors shown
by their ids rather than their IRIs. :data:`ANALYSES` is the registry: adding an analysis is its table function
and an entry there (and its name in ``stancegraph.choices.ANALYSES``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from stancegraph.choices import ACTOR_NETWORKS, ANALYSIS_ALIASES, NETWORKS
from stancegraph.errors import InputError
from stancegraph.table import StanceRow

from ..networks import build_network
from ..readwrite.rows import stance_rows
from ..sparql.filters import Filters
from ..sparql.results import format_result
from ..sparql.run import QueryResult
from ..store.base import StanceStore
from . import measures
from .change import period_of, stance_change
from .signed import signed_ties

__all__ = ["ANALYSES", "Analysis", "Table", "analysis_table", "format_table"]

# The networks whose ties between actors are signed: the actor networks and the target network.
_SIGNED_NETWORKS = (*ACTOR_NETWORKS, "actors")


@dataclass(frozen=True)
class Analysis:
    """An analysis: the network it runs on unless told otherwise, the networks it can run on, and its table.

    ``table`` takes the network (and the options ``seed`` and ``measure``), or with ``from_rows`` the
    stance-table rows the filters keep (and ``filters`` and ``by``).
    """

    name: str
    network: str
    networks: tuple[str, ...]
    table: Callable[..., "Table"]
    from_rows: bool = False


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
    what = ANALYSIS_ALIASES.get(what, what)
    if what not in ANALYSES:
        raise InputError(f"unknown analysis '{what}'", fix="use one of " + ", ".join(ANALYSES))
    analysis = ANALYSES[what]
    network = network or analysis.network
    if network not in analysis.networks:
        raise InputError(f"'{what}' does not work on the {network} network",
                         fix="use --network " + " or ".join(analysis.networks))
    if analysis.from_rows:
        table = analysis.table(list(stance_rows(store, filters)), filters=filters, by=by)
    else:
        G = build_network(store, network, normalization=normalization, duplicates=duplicates, filters=filters)
        table = analysis.table(G, seed=seed, measure=measure)
        table.graph = G
        table.note = f"{network} network ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges): {table.note}"
    if limit is not None:
        table.rows = table.rows[: max(limit, 0)]
    return table


def _ids(G: nx.Graph, nodes: Any) -> str:
    return ", ".join(sorted(G.nodes[n].get("actor_id", str(n)) for n in nodes))


def _coalitions(G: nx.Graph, *, seed: int, **_: Any) -> Table:
    groups = measures.coalitions(G, seed=seed)
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
        members = [measures.actor_row(G, n) | {"inside": inside[n], "across": across[n]} for n in group]
        members.sort(key=lambda r: (-r["statements"], r["actor_id"]))
        rows.extend({"coalition": i, **r} for r in members)
    method = "Louvain" + (", signed modularity" if any(w < 0 for w in ties.values()) else "")
    return Table(["coalition", "actor_id", "actor", "actor_type", "statements", "inside", "across"], rows,
                 f"{len(groups)} coalitions ({method}, seed {seed})")


def _measures(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"measure": k, "value": v} for k, v in result.items()]


def _polarisation(G: nx.Graph, *, seed: int, **_: Any) -> Table:
    result = measures.polarisation(G, seed=seed)
    return Table(["measure", "value"], _measures(result), "E-I index of the negative tie weight over the coalitions")


def _balance(G: nx.Graph, *, seed: int, **_: Any) -> Table:
    result = measures.structural_balance(G, seed=seed)
    camps = result.pop("camps")
    for i, camp in enumerate(camps, 1):
        result[f"camp_{i}"] = _ids(G, camp)
    return Table(["measure", "value"], _measures(result), "triangles unweighted, frustration weighted")


def _contested(G: nx.Graph, **_: Any) -> Table:
    rows = [{k: v for k, v in r.items() if k != "node"} for r in measures.contested_topics(G)]
    return Table(["topic", "supporters", "opponents", "neutral", "statements", "support", "oppose"], rows,
                 f"{len(rows)} topics with both polarities")


def _active(G: nx.Graph, **_: Any) -> Table:
    rows = measures.most_active(G)
    return Table(["actor_id", "actor", "actor_type", "statements", "neighbours", "strength"], rows,
                 f"{len(rows)} actors by statements")


def _central(G: nx.Graph, *, measure: str, **_: Any) -> Table:
    rows = [r | {measure: r["centrality"]} for r in measures.most_central(G, measure=measure)]
    columns = ["actor_id", "actor", "actor_type", measure, "strength", "statements"]
    if measure == "degree":
        columns.remove("strength")
    return Table(columns, rows, f"{len(rows)} actors by {measure} centrality")


def _change(rows: list[StanceRow], *, filters: Filters, by: str) -> Table:
    changes = stance_change(rows, by=by, changed_only=not (filters.actors or filters.topics))
    changes = [r for r in changes if r["statements"] >= filters.min_weight]
    pairs = len({(r["actor_id"], r["topic"].casefold()) for r in changes})
    what = "actor-topic pairs" if filters.actors or filters.topics else "actor-topic pairs whose position changed"
    undated = sum(1 for r in rows if period_of(r.get("date"), by) is None)
    left_out = f" ({undated} without a {by}, left out)" if undated else ""
    return Table(["actor_id", "actor", "topic", "period", "statements", "documents", "positive", "neutral",
                  "negative", "net", "change"], changes, f"{len(rows)} statements{left_out}; {pairs} {what}, by {by}")


#: Every analysis, by name.
ANALYSES: dict[str, Analysis] = {
    a.name: a
    for a in (
        Analysis("coalitions", "congruence", _SIGNED_NETWORKS, _coalitions),
        Analysis("polarisation", "subtract", _SIGNED_NETWORKS, _polarisation),
        Analysis("balance", "subtract", _SIGNED_NETWORKS, _balance),
        Analysis("contested", "stance", ("stance",), _contested),
        Analysis("active", "stance", NETWORKS, _active),
        Analysis("central", "congruence", NETWORKS, _central),
        Analysis("change", "stance", ("stance",), _change, from_rows=True),
    )
}


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
