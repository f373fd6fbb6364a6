"""The store at a million triples: load rate and every named query, Oxigraph against rdflib's memory store.

    .venv/bin/python bench/store.py [--triples 1000000] [--seed 0] [--rdflib-queries]

Generates synthetic stance statements of a realistic shape (200 actors, 5,000 topics, dates over 20 years,
see stancegraph.synthetic) through the same writer as extracted documents, writes them as one N-Quads
file, and then, in the same run:

- loads the file into a new on-disk Oxigraph store with Oxigraph's bulk loader (``graph/store/bulk.py``) and into
  rdflib's in-memory store with rdflib's parser, and prints both rates and their ratio;
- writes the documents one by one through the store API (what ``stancegraph extract`` does) into both;
- runs every named query on the Oxigraph store, and with ``--rdflib-queries`` on rdflib's store too (minutes),
  with the parameters of the busiest actors and topic, and prints each time and its ratio.

Acceptance: every named query under 1 s on Oxigraph, and Oxigraph loading at least 5 times faster.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from rdflib import Dataset
from stancegraph.graph.store.bulk import load_file
from stancegraph.graph.sparql.named import named_queries
from stancegraph.graph.sparql.run import run_query
from stancegraph.graph.store import StanceStore, open_store
from stancegraph.synthetic import synthetic_corpus
from stancegraph.graph.readwrite.writer import document_quads


def corpus(triples: int, seed: int) -> tuple[list[list], Counter, Counter]:
    """Each document's quads, until ``triples`` quads; and how often each actor and topic is used."""
    docs, total = [], 0
    actors: Counter = Counter()
    topics: Counter = Counter()
    statements = triples // 20  # about 23 quads a statement: generate in rounds until there are enough
    for doc, stances in synthetic_corpus(statements * 2, seed=seed):
        quads = list(document_quads(doc, stances, extractor="bench", pipeline="synthetic"))
        docs.append(quads)
        total += len(set(quads))  # a document's quads once each (the store holds an actor's description once)
        actors.update(t.actor.id for t in stances)
        topics.update(t.topic.label for t in stances)
        if total >= triples:
            break
    return docs, actors, topics


def nquads(docs: list[list]) -> str:
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} .\n" for quads in docs for s, p, o, g in quads)


def timed(fn) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rdflib-queries", action="store_true", help="also time the queries on rdflib's store")
    args = parser.parse_args()

    t, (docs, actors, topics) = timed(lambda: corpus(args.triples, args.seed))
    total = sum(map(len, docs))
    print(f"synthetic corpus: {len(docs)} documents, {total:,} quads written ({t:.1f} s to generate)")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.nq"
        source.write_text(nquads(docs), encoding="utf-8")
        print(f"N-Quads file: {source.stat().st_size / 1e6:.0f} MB\n")

        oxi = open_store(Path(tmp) / "oxigraph")
        t_ox, _ = timed(lambda: load_file(oxi, source, "nquads"))
        mem = StanceStore(Dataset(default_union=True), "rdflib memory")
        t_rd, _ = timed(lambda: mem.dataset.parse(str(source), format="nquads"))
        print(f"the Oxigraph store holds {len(oxi):,} quads (each quad once, an actor's description once)")
        print("load the N-Quads file           seconds   quads/s")
        print(f"  Oxigraph (on disk)          {t_ox:9.1f}  {total / t_ox:9,.0f}")
        print(f"  rdflib in-memory            {t_rd:9.1f}  {total / t_rd:9,.0f}")
        print(f"  ratio rdflib / Oxigraph     {t_rd / t_ox:9.1f}x  (want >= 5)\n")

        per_doc = open_store(Path(tmp) / "oxigraph-writer")
        t_ow, _ = timed(lambda: [per_doc.dataset.addN(q) for q in docs])
        per_doc.close()
        t_rw, _ = timed(lambda: _addn_all(docs))
        print("write document by document      seconds   quads/s")
        print(f"  Oxigraph (on disk)          {t_ow:9.1f}  {total / t_ow:9,.0f}")
        print(f"  rdflib in-memory            {t_rw:9.1f}  {total / t_rw:9,.0f}")
        print(f"  ratio rdflib / Oxigraph     {t_rw / t_ow:9.1f}x\n")

        top = [a for a, _ in actors.most_common(2)]
        values = {"actor": top[0], "other": top[1], "topic": topics.most_common(1)[0][0]}
        slow = []
        header = "named query                  rows   Oxigraph s"
        print(header + ("    rdflib s   ratio" if args.rdflib_queries else ""))
        for name, q in named_queries().items():
            bindings = q.bindings({p.name: values[p.name] for p in q.parameters if p.name in values})
            t_q, result = timed(lambda: run_query(oxi, q.text, bindings=bindings))
            line = f"  {name:24} {len(result.rows):6}  {t_q:10.3f}"
            if args.rdflib_queries:
                try:
                    t_m, _ = timed(lambda: run_query(mem, q.text, bindings=bindings))
                    line += f"  {t_m:10.2f}  {t_m / t_q:6.0f}x"
                except Exception as err:  # rdflib's own engine fails on some queries Oxigraph answers
                    line += f"  failed: {type(err).__name__}: {str(err)[:60]}"
            print(line)
            if t_q >= 1.0:
                slow.append(name)
        oxi.close()
    print(f"\nevery named query under 1 s on Oxigraph: {'yes' if not slow else 'NO: ' + ', '.join(slow)}")
    print(f"Oxigraph load at least 5x faster: {'yes' if t_rd / t_ox >= 5 else 'NO'}")
    return 0 if not slow and t_rd / t_ox >= 5 else 1


def _addn_all(docs: list[list]) -> None:
    dataset = Dataset(default_union=True)
    for quads in docs:
        dataset.addN(quads)


if __name__ == "__main__":
    sys.exit(main())
