"""Any network by its name: the builder that ``stancegraph.choices.NETWORK_KINDS`` names for it."""

from __future__ import annotations

import networkx as nx

from stancegraph.choices import ACTOR_NETWORKS, NETWORK_KINDS, NETWORKS, resolve
from stancegraph.errors import InputError

from ..sparql.filters import Filters
from ..store.base import StanceStore

__all__ = ["build_network"]


def build_network(
    store: StanceStore,
    name: str = "stance",
    *,
    normalization: str | None = "none",
    duplicates: str = "document",
    filters: Filters = Filters(),
) -> nx.Graph:
    """The network called ``name`` (one of ``NETWORKS``; ``actors`` is the target network).

    ``normalization`` applies to the actor networks (congruence, conflict, subtract) only: giving another one
    for the stance or target network is an error, not silently ignored.
    """
    kind = NETWORK_KINDS.get(name)
    if kind is None:
        raise InputError(f"unknown network '{name}'", fix="use one of " + ", ".join(NETWORKS))
    builder = resolve(kind.builder)
    if kind.ties:
        return builder(store, name, normalization or "none", duplicates=duplicates, filters=filters)
    if normalization not in (None, "none"):
        raise InputError(
            f"--normalization {normalization} applies to the {_listed(ACTOR_NETWORKS)} networks, not to '{name}'",
            fix="leave it out, or choose --network " + ", ".join(ACTOR_NETWORKS),
        )
    return builder(store, filters=filters, duplicates=duplicates)


def _listed(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
