"""The store: an rdflib ``Dataset`` on Oxigraph, one named graph per document, the union as default graph."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from rdflib import Dataset, Graph

from stancegraph.errors import StoreError

from .namespaces import GRAPH, PREFIXES

__all__ = ["DEFAULT_STORE", "MEMORY", "VOCAB_GRAPH", "StanceStore", "open_store", "vocabulary"]

DEFAULT_STORE = "stancegraph.db"
MEMORY = ":memory:"
VOCAB_GRAPH = GRAPH["vocab"]
# Files RocksDB (under Oxigraph) keeps in every store folder.
_STORE_MARKERS = ("CURRENT", "IDENTITY")


class StanceStore:
    """A graph store: ``dataset`` is the rdflib view of it, ``location`` its folder (or ``:memory:``)."""

    def __init__(self, dataset: Dataset, location: str):
        self.dataset = dataset
        self.location = location

    def __enter__(self) -> "StanceStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.dataset.close()

    def document_graphs(self) -> list[str]:
        prefix = str(GRAPH["doc/"])
        return sorted(str(g.identifier) for g in self.dataset.graphs() if str(g.identifier).startswith(prefix))

    def __len__(self) -> int:
        """Number of quads, the vocabulary included."""
        return len(self.dataset.store)  # type: ignore[arg-type]


def open_store(location: str | os.PathLike[str] | None = DEFAULT_STORE, *, create: bool = True) -> StanceStore:
    """Open (or create) the store at ``location``; ``None`` or ``":memory:"`` gives an in-memory store.

    Raises StoreError, in one line, when the folder is not a store, does not exist (and ``create`` is
    false), or is held by another process.
    """
    location = MEMORY if location is None else str(location)
    dataset = Dataset(store="Oxigraph", default_union=True)
    if location != MEMORY:
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
            raise StoreError(f"store {path} cannot be opened: {err}") from None
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    store = StanceStore(dataset, location)
    if (None, None, None, VOCAB_GRAPH) not in dataset:  # type: ignore[operator]
        vocab = dataset.graph(VOCAB_GRAPH)
        vocab += vocabulary()
    return store


def _check_folder(path: Path, *, create: bool) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder", fix="name a folder with --store")
    if not path.exists():
        if not create:
            raise StoreError(f"store {path} does not exist", fix="build one first: stancegraph extract INPUT --store PATH")
        return
    entries = os.listdir(path)
    if entries and not all((path / m).exists() for m in _STORE_MARKERS):
        raise StoreError(
            f"{path} is a folder that is not a stancegraph store",
            fix="name an empty or new folder with --store; nothing in this one was changed",
        )


def vocabulary() -> Graph:
    """The stancegraph vocabulary (``vocab.ttl``) as a graph."""
    graph = Graph()
    graph.parse(source=str(resources.files(__package__) / "vocab.ttl"), format="turtle")
    return graph
