"""The network as vis-network draws it: node and edge lists with their tooltips, and the drawing options.

Built directly rather than through pyvis's ``add_edge`` (quadratic), so a page of 2,000 nodes and 10,000 edges
is written in well under a second. Each edge's tooltip lists its evidence: stance-table rows
(:class:`~stancegraph.table.StanceRow`, or mappings of their fields) by statement id.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

from stancegraph.values import integer, names, number, plural, text, truthy

from ..style import ACTOR_STYLES, LAYOUT_SEED, POLARITY_COLOURS, TOPIC_STYLE, edge_sign

__all__ = ["MAX_EVIDENCE", "POLARITY_SIGNS", "vis_edges", "vis_nodes", "vis_options"]

#: Evidence sentences listed per edge; the rest are counted ("and 12 more").
MAX_EVIDENCE = 10
POLARITY_SIGNS = {1: "+1", 0: "0", -1: "\u22121"}
_MAX_TOPICS = 20  # shared topics listed in an actor tie's tooltip
_MAX_LABELLED_EDGES = 500  # more edge labels than this clutter the picture and slow drawing: tooltips have them
_MAX_SMOOTH_EDGES = 2000


def vis_nodes(graph: nx.Graph, kind: str) -> tuple[list[dict[str, Any]], dict[Any, str]]:
    """vis-network node dicts, sorted (actors, then topics, by label), and the page id of each graph node."""
    order = sorted(
        graph.nodes(data=True),
        key=lambda item: (item[1].get("kind") == "topic", _label(item).casefold(), _label(item), str(item[0])),
    )
    ids = {node: f"n{number}" for number, (node, _) in enumerate(order)}
    return [_node(graph, kind, node, attrs, ids[node]) for node, attrs in order], ids


def _label(item: tuple[Any, Mapping[str, Any]]) -> str:
    return text(item[1].get("label")) or text(item[0])


def _node(graph: nx.Graph, kind: str, node: Any, attrs: Mapping[str, Any], page_id: str) -> dict[str, Any]:
    label = _label((node, attrs))
    statements = integer(attrs.get("statements"))
    if graph.is_directed():
        successors, predecessors = set(graph.successors(node)), set(graph.predecessors(node))
    else:
        successors = predecessors = set(graph.neighbors(node))
    neighbours = len(successors | predecessors)
    if attrs.get("kind") == "topic":
        shape, fill, border = TOPIC_STYLE
        group: str = "topic"
        colour: Any = {"background": fill, "border": border}
        head = f"{label} \u2014 topic"
        lines = [f"{plural(statements, 'stance')} by {plural(neighbours, 'actor')}"]
    else:
        actor_type = text(attrs.get("actor_type")) or "other"
        group = actor_type if actor_type in ACTOR_STYLES else "other"
        shape, colour = ACTOR_STYLES[group]
        actor_id = text(attrs.get("actor_id"))
        head = f"{label} ({actor_id}) \u2014 {actor_type}" if actor_id else f"{label} \u2014 {actor_type}"
        if kind == "stance":
            lines = [f"{plural(statements, 'stance')} on {plural(neighbours, 'topic')}"]
        elif kind == "actors":
            lines = [
                f"{plural(statements, 'stance')} aimed at {plural(len(successors), 'actor')}; "
                f"aimed at by {plural(len(predecessors), 'actor')}"
            ]
        else:
            lines = [f"{plural(statements, 'stance')}; tied to {plural(neighbours, 'actor')}"]
    period = _period(attrs)
    if period:
        lines.append(period)
    written = text(attrs.get("written"))
    if written:
        lines.append("written as: " + written)
    return {
        "id": page_id,
        "iri": text(node),
        "label": label,
        "group": group,
        "shape": shape,
        "color": colour,
        "value": statements,
        "tip": {"head": head, "lines": lines},
    }


def vis_edges(
    graph: nx.Graph,
    kind: str,
    ids: Mapping[Any, str],
    evidence: Mapping[str, Mapping[str, Any]],
    max_evidence: int,
) -> list[dict[str, Any]]:
    """vis-network edge dicts, sorted by their ends' labels and polarity."""
    if graph.is_multigraph():
        items = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)]
    else:
        items = [(u, v, None, d) for u, v, d in graph.edges(data=True)]
    if not graph.is_directed():  # an undirected edge is drawn from the end that comes first on the page
        items = [(u, v, k, d) if _order(ids[u]) <= _order(ids[v]) else (v, u, k, d) for u, v, k, d in items]
    labels = {node: _label((node, attrs)) for node, attrs in graph.nodes(data=True)}
    weights = [abs(number(d.get("weight", 1))) for *_, d in items]
    base = min((w for w in weights if w > 0), default=1.0)
    polarities: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    built = []
    for u, v, key, attrs in items:
        polarity = edge_sign(kind, attrs, key)
        polarities[(ids[u], ids[v])].add(polarity)
        edge = _edge(kind, labels[u], labels[v], polarity, attrs, evidence, max_evidence)
        edge.update({"from": ids[u], "to": ids[v], "width": _width(number(attrs.get("weight", 1)), base)})
        built.append(edge)
    built.sort(key=lambda e: (_order(e["from"]), _order(e["to"]), -e["polarity"], e["tip"]["head"]))
    labelled = len(built) <= _MAX_LABELLED_EDGES
    for index, edge in enumerate(built):
        edge["id"] = f"e{index}"
        if not labelled or not edge["label"]:
            del edge["label"]
        pair = (edge["from"], edge["to"])
        if len(polarities[pair]) > 1:
            # Edges of one pair with different polarities would overlap: bend them apart.
            polarity = edge["polarity"]
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * (polarity or 0.001)}
        elif graph.is_directed() and kind == "actors" and (edge["to"], edge["from"]) in polarities:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2}  # A -> B and B -> A
    return built


