"""Checking the stored data against the SHACL shapes of ``rdf/shapes.ttl``.

The data checked is the union of every graph in the store but the vocabulary: what a SPARQL query without
``GRAPH`` sees. Each document graph repeats the actors and topics it uses; the union holds each triple once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from ..rdf.iris import VOCAB_GRAPH
from ..rdf.namespaces import PREFIXES, RDF, XSD
from ..rdf.vocabulary import shapes, vocabulary
from ..store.base import StanceStore

__all__ = ["ValidationReport", "Violation", "data_graph", "shapes", "validate", "validate_graph"]


@dataclass(frozen=True)
class Violation:
    """One failed check: the node at fault, the property (if the check is on one), what is wrong, and the
    offending value (if there is one)."""

    focus: str
    path: str | None
    message: str
    value: str | None = None
    severity: str = "Violation"

    def line(self) -> str:
        where = f"{self.focus}  {self.path}" if self.path else self.focus
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """The outcome of ``validate``: whether the data conforms, and every violation found."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0

    def format_text(self, limit: int = 20) -> str:
        """``conforms``, or the first ``limit`` violations, one a line, and how many there are in all."""
        if self.conforms:
            return f"conforms ({self.triples} triples checked in {self.seconds:.1f} s)\n"
        n = len(self.violations)
        lines = [f"does not conform: {n} violation{'s' if n != 1 else ''}"]
        lines += ["  " + v.line() for v in self.violations[:limit]]
        if n > limit:
            lines.append(f"  ... and {n - limit} more")
        return "\n".join(lines) + "\n"


def data_graph(store: StanceStore) -> Graph:
    """The union of every graph in the store but the vocabulary, each triple once, in memory."""
    graph = Graph()
    graph.addN(
        (s, p, o, graph)
        for s, p, o, g in store.quads()
        if g != VOCAB_GRAPH
    )
    return graph


def validate(store: StanceStore) -> ValidationReport:
    """Check the store's data (every graph but the vocabulary, merged) against the shapes."""
    start = time.perf_counter()
    report = validate_graph(data_graph(store), copy=False)
    report.seconds = time.perf_counter() - start
    return report


def validate_graph(graph: Graph, *, copy: bool = True) -> ValidationReport:
    """Check a graph of stancegraph data against the shapes; ``copy=False`` lets the check add the
    vocabulary to ``graph`` itself, which saves a copy of a large graph.

    The vocabulary is added so that subclasses count as their superclass (an ``sg:State`` is an
    ``sg:Actor``); no RDFS inference runs, as the vocabulary's ranges would satisfy every class check.
    """
    import pyshacl

    start = time.perf_counter()
    triples = len(graph)
    conforms, results, _ = pyshacl.validate(
        graph,
        shacl_graph=shapes(),
        ont_graph=vocabulary(),
        inference="none",
        inplace=not copy,
    )
    # One problem can fail several constraints with the same message (a string polarity fails its datatype
    # and both bounds): each is listed once.
    violations = sorted(
        set(_violations(results, graph)), key=lambda v: (v.message, v.focus, v.path or "", v.value or "")
    )
    return ValidationReport(bool(conforms), violations, triples, time.perf_counter() - start)


def _violations(results: Graph, data: Graph) -> list[Violation]:
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        out.append(
            Violation(
                focus=_describe(focus, data),
                path=_path(path, results) if path is not None else None,
                message=str(message) if message is not None else "fails " + _short(results.value(result, SH.sourceShape)),
                value=_short(value) if value is not None and value != focus else None,
                severity=_short(severity).rsplit(":", 1)[-1] if severity is not None else "Violation",
            )
        )
    return out


def _printable(text: str) -> str:
    """Text from the data, fit for a terminal: control characters escaped, on one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in " ".join(text.split()))


def _short(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, Literal):
        text = _printable(str(node))
        text = text if len(text) <= 60 else text[:59] + "…"
        if node.language:
            return f'"{text}"@{node.language}'
        plain = node.datatype is None or node.datatype == XSD.string
        return f'"{text}"' if plain else f'"{text}"^^{_short(node.datatype)}'
    if isinstance(node, BNode):
        return f"_:{node}"
    text = _printable(str(node))
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    if text.startswith(str(SH)):
        return "sh:" + text[len(str(SH)):]
    return f"<{text}>"


def _describe(node: Node | None, data: Graph) -> str:
    """A node as a reader finds it: prefixed name, or for a blank node a triple it is in."""
    if not isinstance(node, BNode):
        return _short(node)
    for s, p in data.subject_predicates(node):
        return f"blank node _:{node} (object of {_short(s)} {_short(p)})"
    for p, o in data.predicate_objects(node):
        return f"blank node _:{node} (subject of {_short(p)} {_short(o)})"
    return f"blank node _:{node}"


def _path(path: Node, results: Graph) -> str:
    """A property path: a property, or the alternatives of an ``sh:alternativePath``."""
    if isinstance(path, URIRef):
        return _short(path)
    alternatives = results.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_short(p) for p in results.items(alternatives))
    return _short(path)
