"""Running SPARQL queries and updates against the store.

A query on an embedded store runs in Oxigraph itself (``_run_native``); on any other store through rdflib. Both
give the same :class:`QueryResult`: rdflib terms, string literals without an explicit ``xsd:string``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import Graph
from rdflib.term import Identifier

from stancegraph.errors import QueryError

from ..rdf.namespaces import PREFIXES
from ..rdf.terms import from_oxigraph, plain, to_oxigraph
from ..store.base import StanceStore
from .guard import check_allowed, is_update, strip_comments

__all__ = ["QueryResult", "run_query", "run_update"]


@dataclass
class QueryResult:
    """Variables and rows of a SELECT, the answer of an ASK, or the graph of a CONSTRUCT/DESCRIBE."""

    kind: str
    variables: list[str]
    rows: list[dict[str, Identifier | None]]
    ask: bool | None = None
    graph: Graph | None = None


def run_update(store: StanceStore, text: str, *, allow_service: bool = False, allow_load: bool = False) -> None:
    """Run a SPARQL update against the store (the caller has opened it for writing)."""
    check_allowed(text, allow_service=allow_service, allow_load=allow_load)
    try:
        store.dataset.update(text, initNs=PREFIXES)
    except SyntaxError as err:
        raise QueryError(f"invalid SPARQL update: {err}", fix="check the update at the position shown") from None
    except (RuntimeError, ValueError, NotImplementedError) as err:
        raise QueryError(f"the update failed: {err}") from None


def run_query(
    store: StanceStore,
    text: str,
    *,
    bindings: Mapping[str, Identifier] | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """Run a read-only SPARQL query; ``bindings`` are bound as RDF terms, never formatted into the text.

    Raises QueryError with the parser's message and position for invalid SPARQL, for updates, and for
    SERVICE unless ``allow_service``.
    """
    if is_update(text):
        raise QueryError(
            "this is a SPARQL update; the query command only reads",
            fix="write a SELECT, ASK, CONSTRUCT or DESCRIBE query, or add --allow-update to change the store",
        )
    check_allowed(text, allow_service=allow_service, allow_load=True)
    try:
        native = store.native
        if native is not None:
            return _run_native(native, text, bindings or {})
        result = store.dataset.query(text, initNs=PREFIXES, initBindings=dict(bindings or {}))
        if result.type == "ASK":
            return QueryResult("ASK", [], [], ask=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult(result.type, [], [], graph=result.graph)
        variables = [str(v) for v in result.vars or []]
        rows = [{v: b.get(v) if hasattr(b, "get") else None for v in variables} for b in _bindings(result)]
        return QueryResult("SELECT", variables, rows)
    except SyntaxError as err:
        raise QueryError(f"invalid SPARQL: {err}", fix="check the query at the position shown") from None
    except (RuntimeError, ValueError, NotImplementedError) as err:
        raise QueryError(f"the query failed: {err}") from None


def _run_native(native: Any, text: str, bindings: Mapping[str, Identifier]) -> QueryResult:
    """The query run by Oxigraph itself, its answers turned into rdflib terms once per distinct term: the
    same result as through rdflib's API, without its cost per row on large answers."""
    import pyoxigraph as ox

    result = native.query(
        text,
        prefixes=PREFIXES,
        use_default_graph_as_union=True,
        substitutions={ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()},
    )
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ASK", [], [], ask=bool(result))
    terms: dict[Any, Identifier] = {}

    def term(value: Any) -> Identifier | None:
        if value is None:
            return None
        converted = terms.get(value)
        if converted is None:
            converted = terms[value] = from_oxigraph(value)  # type: ignore[assignment]
        return converted

    if isinstance(result, ox.QueryTriples):
        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        for triple in result:
            graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))  # type: ignore[arg-type]
        kind = "DESCRIBE" if re.search(r"\bDESCRIBE\b", strip_comments(text), re.IGNORECASE) else "CONSTRUCT"
        return QueryResult(kind, [], [], graph=graph)
    variables = [v.value for v in result.variables]
    rows = [{name: term(solution[i]) for i, name in enumerate(variables)} for solution in result]
    return QueryResult("SELECT", variables, rows)


def _bindings(result: Any) -> list[dict[str, Identifier]]:
    return [{str(k): plain(v) for k, v in row.asdict().items()} for row in result]
