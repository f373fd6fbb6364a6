r"""The interactive HTML view of a stance table: actors and topics joined by one edge per stance polarity.

The page is one standalone file that works offline: vis-network's JavaScript and CSS are read from the installed
pyvis package and inlined, nothing is loaded from the network, and a Content-Security-Policy allows only the
page's own scripts (by hash). Every string from the documents is untrusted: it reaches the page only inside a JSON
block that cannot close its ``<script>`` element, and the page turns it into text nodes, never into markup.

Examples
--------
>>> rows = [{"doc": "d1", "actor": "Russia", "actor_id": "RUS", "actor_type": "state",
...          "stance": "oppose", "polarity": -1, "topic": "ABM shield",
...          "sentence": "Moscow opposes the <ABM> shield."}]
>>> page = view_html(rows, title="Missile defence")
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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from stancegraph.files import write_text_atomically

__all__ = [
    "ACTOR_STYLES",
    "LAYOUT_SEED",
    "POLARITY_COLOURS",
    "TOPIC_STYLE",
    "view_html",
    "write_view",
]

#: Edge colour by polarity towards the topic.
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
#: vis-network's ``layout.randomSeed``: the same rows always draw the same picture.
LAYOUT_SEED = 20120523

_VIS_DIR = ("lib", "vis-9.1.2")
_VIS_FILES = ("vis-network.min.js", "vis-network.css")
_TEMPLATE_FILES = ("view.html", "view.js", "guard.js", "view.css")
_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")
_POLARITY_SIGNS = {1: "+1", 0: "0", -1: "\u22121"}
_MAX_VARIANTS = 20


@dataclass
class _EdgeAcc:
    rows: list[Mapping[str, Any]] = field(default_factory=list)
    stances: Counter[str] = field(default_factory=Counter)


@dataclass
class _NodeAcc:
    labels: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    written: Counter[str] = field(default_factory=Counter)
    neighbours: set[str] = field(default_factory=set)
    mentions: int = 0


def view_html(rows: Iterable[Mapping[str, Any]], *, title: str = "stancegraph") -> str:
    """Return a standalone HTML page drawing the stance-table ``rows`` as an interactive network.

    One node per actor (``actor_id``; shape and colour by ``actor_type``) and one per topic (a box). One edge per
    (actor, topic, polarity): coloured by polarity, as wide as its number of mentions, labelled with its stances;
    its tooltip, and the side panel when it is clicked, list every evidence sentence with doc, date, source and
    stance. The same rows, in any order, give the same page byte for byte. No rows give a page saying
    "no stances".

    The page's Content-Security-Policy runs only its own three scripts (by hash) and loads nothing from the
    network: embed it whole (e.g. in an iframe's ``srcdoc``) rather than adding scripts to it. Once drawn, it sets
    ``data-sg-ready``, ``data-sg-nodes`` and ``data-sg-edges`` on ``<html>`` (and ``data-sg-errors`` on any
    script error or blocked load), which browser tests read.
    """
    rows = list(rows)
    nodes, edges, docs = _network(rows)
    heading = _counts(nodes, edges, len(rows), docs)
    data = {"nodes": nodes, "edges": edges, "options": _options(len(nodes))}
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
        "counts": html.escape(heading),
        "legend": _legend_html(),
        "empty": "" if rows else '<p class="sg-empty">no stances</p>',
        "data_json": _json_for_script(data),
        "vis_css": assets["vis-network.css"],
        "page_css": assets["view.css"],
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], assets["view.html"])


def write_view(rows: Iterable[Mapping[str, Any]], path: str | os.PathLike[str], *, title: str = "stancegraph") -> Path:
    """Write :func:`view_html` of ``rows`` to ``path`` atomically and return the path.

    The page goes to a temporary file in the same folder, which then replaces ``path``: a reader never sees half
    a page, and a failure leaves any earlier page in place.
    """
    return write_text_atomically(path, view_html(rows, title=title))


def _network(rows: list[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """Aggregate rows into vis-network node and edge dicts (sorted), and count the documents."""
    actors: defaultdict[str, _NodeAcc] = defaultdict(_NodeAcc)
    topics: defaultdict[str, _NodeAcc] = defaultdict(_NodeAcc)
    groups: defaultdict[tuple[str, str, int], _EdgeAcc] = defaultdict(_EdgeAcc)
    docs: set[str] = set()
    for row in rows:
        actor_label = _text(row.get("actor")) or _text(row.get("actor_text")) or _text(row.get("actor_id")) or "?"
        actor_key = "actor:" + (_text(row.get("actor_id")) or actor_label)
        topic_label = _text(row.get("topic")) or _text(row.get("topic_text")) or "(no topic)"
        topic_key = "topic:" + topic_label
        polarity = _polarity(row.get("polarity"))

        actor = actors[actor_key]
        actor.labels[actor_label] += 1
        actor.kinds[_text(row.get("actor_type")) or "other"] += 1
        actor.written[_text(row.get("actor_text")) or actor_label] += 1
        actor.neighbours.add(topic_key)
        actor.mentions += 1
        topic = topics[topic_key]
        topic.labels[topic_label] += 1
        topic.written[_text(row.get("topic_text")) or topic_label] += 1
        topic.neighbours.add(actor_key)
        topic.mentions += 1

        group = groups[(actor_key, topic_key, polarity)]
        group.rows.append(row)
        group.stances[_text(row.get("stance")) or "?"] += 1
        docs.add(_text(row.get("doc")))

    nodes = [_actor_node(key, acc) for key, acc in actors.items()]
    nodes += [_topic_node(key, acc) for key, acc in topics.items()]
    nodes.sort(key=lambda n: (n["id"].startswith("topic:"), n["label"].casefold(), n["id"]))
    labels = {n["id"]: n["label"] for n in nodes}
    polarities: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    for actor_key, topic_key, polarity in groups:
        polarities[(actor_key, topic_key)].add(polarity)
    edges = [
        _edge(key, acc, labels, curved=len(polarities[key[:2]]) > 1)
        for key, acc in sorted(groups.items(), key=lambda kv: (labels[kv[0][0]], labels[kv[0][1]], -kv[0][2], kv[0]))
    ]
    for number, edge in enumerate(edges):
        edge["id"] = f"e{number}"
    return nodes, edges, len(docs)


def _actor_node(key: str, acc: _NodeAcc) -> dict[str, Any]:
    label = _most_common(acc.labels)
    kind = _most_common(acc.kinds)
    shape, colour = ACTOR_STYLES.get(kind, ACTOR_STYLES["other"])
    lines = [
        f"{_plural(acc.mentions, 'stance')} on {_plural(len(acc.neighbours), 'topic')}",
        "written as: " + _variants(acc.written),
    ]
    return {
        "id": key,
        "label": label,
        "group": kind,
        "shape": shape,
        "color": colour,
        "value": acc.mentions,
        "tip": {"head": f"{label} ({key.removeprefix('actor:')}) \u2014 {kind}", "lines": lines},
    }


def _topic_node(key: str, acc: _NodeAcc) -> dict[str, Any]:
    label = _most_common(acc.labels)
    shape, fill, border = TOPIC_STYLE
    lines = [
        f"{_plural(acc.mentions, 'stance')} by {_plural(len(acc.neighbours), 'actor')}",
        "written as: " + _variants(acc.written),
    ]
    return {
        "id": key,
        "label": label,
        "group": "topic",
        "shape": shape,
        "color": {"background": fill, "border": border},
        "value": acc.mentions,
        "tip": {"head": f"{label} \u2014 topic", "lines": lines},
    }


def _edge(key: tuple[str, str, int], acc: _EdgeAcc, labels: Mapping[str, str], *, curved: bool) -> dict[str, Any]:
    actor_key, topic_key, polarity = key
    n = len(acc.rows)
    stances = sorted(acc.stances.items(), key=lambda kv: (-kv[1], kv[0]))
    label = ", ".join(name if count == 1 else f"{name} \u00d7{count}" for name, count in stances)
    evidence = sorted((_evidence(row) for row in acc.rows), key=lambda ev: (ev[2], ev[0], ev[1]))
    head = (
        f"{labels[actor_key]} \u2192 {labels[topic_key]}: {label} "
        f"(polarity {_POLARITY_SIGNS[polarity]}, {_plural(n, 'mention')})"
    )
    edge: dict[str, Any] = {
        "from": actor_key,
        "to": topic_key,
        "label": label,
        "color": POLARITY_COLOURS[polarity],
        "width": round(min(10.0, 1.0 + 2.0 * math.log2(n)), 2),
        "polarity": polarity,
        "mentions": n,
        "tip": {"head": head, "evidence": [[meta, sentence] for meta, sentence, _ in evidence]},
    }
    if curved:
        # Edges of one actor-topic pair with different polarities would overlap: bend them apart.
        edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * (polarity or 0.001)}
    return edge


def _evidence(row: Mapping[str, Any]) -> tuple[str, str, str]:
    """Return (meta line, sentence, sort key) for one row's evidence."""
    date = _text(row.get("date"))
    parts = [_text(row.get("doc")) or "?", date or "no date", _text(row.get("source")) or "no source"]
    stance = _text(row.get("stance")) or "?"
    flags = [name for name in ("negated", "hedged") if _truthy(row.get(name))]
    targets = _targets(row.get("targets"))
    if targets:
        flags.append("targets " + ", ".join(targets))
    speaker = _text(row.get("speaker"))
    if speaker:
        flags.append("speaker " + speaker)
    confidence = row.get("confidence")
    if isinstance(confidence, int | float) and not isinstance(confidence, bool):
        flags.append(f"confidence {confidence:.2f}")
    meta = " \u00b7 ".join(parts) + f" \u00b7 {stance}" + (f" ({'; '.join(flags)})" if flags else "")
    return meta, _text(row.get("sentence")), date


def _options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: fixed seed, stabilise once, then the page switches physics off."""
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": n_nodes <= 150},
        "physics": {
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 160, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 1000 if n_nodes <= 300 else 300, "updateInterval": 25},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_nodes > 300},
        "nodes": {
            "font": {"size": 14, "face": "sans-serif"},
            "borderWidth": 1,
            "scaling": {"min": 10, "max": 30, "label": {"enabled": False}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": {"enabled": True, "type": "continuous"},
            "font": {"size": 10, "align": "middle", "color": "#333", "strokeWidth": 3},
        },
    }


def _counts(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], n_rows: int, n_docs: int) -> str:
    n_topics = sum(1 for n in nodes if n["group"] == "topic")
    return (
        f"{_plural(len(nodes) - n_topics, 'actor')} \u00b7 {_plural(n_topics, 'topic')} \u00b7 "
        f"{_plural(n_rows, 'stance')} in {_plural(len(edges), 'edge')} \u00b7 {_plural(n_docs, 'document')}"
    )


def _legend_html() -> str:
    items = [
        ("sg-line", POLARITY_COLOURS[1], "supports, proposes, demands (+1)"),
        ("sg-line", POLARITY_COLOURS[0], "considers (0)"),
        ("sg-line", POLARITY_COLOURS[-1], "opposes, rejects (\u22121)"),
    ]
    items += [(f"sg-shape sg-{shape}", colour, f"actor: {kind}") for kind, (shape, colour) in ACTOR_STYLES.items()]
    items.append(("sg-shape sg-box", TOPIC_STYLE[1], "topic"))
    return "".join(
        f'<li><span class="{cls}" style="--c:{colour}"></span>{html.escape(text)}</li>' for cls, colour, text in items
    )


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


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


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


def _most_common(counter: Counter[str]) -> str:
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _variants(counter: Counter[str]) -> str:
    names = [name for name, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
    extra = f" and {len(names) - _MAX_VARIANTS} more" if len(names) > _MAX_VARIANTS else ""
    return ", ".join(names[:_MAX_VARIANTS]) + extra


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
