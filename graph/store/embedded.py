"""The embedded store: Oxigraph (through oxrdflib) in a folder, or in memory.

A folder is checked before it is opened: a file, a folder that is not a store, a store another process holds
or is creating, and a disk with no room each end in one line that says what to do.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import BNode, Dataset, URIRef

from stancegraph.choices import MEMORY
from stancegraph.errors import StoreError, no_room

from .base import StanceStore, Triple, replace_graph_update

__all__ = ["FLUSH_QUADS", "EmbeddedStore", "open_embedded"]

# Files RocksDB (under Oxigraph) keeps in every store folder.
_STORE_MARKERS = ("CURRENT", "IDENTITY")
# What RocksDB writes in a new store's folder before anything else: its log, the lock.
_EARLY_FILES = re.compile(r"(LOG(\.old\.\d+)?|LOCK)")

# An embedded store writes its memory buffers to disk after this many quads. RocksDB under Oxigraph flushes by
# itself only when a buffer is full, and a full set of buffers (one per index) takes ~0.6 GB: without this, the
# memory of a long extraction grew with the corpus until then (~60 MB per 67,000 quads).
FLUSH_QUADS = 20_000


class EmbeddedStore(StanceStore):
    """An Oxigraph store in a folder or in memory (``location`` is the folder or ``:memory:``)."""

    def __init__(self, dataset: Dataset, location: str):
        super().__init__(dataset, location)
        self._unflushed = 0  # quads written since the last flush of the store's buffers

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make ``triples`` the whole content of the named graph ``graph``, in one transaction: a run killed
        while writing leaves the graph's earlier content or its new content, never part of it."""
        triples = list(triples)
        if not any(isinstance(term, BNode) for triple in triples for term in triple):
            self.update(replace_graph_update(graph, triples), quads=len(triples))
            return
        # blank nodes (only an imported file has them) would be renamed apart by INSERT DATA
        with self._room():
            self.dataset.remove_graph(graph)
            self.dataset.addN((s, p, o, graph) for s, p, o in triples)  # type: ignore[arg-type]
        self._written(len(triples))

    def update(self, text: str, *, quads: int = 0) -> None:
        """Run a SPARQL update in one transaction: Oxigraph applies a whole update request or none of it."""
        with self._room():
            self.native.update(text)
        self._written(quads)

    def _written(self, quads: int) -> None:
        self._unflushed += quads
        if self._unflushed >= FLUSH_QUADS:
            self._unflushed = 0
            with self._room():
                self.native.flush()

    @contextmanager
    def _room(self) -> Iterator[None]:
        """A write that runs out of disk space ends in one line that says what to do."""
        try:
            yield
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
        """The ``pyoxigraph.Store`` under the store: the query fast path, bulk loading, the flush."""
        import pyoxigraph

        inner = getattr(self.dataset.store, "_inner", None)
        return inner if isinstance(inner, pyoxigraph.Store) else None


def open_embedded(location: str, *, create: bool = True) -> EmbeddedStore:
    """The embedded store in the folder ``location`` (created if ``create``), or in memory for ``:memory:``."""
    return EmbeddedStore(_open_dataset(location, create=create), location)


def _open_dataset(location: str, *, create: bool) -> Dataset:
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
    """True when another process is creating a store in the folder: RocksDB writes its log (``LOG``) and takes
    the ``LOCK`` file first, and writes the other marker files a moment later. Opening it then says that the
    store is in use."""
    if "LOCK" not in entries and not all(_EARLY_FILES.fullmatch(e) for e in entries):
        return False
    for _ in range(80):
        time.sleep(0.025)
        if _is_store(path):
            return True
    return False
    for _ in range(40):
        time.sleep(0.025)
        if _is_store(path):
            return True
    return False
