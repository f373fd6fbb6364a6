"""The store as RDF files: TriG and N-Quads keep one named graph per document (written by Oxigraph, in a stable
order, so that two exports of one store diff cleanly); Turtle and JSON-LD merge them (written by rdflib)."""

from __future__ import annotations

from rdflib import Graph

from stancegraph.errors import QueryError

from ..rdf.iris import VOCAB_GRAPH
from ..rdf.namespaces import PREFIXES
from ..rdf.terms import oxigraph_quad
from ..store.base import StanceStore

__all__ = ["RDF_FORMATS", "export_rdf"]

RDF_FORMATS = {"turtle": "turtle", "ttl": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


def export_rdf(store: StanceStore, fmt: str, *, include_vocabulary: bool = False) -> str:
    """Serialise the store: ``trig``/``nquads`` keep one named graph per document, ``turtle`` and
    ``jsonld`` give the merged graph."""
    name = RDF_FORMATS.get(fmt)
    if name is None:
        raise QueryError(f"unknown RDF format '{fmt}'", fix="use " + ", ".join(sorted(set(RDF_FORMATS))))
    quads = [q for q in store.quads() if include_vocabulary or q[3] != VOCAB_GRAPH]
    if name in ("trig", "nquads"):
        import pyoxigraph as ox

        ordered = sorted((oxigraph_quad(q) for q in quads), key=lambda q: (str(q.graph_name), str(q.subject),
                                                                          str(q.predicate), str(q.object)))
        if name == "trig":
            # minted IRIs are written whole: as prefixed names their slashes would need escaping (sgid:actor\/RUS)
            prefixes = {name: iri for name, iri in PREFIXES.items() if name != "sgid"}
            return ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=prefixes).decode("utf-8")
        text = ox.serialize(ordered, format=ox.RdfFormat.N_QUADS).decode("utf-8")
        return "".join(sorted(line + "\n" for line in text.split("\n") if line.strip()))  # one statement a line
    out = Graph()
    out += (q[:3] for q in quads)  # type: ignore[misc]
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    return out.serialize(format=name)
