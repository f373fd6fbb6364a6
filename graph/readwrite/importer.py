"""Reading RDF datasets (TriG, N-Quads) into the store, one named graph at a time.

Every file is parsed in full before anything is written, so a bad file changes nothing. Each named graph of the
files replaces the stored graph of the same name, as extracting a document again replaces its graph; graphs not
named in the files stay as they are.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from stancegraph.errors import InputError

from ..rdf.iris import ACTORS_GRAPH, CONCEPTS_GRAPH, VOCAB_GRAPH
from ..store.base import StanceStore, insert_data
from .concepts import refresh_concepts

__all__ = ["IMPORT_FORMATS", "ImportSummary", "import_rdf", "read_dataset", "read_files", "write_graphs"]

# Formats that keep named graphs, by file extension.
IMPORT_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS}
# Formats of one graph: the stancegraph export in them merges the documents, so it cannot be split back.
_SINGLE_GRAPH_FORMATS = {
    ".ttl": "Turtle",
    ".turtle": "Turtle",
    ".nt": "N-Triples",
    ".jsonld": "JSON-LD",
    ".json": "JSON-LD",
    ".rdf": "RDF/XML",
    ".xml": "RDF/XML",
    ".n3": "N3",
}
_RETRY = "nothing was imported"


@dataclass
class ImportSummary:
    files: int = 0
    graphs: int = 0  # named graphs written
    quads: int = 0
    replaced: int = 0  # of those, graphs that were in the store before and were replaced
    skipped_vocabulary: bool = False
    store: str = ""
    names: list[str] = field(default_factory=list)

    def line(self) -> str:
        replaced = f", {self.replaced} of them replaced" if self.replaced else ""
        vocab = "; the vocabulary graph in the file was skipped (the store keeps its own)" if self.skipped_vocabulary else ""
        return (
            f"imported {self.graphs} graph{'s' if self.graphs != 1 else ''}{replaced}, {self.quads} quads "
            f"from {self.files} file{'s' if self.files != 1 else ''}{vocab} -> {self.store}"
        )


def read_dataset(path: str | os.PathLike[str]) -> dict[URIRef, set[tuple[Node, Node, Node]]]:
    """The named graphs of a TriG or N-Quads file, by name; raises InputError, in one line, for anything
    that cannot be imported: another format, a syntax error, a triple outside any named graph."""
    path = Path(path)
    fmt = _format(path)
    if not path.is_file():
        raise InputError(f"{'no such file' if not path.exists() else 'not a file'}: {path}", fix=_RETRY)
    graphs: dict[URIRef, set[tuple[Node, Node, Node]]] = {}
    blank: dict[str, BNode] = {}  # a blank node label names one node within one file only

    def term(node) -> Node:
        if isinstance(node, ox.NamedNode):
            return URIRef(node.value)
        if isinstance(node, ox.BlankNode):
            return blank.setdefault(node.value, BNode())
        if isinstance(node, ox.Literal):
            if node.language:
                return Literal(node.value, lang=node.language, normalize=False)
            return Literal(node.value, datatype=URIRef(node.datatype.value), normalize=False)
        raise InputError(f"RDF 1.2 triple terms are not supported: {_clean(str(node))}", where=str(path), fix=_RETRY)

    outside = 0
    first_outside = ""
    try:
        for quad in ox.parse(path=str(path), format=fmt):
            name = quad.graph_name
            if isinstance(name, ox.DefaultGraph):
                outside += 1
                first_outside = first_outside or str(quad.triple)
                continue
            if isinstance(name, ox.BlankNode):
                raise InputError(
                    "a graph named by a blank node: a stored graph is replaced by name, so it needs an IRI",
                    where=str(path),
                    fix=f"name the graph with an IRI; {_RETRY}",
                )
            graphs.setdefault(URIRef(name.value), set()).add((term(quad.subject), term(quad.predicate), term(quad.object)))
    except SyntaxError as err:
        raise _syntax_error(path, fmt, err) from None
    except (OSError, ValueError) as err:
        raise InputError(f"cannot read {path}: {_clean(str(err))}", fix=_RETRY) from None
    if outside:
        raise InputError(
            f"{outside} triple{'s are' if outside != 1 else ' is'} outside any named graph "
            f"(the first: {_clean(first_outside)})",
            where=str(path),
            fix="stancegraph keeps every triple in a named graph, one per document: put them in a "
            f"GRAPH block (TriG) or give each line a graph name (N-Quads); {_RETRY}",
        )
    return graphs


def read_files(paths: Sequence[str | os.PathLike[str]]) -> dict[URIRef, set[tuple[Node, Node, Node]]]:
    """The named graphs of all the files, merged by name; raises InputError on the first bad file."""
    merged: dict[URIRef, set[tuple[Node, Node, Node]]] = {}
    for path in paths:
        for name, triples in read_dataset(path).items():
            merged.setdefault(name, set()).update(triples)
    return merged


def write_graphs(
    store: StanceStore, graphs: dict[URIRef, set[tuple[Node, Node, Node]]], *, files: int = 1
) -> ImportSummary:
    """Write each graph into the store, replacing a stored graph of the same name; the actors graph is added
    to the store's, which describes the actors of the documents already stored. The vocabulary graph is
    skipped: the store keeps its own; so is the concepts graph: the concepts are made again from the statements
    of the whole store (and its codebook) once the graphs are written."""
    summary = ImportSummary(files=files, store=store.location)
    for name in sorted(graphs):
        if name == VOCAB_GRAPH:
            summary.skipped_vocabulary = True
            continue
        if name == CONCEPTS_GRAPH:
            continue
        if name == ACTORS_GRAPH:  # merged, not replaced: it describes the actors of every stored document
            _add(store, name, graphs[name])
            summary.quads += len(graphs[name])
            continue
        summary.replaced += store.has_graph(name)
        store.replace_graph(name, list(graphs[name]))  # on a server: one request per graph
        summary.graphs += 1
        summary.quads += len(graphs[name])
        summary.names.append(str(name))
    if summary.graphs:
        refresh_concepts(store)
    return summary


def _add(store: StanceStore, name: URIRef, triples: set[tuple[Node, Node, Node]]) -> None:
    """Add triples to a stored graph; blank nodes (which INSERT DATA would rename apart) through rdflib."""
    if any(isinstance(term, BNode) for triple in triples for term in triple):
        store.dataset.addN((s, p, o, name) for s, p, o in triples)  # type: ignore[arg-type]
    else:
        store.update(insert_data(name, triples), quads=len(triples))


def import_rdf(store: StanceStore, paths: Sequence[str | os.PathLike[str]]) -> ImportSummary:
    """Read every file, then write its named graphs into the store: a bad file leaves the store as it was."""
    return write_graphs(store, read_files(paths), files=len(paths))


def _format(path: Path) -> ox.RdfFormat:
    suffix = path.suffix.lower()
    if suffix in IMPORT_FORMATS:
        return IMPORT_FORMATS[suffix]
    if suffix in _SINGLE_GRAPH_FORMATS:
        raise InputError(
            f"{_SINGLE_GRAPH_FORMATS[suffix]} holds one graph, but stancegraph keeps each document in a named "
            "graph of its own and cannot tell which triple belongs to which document",
            where=str(path),
            fix="import a TriG or N-Quads export (stancegraph export --format trig -o FILE.trig)",
        )
    raise InputError(
        f"cannot tell the RDF format of {path} from its extension",
        fix="name a TriG file .trig, an N-Quads file .nq or .nquads",
    )


def _syntax_error(path: Path, fmt: ox.RdfFormat, err: SyntaxError) -> InputError:
    """One line from the parser's error: the file and line, what is wrong, what to do."""
    message = str(err.args[0]) if err.args else str(err)
    reason = message.split(": ", 1)[1] if message.startswith("Parser error") and ": " in message else message
    where = f"{path}:{err.lineno}" if err.lineno else str(path)
    column = f" at column {err.offset}" if err.offset else ""
    return InputError(
        f"not valid {fmt.name}{column}: {_clean(reason)}",
        where=where,
        fix=f"fix the file, or export it again with stancegraph export --format trig; {_RETRY}",
    )


def _clean(text: str, limit: int = 160) -> str:
    """File content shown in a message: printable, on one line, and short."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"