def _order(page_id: str) -> int:
    return int(page_id[1:])


def _edge(
    kind: str,
    source: str,
    target: str,
    polarity: int,
    attrs: Mapping[str, Any],
    evidence: Mapping[str, Mapping[str, Any]],
    max_evidence: int,
) -> dict[str, Any]:
    weight = number(attrs.get("weight", 1))
    statements = integer(attrs.get("statements"))
    found = [evidence[i] for i in text(attrs.get("evidence")).split() if i in evidence]
    lines: list[str] = []
    if kind == "stance":
        counts = Counter(text(ev.get("stance")) or "?" for ev in found)
        label = _stance_counts(counts) if counts else text(attrs.get("stances"))
        head = f"{source} \u2192 {target}: {label} (polarity {POLARITY_SIGNS[polarity]})"
        lines.append(
            f"{plural(statements, 'stance')} in {plural(integer(attrs.get('documents')), 'document')}; "
            f"weight {_shown(weight)}"
        )
    elif kind == "actors":
        label = text(attrs.get("stances"))
        head = f"{source} \u2192 {target}: {label}"
        lines.append(
            f"{plural(statements, 'stance')}: {integer(attrs.get('positive'))} positive, "
            f"{integer(attrs.get('neutral'))} neutral, {integer(attrs.get('negative'))} negative; weight {_shown(weight)}"
        )
    else:
        label = ""
        head = f"{source} \u2014 {target}: {kind} {_shown(weight)}"
        topics = [t for t in text(attrs.get("topics")).split("; ") if t]
        extra = f" and {len(topics) - _MAX_TOPICS} more" if len(topics) > _MAX_TOPICS else ""
        lines.append(f"{plural(len(topics), 'shared topic')}: " + "; ".join(topics[:_MAX_TOPICS]) + extra)
    period = _period(attrs)
    if period:
        lines.append(period)
    items = sorted(_evidence_item(ev, with_topic=kind == "actors") for ev in found)
    tip: dict[str, Any] = {"head": head, "lines": lines, "evidence": [[meta, sentence] for _, meta, sentence in
                                                                        items[:max_evidence]]}
    if len(items) > max_evidence:
        tip["more"] = len(items) - max_evidence
    return {
        "label": label,
        "color": POLARITY_COLOURS[polarity],
        "polarity": polarity,
        "weight": weight,
        "statements": statements,
        "tip": tip,
    }


def _stance_counts(counts: Counter[str]) -> str:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(name if n == 1 else f"{name} \u00d7{n}" for name, n in ordered)


def _evidence_item(ev: Mapping[str, Any], *, with_topic: bool) -> tuple[tuple[str, str, str], str, str]:
    """(sort key, meta line, sentence) of one statement: a :class:`~stancegraph.table.StanceRow`, or a mapping
    of some of its fields, each read leniently (what is missing or unreadable is left out)."""
    date = text(ev.get("date"))
    doc = text(ev.get("doc")) or "?"
    stance = text(ev.get("stance")) or "?"
    topic = text(ev.get("topic"))
    if with_topic and topic:
        stance += f" on {topic}"
    flags = [name for name in ("negated", "hedged") if truthy(ev.get(name))]
    targets = names(ev.get("targets"))
    if targets:
        flags.append("targets " + ", ".join(targets))
    speaker = text(ev.get("speaker"))
    if speaker:
        flags.append("speaker " + speaker)
    confidence = ev.get("confidence")
    if isinstance(confidence, int | float) and not isinstance(confidence, bool):
        flags.append(f"confidence {confidence:.2f}")
    parts = [doc, date or "no date", text(ev.get("source")) or "no source", stance]
    meta = " \u00b7 ".join(parts) + (f" ({'; '.join(flags)})" if flags else "")
    sentence = text(ev.get("sentence"))
    return (date, doc, sentence), meta, sentence


def _shown(value: float) -> str:
    """A weight as a person reads it: 2, not 2.0."""
    return f"{value:g}" if value != int(value) else str(int(value))


def _width(weight: float, base: float) -> float:
    """1 for the lightest edge, 2 more per doubling of the weight, at most 10."""
    ratio = abs(weight) / base if base else 1.0
    return round(min(10.0, 1.0 + 2.0 * math.log2(max(1.0, ratio))), 2)


def vis_options(kind: str, n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options: fixed seed, stabilise once, then the page switches physics off."""
    directed = kind in ("stance", "actors")
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": n_nodes <= 150},
        "physics": {
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 160, "avoidOverlap": 0.2},
            "stabilization": {
                "enabled": True,
                "iterations": 1000 if n_nodes <= 300 else 300 if n_nodes <= 1000 else 150,
                "updateInterval": 25,
            },
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_edges > 1000},
        "nodes": {
            "font": {"size": 14, "face": "sans-serif"},
            "borderWidth": 1,
            "scaling": {"min": 10, "max": 30, "label": {"enabled": False}},
        },
        "edges": {
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
            "smooth": {"enabled": n_edges <= _MAX_SMOOTH_EDGES, "type": "continuous"},
            "font": {"size": 10, "align": "middle", "color": "#333", "strokeWidth": 3},
        },
    }


def _period(attrs: Mapping[str, Any]) -> str:
    first, last = text(attrs.get("first")), text(attrs.get("last"))
    if not first and not last:
        return ""
    if first == last:
        return first
    return f"{first or '?'} to {last or '?'}"
