"""The store: the one truth, an RDF dataset with one named graph per document and the vocabulary in a graph of
its own.

Backends, one API (:class:`~.base.StanceStore`): an embedded Oxigraph store in a folder (the default) or in
memory (``embedded``), and a SPARQL 1.1 server (``remote``). :func:`open_store` picks the backend that serves a
location (``backends``); ``bulk`` loads a whole N-Quads or TriG file at Oxigraph's speed.
"""

from .backends import BACKENDS, is_remote, open_store
from stancegraph.choices import MEMORY

from .base import StanceStore

__all__ = ["BACKENDS", "MEMORY", "StanceStore", "is_remote", "open_store"]
