r"""The interactive HTML view of a network: the stance network, the actor networks, or the target network.

One renderer draws every network of :mod:`stancegraph.graph.network` (``G.graph["network"]`` names it):
``stance`` (actors and topics, edges coloured by polarity), ``congruence``, ``conflict`` and ``subtract`` (actors
tied by shared stances: green for agreement, red for disagreement) and ``actors`` (stances aimed at other actors,
arrows coloured by their net polarity). The node and edge lists are built directly, not through pyvis's
``add_edge`` (quadratic), so a page of 2,000 nodes and 10,000 edges is written in well under a second.

The page is one standalone file that works offline: vis-network's JavaScript and CSS are read from the installed
pyvis package and inlined, nothing is loaded from the network, and a Content-Security-Policy allows only the
page's own scripts (by hash). Every string from the documents is untrusted: it reaches the page only inside a JSON
block that cannot close its ``<script>`` element, and the page turns it into text nodes, never into markup.

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

import base64
import hashlib
import html
import importlib.resources
import importlib.util
import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from stancegraph.files import write_text_atomically

__all__ = [
    "ACTOR_STYLES",
    "LAYOUT_SEED",
    "MAX_EVIDENCE",
    "NETWORK_KINDS",
    "POLARITY_COLOURS",
    "TOPIC_STYLE",
    "network_html",
    "view_html",
    "write_network_view",
    "write_view",
]

#: The networks the renderer draws, as named in ``G.graph["network"]``.
NETWORK_KINDS = ("stance", "congruence", "conflict", "subtract", "actors")
#: Edge colour by polarity: towards the topic (stance), agreement or disagreement (actor networks), net polarity
#: towards the target (actors).
POLARITY_COLOURS: dict[int, str] = {1: "#2ca02c", 0: "#9a9a9a", -1: "#d62728"}
#: vis-network shape and colour of an actor node, by ``actor_type``; unknown types draw as ``other``.
ACTOR_STYLES: dict[str, tuple[str, str]] = {
    "state": ("dot", "#4e79a7"),
    "organization": ("diamond", "#f28e2b"),
    "person": ("triangle", "#b07aa1"),
    "group": ("square", "#59a14f"),
    "other": ("hexagon", "#9c9c9c"),
}
#: Shape, fill and border of a topic node.
TOPIC_STYLE: tuple[str, str, str] = ("box", "#fff3c4", "#c9a227")
#: vis-network's ``layout.randomSeed``: the same network always draws the same picture.
LAYOUT_SEED = 20120523
#: Evidence sentences listed per edge; the rest are counted ("and 12 more").
MAX_EVIDENCE = 10

#: The edge classes of each kind, by polarity, in the legend and the page's edge filter.
_EDGE_CLASSES: dict[str, tuple[tuple[int, str], ...]] = {
    "stance": (
        (1, "supports, proposes, demands, threatens (+1)"),
        (0, "considers (0)"),
        (-1, "opposes, rejects (\u22121)"),
    ),
    "congruence": ((1, "agree: the same stance on shared topics"),),
    "conflict": ((-1, "disagree: opposite stances on shared topics"),),
    "subtract": ((1, "agree more than they disagree"), (-1, "disagree more than they agree")),
    "actors": (
        (1, "mostly positive towards the target"),
        (0, "neutral towards the target"),
        (-1, "mostly negative towards the target"),
    ),
}
_EMPTY = {
    "stance": "no stances",
    "congruence": "no actors agree on a topic",
    "conflict": "no actors disagree on a topic",
    "subtract": "no actors share a topic",
    "actors": "no stances aimed at other actors",
}
_VIS_DIR = ("lib", "vis-9.1.2")
_VIS_FILES = ("vis-network.min.js", "vis-network.css")
_TEMPLATE_FILES = ("view.html", "view.js", "guard.js", "view.css")
_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")
_POLARITY_SIGNS = {1: "+1", 0: "0", -1: "\u22121"}
_DOT = " \u00b7 "
_MAX_TOPICS = 20  # shared topics listed in an actor tie's tooltip
_MAX_LABELLED_EDGES = 500  # more edge labels than this clutter the picture and slow drawing: tooltips have them
_MAX_SMOOTH_EDGES = 2000


def network_html(
    graph: nx.Graph,
    *,
    title: str = "stancegraph",
    evidence: Mapping[str, Mapping[str, Any]] | None = None,
    max_evidence: int = MAX_EVIDENCE,
) -> str:
    """Return a standalone HTML page drawing ``graph``, a network of :mod:`stancegraph.graph.network`.

    ``G.graph["network"]`` chooses the drawing (``stance``, ``congruence``, ``conflict``, ``subtract`` or
    ``actors``; guessed from the nodes and the graph's direction when absent). Actors are shaped and coloured by
    ``actor_type``, topics are boxes, nodes are sized by ``statements`` and edges as wide as the log of their
    ``weight``. ``evidence`` maps statement ids (the edges' space-separated ``evidence``) to dicts with
    ``sentence``, ``doc``, ``date``, ``source``, ``stance`` (and optionally ``topic``, ``negated``, ``hedged``,
    ``targets``, ``speaker``, ``confidence``); an edge's tooltip and the side panel list at most
    ``max_evidence`` of them, and how many more there are. The same graph gives the same page byte for byte.

    The page's Content-Security-Policy runs only its own three scripts (by hash) and loads nothing from the
    network: embed it whole (e.g. in an iframe's ``srcdoc``) rather than adding scripts to it. Once drawn, it sets
    ``data-sg-ready``, ``data-sg-nodes`` and ``data-sg-edges`` on ``<html>`` (and ``data-sg-errors`` on any
    script error or blocked load), which browser tests read; the filters set ``data-sg-shown-nodes`` and
    ``data-sg-shown-edges``, the search ``data-sg-found`` (the found node's ``iri``).
    """
    kind = _kind(graph)
    evidence = evidence or {}
    nodes, ids = _nodes(graph, kind)
    edges = _edges(graph, kind, ids, evidence, max_evidence)
    data = {"kind": kind, "nodes": nodes, "edges": edges, "options": _options(kind, len(nodes), len(edges))}
    assets = _assets()
    scripts = {
        "guard_js": assets["guard.js"],
        "vis_js": assets["vis-network.min.js"],
        "app_js": assets["view.js"],
    }
    values = {
        **scripts,
        "csp": html.escape(_content_security_policy(scripts.values()), quote=False),  # base64 and keywords: no "
        "title": html.escape(title),
        "kind": kind,
        "counts": html.escape(_counts(graph, kind, nodes, edges)),
        "settings": _settings_html(graph, kind),
        "legend": _legend_html(kind),
        "controls": _controls_html(kind, nodes, any(d == 0 for _, d in graph.degree())) if nodes else "",
        "empty": "" if nodes else f'<p class="sg-empty">{_EMPTY[kind]}</p>',
        "data_json": _json_for_script(data),
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
    from .rowsnetwork import rows_network

    graph, evidence = rows_network(rows)
    return network_html(graph, title=title, evidence=evidence)


def write_view(rows: Iterable[Mapping[str, Any]], path: str | os.PathLike[str], *, title: str = "stancegraph") -> Path:
    """Write :func:`view_html` of ``rows`` to ``path`` atomically and return the path."""
    return write_text_atomically(path, view_html(rows, title=title))


def _kind(graph: nx.Graph) -> str:
    kind = graph.graph.get("network")
    if kind in NETWORK_KINDS:
        return kind
    if any(kind == "topic" for _, kind in graph.nodes(data="kind")):
        return "stance"
    return "actors" if graph.is_directed() else "congruence"


def _nodes(graph: nx.Graph, kind: str) -> tuple[list[dict[str, Any]], dict[Any, str]]:
    """vis-network node dicts, sorted (actors, then topics, by label), and the page id of each graph node."""
    order = sorted(
        graph.nodes(data=True),
        key=lambda item: (item[1].get("kind") == "topic", _label(item).casefold(), _label(item), str(item[0])),
    )
    ids = {node: f"n{number}" for number, (node, _) in enumerate(order)}
    return [_node(graph, kind, node, attrs, ids[node]) for node, attrs in order], ids


def _label(item: tuple[Any, Mapping[str, Any]]) -> str:
    return _text(item[1].get("label")) or _text(item[0])


def _node(graph: nx.Graph, kind: str, node: Any, attrs: Mapping[str, Any], page_id: str) -> dict[str, Any]:
    label = _label((node, attrs))
    statements = _int(attrs.get("statements"))
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
        lines = [f"{_plural(statements, 'stance')} by {_plural(neighbours, 'actor')}"]
    else:
        actor_type = _text(attrs.get("actor_type")) or "other"
        group = actor_type if actor_type in ACTOR_STYLES else "other"
        shape, colour = ACTOR_STYLES[group]
        actor_id = _text(attrs.get("actor_id"))
        head = f"{label} ({actor_id}) \u2014 {actor_type}" if actor_id else f"{label} \u2014 {actor_type}"
        if kind == "stance":
            lines = [f"{_plural(statements, 'stance')} on {_plural(neighbours, 'topic')}"]
        elif kind == "actors":
            lines = [
                f"{_plural(statements, 'stance')} aimed at {_plural(len(successors), 'actor')}; "
                f"aimed at by {_plural(len(predecessors), 'actor')}"
            ]
        else:
            lines = [f"{_plural(statements, 'stance')}; tied to {_plural(neighbours, 'actor')}"]
    period = _period(attrs)
    if period:
        lines.append(period)
    written = _text(attrs.get("written"))
    if written:
        lines.append("written as: " + written)
    return {
        "id": page_id,
        "iri": _text(node),
        "label": label,
        "group": group,
        "shape": shape,
        "color": colour,
        "value": statements,
        "tip": {"head": head, "lines": lines},
    }


def _edges(
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
    weights = [abs(_float(d.get("weight", 1))) for *_, d in items]
    base = min((w for w in weights if w > 0), default=1.0)
    polarities: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    built = []
    for u, v, key, attrs in items:
        polarity = _edge_polarity(kind, key, attrs)
        polarities[(ids[u], ids[v])].add(polarity)
        edge = _edge(kind, labels[u], labels[v], polarity, attrs, evidence, max_evidence)
        edge.update({"from": ids[u], "to": ids[v], "width": _width(_float(attrs.get("weight", 1)), base)})
        built.append(edge)
    built.sort(key=lambda e: (_order(e["from"]), _order(e["to"]), -e["polarity"], e["tip"]["head"]))
    labelled = len(built) <= _MAX_LABELLED_EDGES
    for number, edge in enumerate(built):
        edge["id"] = f"e{number}"
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


def _edge_polarity(kind: str, key: Any, attrs: Mapping[str, Any]) -> int:
    if kind == "stance":
        return _polarity(attrs.get("polarity", key))
    if kind == "congruence":
        return 1
    if kind == "conflict":
        return -1
    if kind == "subtract":
        return _polarity(attrs.get("sign", attrs.get("weight")))
    if "positive" in attrs or "negative" in attrs:
        return _polarity(_int(attrs.get("positive")) - _int(attrs.get("negative")))
    return _polarity(attrs.get("polarity"))


def _edge(
    kind: str,
    source: str,
    target: str,
    polarity: int,
    attrs: Mapping[str, Any],
    evidence: Mapping[str, Mapping[str, Any]],
    max_evidence: int,
) -> dict[str, Any]:
    weight = _float(attrs.get("weight", 1))
    statements = _int(attrs.get("statements"))
    found = [evidence[i] for i in _text(attrs.get("evidence")).split() if i in evidence]
    lines: list[str] = []
    if kind == "stance":
        counts = Counter(_text(ev.get("stance")) or "?" for ev in found)
        label = _stance_counts(counts) if counts else _text(attrs.get("stances"))
        head = f"{source} \u2192 {target}: {label} (polarity {_POLARITY_SIGNS[polarity]})"
        lines.append(
            f"{_plural(statements, 'stance')} in {_plural(_int(attrs.get('documents')), 'document')}; "
            f"weight {_number(weight)}"
        )
    elif kind == "actors":
        label = _text(attrs.get("stances"))
        head = f"{source} \u2192 {target}: {label}"
        lines.append(
            f"{_plural(statements, 'stance')}: {_int(attrs.get('positive'))} positive, "
            f"{_int(attrs.get('neutral'))} neutral, {_int(attrs.get('negative'))} negative; weight {_number(weight)}"
        )
    else:
        label = ""
        head = f"{source} \u2014 {target}: {kind} {_number(weight)}"
        topics = [t for t in _text(attrs.get("topics")).split("; ") if t]
        extra = f" and {len(topics) - _MAX_TOPICS} more" if len(topics) > _MAX_TOPICS else ""
        lines.append(f"{_plural(len(topics), 'shared topic')}: " + "; ".join(topics[:_MAX_TOPICS]) + extra)
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
    """(sort key, meta line, sentence) of one evidence dict."""
    date = _text(ev.get("date"))
    doc = _text(ev.get("doc")) or "?"
    stance = _text(ev.get("stance")) or "?"
    topic = _text(ev.get("topic"))
    if with_topic and topic:
        stance += f" on {topic}"
    flags = [name for name in ("negated", "hedged") if _truthy(ev.get(name))]
    targets = _targets(ev.get("targets"))
    if targets:
        flags.append("targets " + ", ".join(targets))
    speaker = _text(ev.get("speaker"))
    if speaker:
        flags.append("speaker " + speaker)
    confidence = ev.get("confidence")
    if isinstance(confidence, int | float) and not isinstance(confidence, bool):
        flags.append(f"confidence {confidence:.2f}")
    parts = [doc, date or "no date", _text(ev.get("source")) or "no source", stance]
    meta = " \u00b7 ".join(parts) + (f" ({'; '.join(flags)})" if flags else "")
    sentence = _text(ev.get("sentence"))
    return (date, doc, sentence), meta, sentence


def _width(weight: float, base: float) -> float:
    """1 for the lightest edge, 2 more per doubling of the weight, at most 10."""
    ratio = abs(weight) / base if base else 1.0
    return round(min(10.0, 1.0 + 2.0 * math.log2(max(1.0, ratio))), 2)


def _options(kind: str, n_nodes: int, n_edges: int) -> dict[str, Any]:
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


def _counts(graph: nx.Graph, kind: str, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    n_topics = sum(1 for n in nodes if n["group"] == "topic")
    actors = _plural(len(nodes) - n_topics, "actor")
    statements = sum(e["statements"] for e in edges)
    if kind == "stance":
        line = f"{actors} \u00b7 {_plural(n_topics, 'topic')} \u00b7 {_plural(statements, 'stance')} in " \
               f"{_plural(len(edges), 'edge')}"
        documents = graph.graph.get("documents")
        return line + (f" \u00b7 {_plural(_int(documents), 'document')}" if documents is not None else "")
    if kind == "actors":
        return f"{actors} \u00b7 {_plural(statements, 'stance')} aimed at other actors in {_plural(len(edges), 'edge')}"
    return f"{actors} \u00b7 {_plural(len(edges), 'tie')} ({kind})"


def _settings_html(graph: nx.Graph, kind: str) -> str:
    """How the network was built: what a weight counts, the normalisation, the filters."""
    parts = []
    duplicates = _text(graph.graph.get("duplicates"))
    if duplicates:
        parts.append(f"weights count statements once per {duplicates}")
    normalization = _text(graph.graph.get("normalization"))
    if kind in ("congruence", "conflict", "subtract") and normalization:
        parts.append(f"normalisation: {normalization}")
    filters = _text(graph.graph.get("filters"))
    if filters and filters != "none":
        parts.append(f"filters: {filters}")
    return f'<p class="sg-settings">{html.escape(_DOT.join(parts))}</p>' if parts else ""


def _legend_html(kind: str) -> str:
    items = [("sg-line", POLARITY_COLOURS[polarity], text) for polarity, text in _EDGE_CLASSES[kind]]
    if kind in ("stance", "actors"):
        items.append(("sg-arrow", "#555", "arrow: " + ("actor to topic" if kind == "stance" else "actor to target")))
    items += [(f"sg-shape sg-{shape}", colour, f"actor: {name}") for name, (shape, colour) in ACTOR_STYLES.items()]
    if kind == "stance":
        items.append(("sg-shape sg-box", TOPIC_STYLE[1], "topic"))
    return "".join(
        f'<li><span class="{cls}" style="--c:{colour}"></span>{html.escape(text)}</li>' for cls, colour, text in items
    ) + '<li class="sg-legend-note">width: weight \u00b7 size: stances</li>'



def _controls_html(kind: str, nodes: list[dict[str, Any]], isolated: bool) -> str:
    """Search and filters; the page's script wires them up. Only fixed strings: no document text here."""
    parts = [
        '<span class="sg-control"><input id="stancegraph-search" type="search" list="stancegraph-labels" '
        'placeholder="find a node by label" aria-label="find a node by label">'
        '<button type="button" id="stancegraph-find">find</button>'
        '<datalist id="stancegraph-labels"></datalist></span>'
    ]
    classes = _EDGE_CLASSES[kind]
    if len(classes) > 1:
        boxes = "".join(
            f'<label><input type="checkbox" name="polarity" value="{polarity}" checked>'
            f'<span class="sg-line" style="--c:{POLARITY_COLOURS[polarity]}"></span>{_POLARITY_SIGNS[polarity]}</label>'
            for polarity, _ in classes
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


def _json_for_script(data: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&`` or JS line terminators appear raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _content_security_policy(scripts: Iterable[str]) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data: blob:; "
        "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """The page template and script/style files, read once; line endings normalised so CSP hashes match."""
    spec = importlib.util.find_spec("pyvis")  # locates pyvis without importing it (and IPython with it)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the HTML view needs pyvis's bundled vis-network: pip install pyvis==0.3.2")
    vis_dir = Path(next(iter(spec.submodule_search_locations))).joinpath(*_VIS_DIR)
    templates = importlib.resources.files("stancegraph.graph") / "templates"
    assets = {name: (vis_dir / name).read_text(encoding="utf-8") for name in _VIS_FILES}
    assets |= {name: (templates / name).read_text(encoding="utf-8") for name in _TEMPLATE_FILES}
    for name, text in assets.items():
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        closing = {".css": "</style", ".js": "</script"}.get(Path(name).suffix)
        if closing and closing in text.lower():
            raise ValueError(f"{name} contains {closing!r} and cannot be inlined")
        assets[name] = text
    return assets


def _period(attrs: Mapping[str, Any]) -> str:
    first, last = _text(attrs.get("first")), _text(attrs.get("last"))
    if not first and not last:
        return ""
    if first == last:
        return first
    return f"{first or '?'} to {last or '?'}"


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _float(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _polarity(value: Any) -> int:
    try:
        number = float(str(value).replace("\u2212", "-"))
    except (TypeError, ValueError):
        return 0
    return 1 if number > 0 else -1 if number < 0 else 0


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes"}
    return bool(value)


def _targets(value: Any) -> list[str]:
    if isinstance(value, str):
        return [t.strip() for t in value.split(";") if t.strip()]
    return [_text(t) for t in value or () if _text(t)]


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
