"""Writing the HTML view of a 2,000-node, 10,000-edge network: stancegraph's renderer against pyvis's own.

    .venv/bin/python bench/view.py [--actors 500] [--topics 1500] [--edges 10000] [--evidence 3] [--seed 0]

Builds a synthetic stance network of the shape ``stancegraph.graph.networks.stance_network`` returns (IRIs as
node ids; one edge actor -> topic per polarity with weight, counts, stances, dates and evidence ids; actors and
topics drawn with a Zipf-like skew, as in real debate corpora) and evidence sentences for its edges, then, in
the same run:

- writes the view with ``stancegraph.graph.views.html.write_network_view`` (first call, then the best of three);
- puts the same nodes and edges, with the same labels, colours, shapes, sizes, widths and tooltip text, through
  pyvis's ``Network.add_node`` / ``add_edge`` and writes ``generate_html``: the baseline (``add_edge`` scans
  every edge already added, so it is quadratic);
- writes the view of an actor network (congruence) and a target network of the same size with the renderer.

Prints each time, the ratio pyvis / stancegraph, and whether the view is written in under 3 s.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from stancegraph.synthetic import synthetic_actors, synthetic_topics
from stancegraph.graph.views.html import write_network_view
from stancegraph.graph.views.style import ACTOR_STYLES, POLARITY_COLOURS, TOPIC_STYLE
from stancegraph.graph.rdf.iris import actor_iri, topic_iri

BAR_SECONDS = 3.0
_STANCES = {1: ("support", "propose", "demand"), 0: ("consider",), -1: ("oppose", "reject")}


def _skewed(rng: random.Random, n: int) -> int:
    return min(n - 1, int(n * rng.random() ** 2))


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2000, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def stance_graph(actors: int, topics: int, edges: int, evidence_per_edge: int, seed: int):
    """A stance network of ``actors`` + ``topics`` nodes and ``edges`` edges, and the evidence of its edges."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph(network="stance", filters="none", duplicates="document")
    actor_nodes = [str(actor_iri(a.id)) for a in synthetic_actors(actors)]
    for a, node in zip(synthetic_actors(actors), actor_nodes, strict=True):
        graph.add_node(node, kind="actor", label=a.label, actor_id=a.id, actor_type=a.type, statements=0,
                       first="", last="")
    topic_nodes = []
    for label in synthetic_topics(topics, seed=seed):
        node = str(topic_iri(label))
        topic_nodes.append(node)
        graph.add_node(node, kind="topic", label=label, statements=0, first="", last="")
    evidence: dict[str, dict] = {}
    # Every node gets an edge first (no isolated nodes), then the skew decides the rest.
    pairs = [(actor_nodes[i % actors], topic_nodes[i]) for i in range(topics)]
    pairs += [(actor_nodes[i], topic_nodes[rng.randrange(topics)]) for i in range(topics, actors)]
    while len(pairs) < edges:
        pairs.append((actor_nodes[_skewed(rng, actors)], topic_nodes[_skewed(rng, topics)]))
    seen = set()
    for actor, topic in pairs:
        polarity = rng.choice((1, 1, 0, -1, -1))
        while (actor, topic, polarity) in seen:
            actor, topic = actor_nodes[rng.randrange(actors)], topic_nodes[rng.randrange(topics)]
        seen.add((actor, topic, polarity))
        statements = 1 + int(rng.expovariate(0.5))
        ids, dates, stances = [], [], set()
        for k in range(statements):
            sid = f"https://w3id.org/stancegraph/id/stance/doc{len(evidence)}/{k:016x}"
            stance = rng.choice(_STANCES[polarity])
            date = _date(rng)
            ids.append(sid)
            dates.append(date)
            stances.add(stance)
            if k < evidence_per_edge:
                evidence[sid] = {"sentence": f"{graph.nodes[actor]['label']} {stance}s {graph.nodes[topic]['label']} "
                                             "in a sentence of ordinary length, as speeches have them.",
                                 "doc": f"doc{len(evidence)}", "date": date, "source": "synthetic", "stance": stance,
                                 "polarity": polarity}
        graph.add_edge(actor, topic, key=polarity, polarity=polarity, weight=statements, statements=statements,
                       documents=statements, stances=", ".join(sorted(stances)), first=min(dates), last=max(dates),
                       evidence=" ".join(sorted(ids)))
        for node in (actor, topic):
            graph.nodes[node]["statements"] += statements
    return graph, evidence


def actor_graph(nodes: int, edges: int, directed: bool, seed: int) -> nx.Graph:
    """A congruence network (or, ``directed``, a target network) of ``nodes`` actors and ``edges`` edges."""
    rng = random.Random(seed)
    graph = nx.DiGraph(network="actors") if directed else nx.Graph(network="congruence", normalization="jaccard")
    actors = synthetic_actors(nodes)
    ids = [str(actor_iri(a.id)) for a in actors]
    for a, node in zip(actors, ids, strict=True):
        graph.add_node(node, kind="actor", label=a.label, actor_id=a.id, actor_type=a.type,
                       statements=rng.randint(1, 50))
    for i in range(nodes):  # a ring first: no isolated actor
        graph.add_edge(ids[i], ids[(i + 1) % nodes])
    while graph.number_of_edges() < edges:
        u, v = ids[_skewed(rng, nodes)], ids[rng.randrange(nodes)]
        if u != v:
            graph.add_edge(u, v)
    for u, v in graph.edges:
        if directed:
            pos, neu, neg = rng.randint(0, 5), rng.randint(0, 2), rng.randint(0, 5)
            graph.edges[u, v].update(weight=pos + neu + neg or 1, statements=pos + neu + neg, positive=pos,
                                     neutral=neu, negative=neg, stances="demand, oppose", first="", last="",
                                     evidence="")
        else:
            graph.edges[u, v].update(weight=round(rng.random(), 6), kind="congruence", sign=1,
                                     topics="; ".join(f"topic {rng.randrange(1000)}" for _ in range(3)))
    return graph


