"""Which backend serves a ``--store`` location, and opening it.

A backend is a test on the location and an opener; the first backend whose test holds opens the store.
Adding a backend is one opener and one entry in :data:`BACKENDS`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from stancegraph.choices import DEFAULT_STORE, MEMORY, is_remote

from ..rdf.iris import VOCAB_GRAPH
from ..rdf.namespaces import PREFIXES
from ..rdf.vocabulary import vocabulary
from .base import StanceStore

__all__ = ["BACKENDS", "Backend", "is_remote", "open_store"]


def _open_remote(location: str, *, create: bool) -> StanceStore:
    from .remote import open_remote

    return open_remote(location)


def _open_embedded(location: str, *, create: bool) -> StanceStore:
    from .embedded import open_embedded

    return open_embedded(location, create=create)


@dataclass(frozen=True)
class Backend:
    name: str
    serves: Callable[[str], bool]
    open: Callable[..., StanceStore]


BACKENDS: tuple[Backend, ...] = (
    Backend("remote", is_remote, _open_remote),
    Backend("embedded", lambda location: True, _open_embedded),
)


def open_store(location: str | os.PathLike[str] | None = DEFAULT_STORE, *, create: bool = True) -> StanceStore:
    """Open (or create) the store at ``location``: a folder, ``None`` or ``":memory:"`` for an in-memory store,
    or the URL of a SPARQL 1.1 server (see ``stancegraph.graph.store.remote.endpoints`` for what it names).

    Raises StoreError, in one line, when the folder is not a store, does not exist (and ``create`` is
    false), or is held by another process, and when the server cannot be reached or is no SPARQL endpoint.
    """
    location = MEMORY if location is None else str(location)
    backend = next(b for b in BACKENDS if b.serves(location))
    store = backend.open(location, create=create)
    for prefix, namespace in PREFIXES.items():
        store.dataset.bind(prefix, namespace)
    if not store.has_graph(VOCAB_GRAPH):
        store.replace_graph(VOCAB_GRAPH, vocabulary())
    return store
