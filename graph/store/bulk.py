"""Loading a whole RDF file into a store at the speed of Oxigraph's own parser."""

from __future__ import annotations

import os

from .base import StanceStore

__all__ = ["NATIVE_FORMATS", "load_file"]

NATIVE_FORMATS = {"nquads": "N_QUADS", "trig": "TRIG"}


def load_file(store: StanceStore, path: str | os.PathLike[str], fmt: str = "nquads") -> None:
    """Add every quad of an N-Quads or TriG file to the store.

    An embedded Oxigraph store parses and writes in Oxigraph itself, in bulk (not in one transaction, so only
    for a new store or a file already checked); any other store goes through rdflib.
    """
    if fmt not in NATIVE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(NATIVE_FORMATS)}")
    native = store.native
    if native is None:
        store.dataset.parse(os.fspath(path), format=fmt)
        return
    import pyoxigraph

    native.bulk_load(path=os.fspath(path), format=getattr(pyoxigraph.RdfFormat, NATIVE_FORMATS[fmt]))
    native.flush()
