"""Networks of the stored stances, as networkx graphs, built from the store through SPARQL (the counting is
done there; Python only pairs actors up).

- ``stance``: the signed actor–topic network, one edge per actor, topic and polarity (:func:`stance_network`);
- ``congruence``, ``conflict``, ``subtract``: actors tied by their stances on the same topics, in the manner of
  the Discourse Network Analyzer (:func:`actor_network`, module ``ties``);
- ``actors``: the directed network of stances aimed at other actors (:func:`target_network`).

:func:`build_network` builds any of them by name (``stancegraph.choices.NETWORK_KINDS`` is the registry);
:func:`edge_evidence` gives the stance-table rows behind the edges; :func:`rows_network` builds the stance
network of rows that are not in a store. Node ids are the actors' and topics' IRIs.
"""

from ..sparql.filters import Filters
from .build import build_network
from .evidence import edge_evidence, evidence
from .rows import rows_network
from .stance import stance_network
from .targets import target_network
from .ties import actor_network

__all__ = [
    "Filters",
    "actor_network",
    "build_network",
    "edge_evidence",
    "evidence",
    "rows_network",
    "stance_network",
    "target_network",
]
