"""Running SPARQL against the store and rendering results; RDF exports."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from stancegraph.errors import QueryError

from .namespaces import PREFIXES
from .store import VOCAB_GRAPH, StanceStore, plain

__all__ = ["RDF_FORMATS", "QueryResult", "export_rdf", "format_result", "run_query"]

RDF_FORMATS = {"turtle": "turtle", "ttl": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


@dataclass
class QueryResult:
    """Variables and rows of a SELECT, the answer of an ASK, or the graph of a CONSTRUCT/DESCRIBE."""

    kind: str
    variables: list[str]
    rows: list[dict[str, Identifier | None]]
    ask: bool | None = None
    graph: Graph | None = None


def _strip_comments(text: str) -> str:
    return re.sub(r"(?m)#[^\n<>\"']*$", "", text)


def _keywords(text: str) -> set[str]:
    """The upper-case words of a SPARQL text outside comments, strings and IRIs."""
    bare = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', " ", text)
    bare = re.sub(r"<[^<>\s]*>", " ", bare)
    bare = re.sub(r"#[^\n]*", " ", bare)
    return {w.upper() for w in re.findall(r"[A-Za-z]+", bare)}


def is_update(text: str) -> bool:
    return bool(_UPDATE.match(_strip_comments(text)))


def check_allowed(text: str, *, allow_service: bool = False, allow_load: bool = False) -> None:
    """Refuse what reaches the network unless the user allowed it: SERVICE (federated queries) and LOAD."""
    words = _keywords(text)
    if "SERVICE" in words and not allow_service:
        raise QueryError(
            "the query uses SERVICE, which sends it to other servers over the network",
            fix="add --allow-service if that is what you want",
        )
    if "LOAD" in words and not allow_load:
        raise QueryError("the update uses LOAD, which fetches data from the network or disk",
                         fix="add --allow-load if that is what you want")


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


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _run_native(native: Any, text: str, bindings: Mapping[str, Identifier]) -> QueryResult:
    """The query run by Oxigraph itself, its answers turned into rdflib terms once per distinct term: the
    same result as through rdflib's API, without its cost per row on large answers."""
    import pyoxigraph as ox
    from oxrdflib._converter import from_ox, to_ox

    result = native.query(
        text,
        prefixes=PREFIXES,
        use_default_graph_as_union=True,
        substitutions={ox.Variable(k): to_ox(v) for k, v in bindings.items()},
    )
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ASK", [], [], ask=bool(result))
    terms: dict[Any, Identifier] = {}

    def term(value: Any) -> Identifier | None:
        if value is None:
            return None
        converted = terms.get(value)
        if converted is None:
            if isinstance(value, ox.Literal) and not value.language and value.datatype.value == _XSD_STRING:
                converted = Literal(value.value)  # a simple literal, as a SPARQL endpoint's answer gives it
            else:
                converted = from_ox(value)  # type: ignore[assignment]
            terms[value] = converted  # type: ignore[assignment]
        return converted

    if isinstance(result, ox.QueryTriples):
        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        for triple in result:
            graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))  # type: ignore[arg-type]
        kind = "DESCRIBE" if re.search(r"\bDESCRIBE\b", _strip_comments(text), re.IGNORECASE) else "CONSTRUCT"
        return QueryResult(kind, [], [], graph=graph)
    variables = [v.value for v in result.variables]
    rows = [{name: term(solution[i]) for i, name in enumerate(variables)} for solution in result]
    return QueryResult("SELECT", variables, rows)


def _bindings(result: Any) -> list[dict[str, Identifier]]:
    return [{str(k): plain(v) for k, v in row.asdict().items()} for row in result]


def _text(value: Identifier | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Literal):
        return str(value)
    if isinstance(value, URIRef):
        return str(value)
    if isinstance(value, BNode):
        return f"_:{value}"
    return str(value)


def _json_term(value: Identifier | None) -> Any:
    if value is None:
        return None
    if isinstance(value, Literal):
        py = value.toPython()
        if isinstance(py, (bool, int, float, str)):
            return py
        return str(value)
    return str(value)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as ``table`` (aligned text), ``csv`` or ``json``."""
    if result.kind == "ASK":
        return json.dumps({"boolean": result.ask}) + "\n" if fmt == "json" else f"{str(result.ask).lower()}\n"
    if result.graph is not None:
        return result.graph.serialize(format="json-ld" if fmt == "json" else "turtle")
    if fmt == "json":
        return json.dumps([{k: _json_term(v) for k, v in row.items()} for row in result.rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_text(row.get(v)) for v in result.variables])
        return buf.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown output format '{fmt}'", fix="use table, csv or json")
    return _table(result)


def _table(result: QueryResult, max_width: int = 60) -> str:
    cells = [[_short(_text(row.get(v)), max_width) for v in result.variables] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells)
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


# Shown escaped in a table: a terminal would act on them (move the cursor, erase lines, set the title) or
# reorder the text around them.
_TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    text = _TERMINAL_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)):
            text = f"{prefix}:{text[len(str(ns)):]}"
            break
    return text if len(text) <= width else text[: width - 1] + "…"


def export_rdf(store: StanceStore, fmt: str, *, include_vocabulary: bool = False) -> str:
    """Serialise the store: ``trig``/``nquads`` keep one named graph per document, ``turtle`` and
    ``jsonld`` give the merged graph."""
    name = RDF_FORMATS.get(fmt)
    if name is None:
        raise QueryError(f"unknown RDF format '{fmt}'", fix="use " + ", ".join(sorted(set(RDF_FORMATS))))
    from rdflib import Dataset

    quads = [q for q in store.quads() if include_vocabulary or q[3] != VOCAB_GRAPH]
    out: Graph
    if name in ("trig", "nquads"):
        out = Dataset()
        graphs = {g: out.graph(g) for g in {q[3] for q in quads}}
        out.addN((s, p, o, graphs[g]) for s, p, o, g in quads)
    else:
        out = Graph()
        out += (q[:3] for q in quads)  # type: ignore[misc]
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    text = out.serialize(format=name)
    if name == "nquads":  # one statement a line: sorted, so that two exports of one store diff cleanly
        text = "".join(sorted(line + "\n" for line in text.split("\n") if line.strip()))
    return text
