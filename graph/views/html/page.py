r"""The interactive HTML view of a network: the stance network, the actor networks, or the target network.

One renderer draws every network of :mod:`stancegraph.graph.networks` (``G.graph["network"]`` names it):
``stance`` (actors and topics, edges coloured by polarity), ``congruence``, ``conflict`` and ``subtract`` (actors
tied by shared stances: green for agreement, red for disagreement) and ``actors`` (stances aimed at other actors,
arrows coloured by their net polarity); the colours and shapes are ``views.style``'s, the node and edge lists
``visdata``'s.

The page is one standalone file that works offline: vis-network's JavaScript and CSS are read from the installed
pyvis package and inlined, nothing is loaded from the network, and a Content-Security-Policy allows only the
page's own scripts (by hash). Every string from the documents is untrusted: it reaches the page only inside a JSON
block that cannot close its ``<script>`` element (``assets``), and the page turns it into text nodes, never into
markup.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(network="stance")
>>> g.add_node("actor/RUS", kind="actor", label="Russia", actor_id="RUS", actor_type="state", statements=1)
>>> g.add_node("topic/abm", kind="topic", label="ABM shield", statements=1)
>>> _ = g.add_edge("actor/RUS", "topic/abm", key=-1, polarity=-1, weight=1, statements=1, stances="oppose",
...                evidence="s1")
>>> evidence = {"s1": {"sentence": "Moscow opposes the <ABM> shield.", "doc": "d1", "stance": "oppose"}}
>>> page = network_html(g, title="Missile defence", evidence=evidence)
>>> "<ABM>" in page, "\\u003cABM\\u003e" in page
(False, True)
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from stancegraph.choices import NETWORK_KINDS
from stancegraph.files import write_text_atomically
from stancegraph.values import integer, plural, text

from ...networks.rows import rows_network
from ..style import ACTOR_STYLES, TOPIC_STYLE, edge_legend, network_kind
from .assets import assets as page_assets
from .assets import content_security_policy, json_for_script
from .visdata import MAX_EVIDENCE, POLARITY_SIGNS, vis_edges, vis_nodes, vis_options

__all__ = ["MAX_EVIDENCE", "network_html", "view_html", "write_network_view", "write_view"]

_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")
_DOT = " \u00b7 "


def network_html(
    graph: nx.Graph,
    *,
    title: str = "stancegraph",
    evidence: Mapping[str, Mapping[str, Any]] | None = None,
    max_evidence: int = MAX_EVIDENCE,
) -> str:
    """Return a standalone HTML page drawing ``graph``, a network of :mod:`stancegraph.graph.networks`.

    ``G.graph["network"]`` chooses the drawing (``stance``, ``congruence``, ``conflict``, ``subtract`` or
    ``actors``; guessed from the nodes and the graph's direction when absent). Actors are shaped and coloured by
    ``actor_type``, topics are boxes, nodes are sized by ``statements`` and edges as wide as the log of their
    ``weight``. ``evidence`` maps statement ids (the edges' space-separated ``evidence``) to their stance-table
    rows (:class:`~stancegraph.table.StanceRow`, or mappings of some of its fields: ``sentence``, ``doc``,
    ``date``, ``source``, ``stance``, ``topic``, ``negated``, ``hedged``, ``targets``, ``speaker``,
    ``confidence``); an edge's tooltip and the side panel list at most
    ``max_evidence`` of them, and how many more there are. The same graph gives the same page byte for byte.

    The page's Content-Security-Policy runs only its own three scripts (by hash) and loads nothing from the
    network: embed it whole (e.g. in an iframe's ``srcdoc``) rather than adding scripts to it. Once drawn, it sets
    ``data-sg-ready``, ``data-sg-nodes`` and ``data-sg-edges`` on ``<html>`` (and ``data-sg-errors`` on any
    script error or blocked load), which browser tests read; the filters set ``data-sg-shown-nodes`` and
    ``data-sg-shown-edges``, the search ``data-sg-found`` (the found node's ``iri``).
    """
    kind = network_kind(graph)
    evidence = evidence or {}
    nodes, ids = vis_nodes(graph, kind)
    edges = vis_edges(graph, kind, ids, evidence, max_evidence)
    data = {"kind": kind, "nodes": nodes, "edges": edges, "options": vis_options(kind, len(nodes), len(edges))}
    assets = page_assets()
    scripts = {
        "guard_js": assets["guard.js"],
        "vis_js": assets["vis-network.min.js"],
        "app_js": assets["view.js"],
    }
    values = {
        **scripts,
        "csp": html.escape(content_security_policy(scripts.values()), quote=False),  # base64 and keywords: no "
        "title": html.escape(title),
        "kind": kind,
        "counts": html.escape(_counts(graph, kind, nodes, edges)),
        "settings": _settings_html(graph, kind),
        "legend": _legend_html(kind),
        "controls": _controls_html(kind, nodes, any(d == 0 for _, d in graph.degree())) if nodes else "",
        "empty": "" if nodes else f'<p class="sg-empty">{NETWORK_KINDS[kind].empty}</p>',
        "data_json": json_for_script(data),
        "vis_css": assets["vis-network.css"],
        "page_css": assets["view.css"],
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], assets["view.html"])


def write_network_view(
    graph: nx.Graph,
    path: str | os.PathLike[str],
    *,
    title: str = "stancegraph",
    evidence: Mapping[str, Mapping[str, Any]] | None = None,
    max_evidence: int = MAX_EVIDENCE,
) -> Path:
    """Write :func:`network_html` of ``graph`` to ``path`` atomically and return the path.

    The page goes to a temporary file in the same folder, which then replaces ``path``: a reader never sees half
    a page, and a failure leaves any earlier page in place.
    """
    page = network_html(graph, title=title, evidence=evidence, max_evidence=max_evidence)
    return write_text_atomically(path, page)


def view_html(rows: Iterable[Mapping[str, Any]], *, title: str = "stancegraph") -> str:
    """Return the page of the stance network of stance-table ``rows`` (see :func:`network_html`).

    One node per actor (``actor_id``) and per topic, one edge per (actor, topic, polarity) labelled with its
    stances, its evidence sentences with doc, date, source, stance and flags in the tooltip. The same rows, in
    any order, give the same page; no rows give a page saying "no stances".
    """
    graph, evidence = rows_network(rows)
    return network_html(graph, title=title, evidence=evidence)


def write_view(rows: Iterable[Mapping[str, Any]], path: str | os.PathLike[str], *, title: str = "stancegraph") -> Path:
    """Write :func:`view_html` of ``rows`` to ``path`` atomically and return the path."""
    return write_text_atomically(path, view_html(rows, title=title))


def _counts(graph: nx.Graph, kind: str, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    n_topics = sum(1 for n in nodes if n["group"] == "topic")
    actors = plural(len(nodes) - n_topics, "actor")
    statements = sum(e["statements"] for e in edges)
    if kind == "stance":
        line = f"{actors} \u00b7 {plural(n_topics, 'topic')} \u00b7 {plural(statements, 'stance')} in " \
               f"{plural(len(edges), 'edge')}"
        documents = graph.graph.get("documents")
        return line + (f" \u00b7 {plural(integer(documents), 'document')}" if documents is not None else "")
    if kind == "actors":
        return f"{actors} \u00b7 {plural(statements, 'stance')} aimed at other actors in {plural(len(edges), 'edge')}"
    return f"{actors} \u00b7 {plural(len(edges), 'tie')} ({kind})"


def _settings_html(graph: nx.Graph, kind: str) -> str:
    """How the network was built: what a weight counts, the normalisation, the filters."""
    parts = []
    duplicates = text(graph.graph.get("duplicates"))
    if duplicates:
        parts.append(f"weights count statements once per {duplicates}")
    normalization = text(graph.graph.get("normalization"))
    if NETWORK_KINDS[kind].ties and normalization:
        parts.append(f"normalisation: {normalization}")
    filters = text(graph.graph.get("filters"))
    if filters and filters != "none":
        parts.append(f"filters: {filters}")
    return f'<p class="sg-settings">{html.escape(_DOT.join(parts))}</p>' if parts else ""


def _legend_html(kind: str) -> str:
    items = [("sg-line", colour, meaning) for _, colour, meaning in edge_legend(kind)]
    if NETWORK_KINDS[kind].directed:
        items.append(("sg-arrow", "#555", "arrow: " + ("actor to topic" if NETWORK_KINDS[kind].topics else "actor to target")))
    items += [(f"sg-shape sg-{shape}", colour, f"actor: {name}") for name, (shape, colour) in ACTOR_STYLES.items()]
    if NETWORK_KINDS[kind].topics:
        items.append(("sg-shape sg-box", TOPIC_STYLE[1], "topic"))
    return "".join(
        f'<li><span class="{cls}" style="--c:{colour}"></span>{html.escape(meaning)}</li>' for cls, colour, meaning in items
    ) + '<li class="sg-legend-note">width: weight \u00b7 size: stances</li>'


def _controls_html(kind: str, nodes: list[dict[str, Any]], isolated: bool) -> str:
    """Search and filters; the page's script wires them up. Only fixed strings: no document text here."""
    parts = [
        '<span class="sg-control"><input id="stancegraph-search" type="search" list="stancegraph-labels" '
        'placeholder="find a node by label" aria-label="find a node by label">'
        '<button type="button" id="stancegraph-find">find</button>'
        '<datalist id="stancegraph-labels"></datalist></span>'
    ]
    classes = edge_legend(kind)
    if len(classes) > 1:
        boxes = "".join(
            f'<label><input type="checkbox" name="polarity" value="{polarity}" checked>'
            f'<span class="sg-line" style="--c:{colour}"></span>{POLARITY_SIGNS[polarity]}</label>'
            for polarity, colour, _ in classes
        )
        parts.append(f'<span class="sg-control">edges: {boxes}</span>')
    parts.append(
        '<span class="sg-control"><label>minimum weight <input id="stancegraph-min-weight" type="number" '
        'min="0" step="any" value="0"></label></span>'
    )
    types = [name for name in ACTOR_STYLES if any(n["group"] == name for n in nodes)]
    if len(types) > 1:
        boxes = "".join(
            f'<label><input type="checkbox" name="actor-type" value="{name}" checked>{name}</label>' for name in types
        )
        parts.append(f'<span class="sg-control">actors: {boxes}</span>')
    if isolated:
        parts.append(
            '<span class="sg-control"><label><input type="checkbox" name="isolated" value="1" checked>'
            "nodes without edges</label></span>"
        )
    parts.append(
        '<span class="sg-control"><button type="button" id="stancegraph-reset">show all</button>'
        '<span id="stancegraph-shown" class="sg-shown"></span></span>'
    )
    return "".join(parts)
