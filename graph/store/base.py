"""What every store is: an rdflib ``Dataset`` at a location, read and written by named graph.

Every read and write names its graphs, so nothing depends on whether a store's default graph is the union of its
named graphs. A backend (``embedded``, ``remote``) adds how it writes a graph in one transaction and, for an
embedded store, the ``native`` Oxigraph store under it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Dataset, URIRef
from rdflib.term import Node

from ..rdf.iris import is_document_graph
from ..rdf.terms import plain, sparql_term

__all__ = ["Quad", "StanceStore", "Triple", "insert_data", "replace_graph_update"]


Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]

_HAS_GRAPH = "ASK { GRAPH ?g { ?s ?p ?o } }"
_COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


class StanceStore:
    """A graph store: ``dataset`` is the rdflib view of it, ``location`` its folder, ``:memory:`` or URL."""

    def __init__(self, dataset: Dataset, location: str):
        self.dataset = dataset
        self.location = location
        self._closed = False

    def __enter__(self) -> "StanceStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store (a second call does nothing)."""
        if not self._closed:
            self._closed = True
            self.dataset.close()

    def document_graphs(self) -> list[str]:
        return sorted(str(g.identifier) for g in self.dataset.graphs() if is_document_graph(g.identifier))

    def __len__(self) -> int:
        """Number of quads in the named graphs (the documents and the vocabulary)."""
        # Every row read: a result left half-read keeps an embedded store's folder locked until garbage collection.
        [(count,)] = list(self.dataset.query(_COUNT_QUADS))  # type: ignore[misc]
        return int(count.toPython())

    def has_graph(self, graph: URIRef) -> bool:
        return bool(self.dataset.query(_HAS_GRAPH, initBindings={"g": graph}).askAnswer)

    def quads(self) -> Iterator[Quad]:
        """Every quad of the named graphs."""
        for row in self.dataset.query(_ALL_QUADS):
            yield row[0], row[1], plain(row[2]), row[3]  # type: ignore[index,misc]

    def update(self, text: str, *, quads: int = 0) -> None:
        """Run a SPARQL update of about ``quads`` quads as one request: the store applies it whole or not at
        all."""
        self.dataset.update(text)

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make ``triples`` the whole content of the named graph ``graph``, in one update request."""
        triples = list(triples)
        self.update(replace_graph_update(graph, triples), quads=len(triples))

    @property
    def native(self):  # type: ignore[no-untyped-def]
        """The ``pyoxigraph.Store`` under an embedded store, or None."""
        return None


def replace_graph_update(graph: URIRef, triples: Iterable[Triple]) -> str:
    """The SPARQL update that drops a named graph and inserts its new content: one request, applied whole."""
    return f"DROP SILENT GRAPH {sparql_term(graph)} ;\n{insert_data(graph, triples)}"


def insert_data(graph: URIRef, triples: Iterable[Triple]) -> str:
    """The SPARQL update that adds ``triples`` to a named graph (those already there stay once)."""
    name = sparql_term(graph)
    data = "\n".join(f"{sparql_term(s)} {sparql_term(p)} {sparql_term(o)} ." for s, p, o in triples)
    return f"INSERT DATA {{ GRAPH {name} {{\n{data}\n}} }}"
