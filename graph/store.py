"""The store: an rdflib ``Dataset`` with one named graph per document and the vocabulary in a graph of its own.

Three kinds, one API: an embedded Oxigraph store in a folder (the default) or in memory, and a remote SPARQL 1.1
server (see ``graph/remote.py``). Every read and write names its graphs, so nothing depends on whether a store's
default graph is the union of its named graphs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from stancegraph.errors import StoreError, no_room

from .namespaces import GRAPH, PREFIXES, XSD

__all__ = [
    "DEFAULT_STORE",
    "MEMORY",
    "VOCAB_GRAPH",
    "StanceStore",
    "is_remote",
    "open_store",
    "plain",
    "vocabulary",
]

DEFAULT_STORE = "stancegraph.db"
MEMORY = ":memory:"
VOCAB_GRAPH = GRAPH["vocab"]
# Files RocksDB (under Oxigraph) keeps in every store folder.
_STORE_MARKERS = ("CURRENT", "IDENTITY")

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]

# An embedded store writes its memory buffers to disk after this many quads. RocksDB under Oxigraph flushes by
# itself only when a buffer is full, and a full set of buffers (one per index) takes ~0.6 GB: without this, the
# memory of a long extraction grew with the corpus until then (~60 MB per 67,000 quads).
FLUSH_QUADS = 20_000

_HAS_GRAPH = "ASK { GRAPH ?g { ?s ?p ?o } }"
_COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


class StanceStore:
    """A graph store: ``dataset`` is the rdflib view of it, ``location`` its folder, ``:memory:`` or URL."""

    def __init__(self, dataset: Dataset, location: str):
        self.dataset = dataset
        self.location = location
        self._closed = False
        self._unflushed = 0  # quads written since the last flush of an embedded store's buffers

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
        prefix = str(GRAPH["doc/"])
        return sorted(str(g.identifier) for g in self.dataset.graphs() if str(g.identifier).startswith(prefix))

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

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make ``triples`` the whole content of the named graph ``graph``, in one transaction: a run killed
        while writing leaves the graph's earlier content or its new content, never part of it."""
        from .remote import replace_graph_update

        triples = list(triples)
        try:
            if any(isinstance(term, BNode) for triple in triples for term in triple):
                # blank nodes (only an imported file has them) would be renamed apart by INSERT DATA
                self.dataset.remove_graph(graph)
                self.dataset.addN((s, p, o, graph) for s, p, o in triples)  # type: ignore[arg-type]
            else:
                # Oxigraph runs a whole update request as one transaction (the rdflib calls would be two)
                self.native.update(replace_graph_update(graph, triples))
            self._unflushed += len(triples)
            if self._unflushed >= FLUSH_QUADS:
                self._unflushed = 0
                self.native.flush()
        except OSError as err:
            room = no_room(err)
            if room is None:
                raise
            raise StoreError(
                f"store {self.location} cannot be written: {room[0]}",
                fix=f"{room[1]} and run the command again; what was stored before is kept, "
                "and unchanged documents are skipped",
            ) from None

    @property
    def native(self):  # type: ignore[no-untyped-def]
        """The ``pyoxigraph.Store`` under an embedded store (folder or memory), or None for a server's."""
        import pyoxigraph

        inner = getattr(self.dataset.store, "_inner", None)
        return inner if isinstance(inner, pyoxigraph.Store) else None


def plain(term: Node) -> Node:
    """The term as every store gives it back: a string literal without the explicit ``xsd:string`` datatype
    (the same literal in RDF 1.1, which Oxigraph embedded spells out and a SPARQL server leaves implicit)."""
    if isinstance(term, Literal) and term.datatype == XSD.string and term.language is None:
        return Literal(str(term))
    return term


def is_remote(location: str | os.PathLike[str] | None) -> bool:
    """True for a SPARQL server's URL (``http://`` or ``https://``), false for a folder or ``:memory:``."""
    return location is not None and str(location).lower().startswith(("http://", "https://"))


def open_store(location: str | os.PathLike[str] | None = DEFAULT_STORE, *, create: bool = True) -> StanceStore:
    """Open (or create) the store at ``location``: a folder, ``None`` or ``":memory:"`` for an in-memory store,
    or the URL of a SPARQL 1.1 server (see ``stancegraph.graph.remote.endpoints`` for what it names).

    Raises StoreError, in one line, when the folder is not a store, does not exist (and ``create`` is
    false), or is held by another process, and when the server cannot be reached or is no SPARQL endpoint.
    """
    location = MEMORY if location is None else str(location)
    if is_remote(location):
        from .remote import open_remote

        store = open_remote(location)
    else:
        store = StanceStore(_open_embedded(location, create=create), location)
    for prefix, namespace in PREFIXES.items():
        store.dataset.bind(prefix, namespace)
    if not store.has_graph(VOCAB_GRAPH):
        store.replace_graph(VOCAB_GRAPH, vocabulary())
    return store


def _open_embedded(location: str, *, create: bool) -> Dataset:
    dataset = Dataset(store="Oxigraph", default_union=True)
    if location == MEMORY:
        return dataset
    path = Path(location)
    _check_folder(path, create=create)
    try:
        dataset.open(str(path), create=not path.exists())
    except (OSError, ValueError) as err:
        if "lock" in str(err).lower():
            raise StoreError(
                f"store {path} is in use by another process",
                fix="wait for the other stancegraph command to finish, or use another --store",
            ) from None
        room = no_room(err)
        if room is not None:
            raise StoreError(
                f"store {path} cannot be opened: {room[0]}",
                fix=f"{room[1]}, or copy the folder to a disk with room: opening a store writes to it",
            ) from None
        raise StoreError(
            f"store {path} cannot be opened: {err}",
            fix="check that the folder can be written, even to read it; serve a read-only copy with "
            "oxigraph serve-read-only --location DIR",
        ) from None
    return dataset


def _check_folder(path: Path, *, create: bool) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder", fix="name a folder with --store")
    if not path.exists():
        if not create:
            raise StoreError(f"store {path} does not exist", fix="build one first: stancegraph extract INPUT --store PATH")
        return
    entries = os.listdir(path)
    if entries and not _is_store(path) and not _being_created(path, entries):
        raise StoreError(
            f"{path} is a folder that is not a stancegraph store",
            fix="name an empty or new folder with --store; nothing in this one was changed",
        )


def _is_store(path: Path) -> bool:
    return all((path / m).exists() for m in _STORE_MARKERS)


def _being_created(path: Path, entries: list[str]) -> bool:
    """True when another process is creating a store in the folder: RocksDB takes the LOCK file first and
    writes the other marker files a moment later. Opening it then says that the store is in use."""
    if "LOCK" not in entries:
        return False
    for _ in range(40):
        time.sleep(0.025)
        if _is_store(path):
            return True
    return False


def vocabulary() -> Graph:
    """The stancegraph vocabulary (``vocab.ttl``) as a graph."""
    graph = Graph()
    graph.parse(source=str(resources.files(__package__) / "vocab.ttl"), format="turtle")
    return graph