def pyvis_html(graph: nx.Graph, edge_options, path: Path) -> None:
    """The same picture through pyvis: add_node and add_edge one by one, then generate_html."""
    from pyvis.network import Network

    net = Network(directed=graph.is_directed(), cdn_resources="in_line")
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] == "topic":
            shape, colour = TOPIC_STYLE[0], TOPIC_STYLE[1]
        else:
            shape, colour = ACTOR_STYLES.get(attrs["actor_type"], ACTOR_STYLES["other"])
        net.add_node(node, label=attrs["label"], shape=shape, color=colour, value=attrs["statements"],
                     title=f"{attrs['label']}: {attrs['statements']} stances")
    for u, v, attrs in graph.edges(data=True):
        net.add_edge(u, v, **edge_options(attrs))
    path.write_text(net.generate_html(), encoding="utf-8")


def stance_edge(evidence: dict[str, dict]):
    def options(attrs: dict) -> dict:
        sentences = [evidence[i]["sentence"] for i in attrs["evidence"].split() if i in evidence][:10]
        return {"label": attrs["stances"], "color": POLARITY_COLOURS[attrs["polarity"]],
                "width": min(10.0, 1.0 + 2.0 * math.log2(attrs["weight"])), "title": "\n".join(sentences)}
    return options


def tie_edge(attrs: dict) -> dict:
    return {"color": POLARITY_COLOURS[1], "width": 1.0 + 9.0 * attrs["weight"], "title": attrs["topics"]}


def timed(fn) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=500)
    parser.add_argument("--topics", type=int, default=1500)
    parser.add_argument("--edges", type=int, default=10_000)
    parser.add_argument("--evidence", type=int, default=3, help="evidence sentences kept per edge")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    start = time.perf_counter()
    graph, evidence = stance_graph(args.actors, args.topics, args.edges, args.evidence, args.seed)
    print(f"synthetic stance network: {graph.number_of_nodes():,} nodes ({args.actors:,} actors, "
          f"{args.topics:,} topics), {graph.number_of_edges():,} edges, {len(evidence):,} evidence sentences "
          f"({time.perf_counter() - start:.1f} s to generate)")
    t0 = time.perf_counter()
    import pyvis.network  # noqa: F401  (imports IPython: not part of either timing)

    print(f"importing pyvis: {time.perf_counter() - t0:.1f} s (not timed below)\n")
    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "view.html"
        first = timed(lambda: write_network_view(graph, ours, title="bench", evidence=evidence))
        best = min(timed(lambda: write_network_view(graph, ours, title="bench", evidence=evidence)) for _ in range(3))
        size = ours.stat().st_size
        t_pyvis = timed(lambda: pyvis_html(graph, stance_edge(evidence), Path(tmp) / "pyvis.html"))
        others = {}
        for name, g in (("congruence", actor_graph(2000, args.edges, False, args.seed)),
                        ("actors", actor_graph(2000, args.edges, True, args.seed))):
            path = Path(tmp) / f"{name}.html"
            others[name] = (g, timed(lambda g=g, path=path: write_network_view(g, path, title="bench")))
        congruence = others["congruence"][0]
        t_pyvis_ties = timed(lambda: pyvis_html(congruence, tie_edge, Path(tmp) / "pyvis-ties.html"))

    print("write the view                                  seconds")
    print(f"  stancegraph renderer, first call            {first:8.2f}  ({size / 1e6:.1f} MB)")
    print(f"  stancegraph renderer, best of 3             {best:8.2f}")
    print(f"  pyvis add_node/add_edge + generate_html     {t_pyvis:8.2f}")
    print(f"  ratio pyvis / stancegraph                   {t_pyvis / best:8.1f}x")
    for name, (g, seconds) in others.items():
        print(f"  stancegraph, {name} network ({g.number_of_nodes():,} actors, {g.number_of_edges():,} edges)"
              f"{seconds:{29 - len(name)}.2f}")
    t_ties = others["congruence"][1]
    print(f"  pyvis, congruence network (undirected: add_edge scans every edge) {t_pyvis_ties:8.2f}"
          f"  ratio {t_pyvis_ties / t_ties:.0f}x")
    worst = max(first, *(seconds for _, seconds in others.values()))
    met = worst < BAR_SECONDS
    print(f"\n2,000 nodes and 10,000 edges written in under {BAR_SECONDS:g} s: {'yes' if met else 'NO'} "
          f"(slowest: {worst:.2f} s)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
