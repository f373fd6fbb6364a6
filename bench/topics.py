"""Do the stances of a corpus meet on shared topics? Topic phrases against the concepts made from them.

    .venv/bin/python bench/topics.py [--docs 150] [--workers 2] [--store PATH | --keep PATH] [--sample 50] [--seed 7]

Extracts the first N speeches of ../shared/corpora/ungdc-2015-2022 into a fresh store (or reads the store at
``--store``), then prints, for the topic phrases extraction read and for the concepts the store groups them
into: distinct topics per stance, the share of labels longer than six words, the share of stances on a topic
that at least three actors hold; the 30 most contested concepts; ``--sample`` (phrase -> concept) assignments
drawn at random with a fixed seed, and as many of the phrases grouped under another form, to be judged by
reading them; and what the concepts cost: the time to make
them for the whole store against the extraction's time, and the time of ``topics apply`` with the store's own
draft codebook.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from stancegraph.api import extract, topics_apply, topics_draft
from stancegraph.graph.readwrite.concepts import phrase_uses, refresh_concepts
from stancegraph.graph.readwrite.rows import stance_rows
from stancegraph.graph.store import open_store
from stancegraph.topicforms import normal_form

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "ungdc-2015-2022" / "speeches.jsonl"


def measures(pairs: Iterable[tuple[str, str, str]]) -> dict[str, float]:
    """From (topic, label, actor) per stance: distinct topics per stance, share of stances and of topics with a
    label longer than six words, share of stances on a topic that three or more actors hold."""
    pairs = list(pairs)
    actors: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for topic, label, actor in pairs:
        actors[topic].add(actor)
        labels[topic] = label
    n = len(pairs) or 1
    long_labels = {t for t, label in labels.items() if len(label.split()) > 6}
    return {
        "stances": len(pairs),
        "topics": len(labels),
        "per_stance": len(labels) / n,
        "long_stances": sum(1 for t, _, _ in pairs if t in long_labels) / n,
        "long_topics": len(long_labels) / (len(labels) or 1),
        "shared3": sum(1 for t, _, _ in pairs if len(actors[t]) >= 3) / n,
    }


def show(name: str, m: dict[str, float]) -> None:
    print(f"  {name:9} {int(m['stances']):6,} stances on {int(m['topics']):6,} topics: "
          f"{m['per_stance']:.2f} per stance (bar <= 0.25); labels over six words: {m['long_topics']:.1%} of topics, "
          f"{m['long_stances']:.1%} of stances (bar <= 5%); stances on a topic >= 3 actors hold: "
          f"{m['shared3']:.1%} (bar >= 60%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=150)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--store", default=None, help="an existing store to measure instead of extracting")
    parser.add_argument("--keep", default=None, help="extract into this new store and keep it (to measure it again)")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--contested", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(args.store or args.keep or Path(tmp) / "store")
        extract_s = None
        if not args.store:
            source = Path(tmp) / "docs.jsonl"
            with CORPUS.open(encoding="utf-8") as f:
                source.write_text("".join(line for _, line in zip(range(args.docs), f)), encoding="utf-8")
            start = time.perf_counter()
            summary = extract([source], store, workers=args.workers)
            extract_s = time.perf_counter() - start
            print(f"{summary.documents} speeches of {CORPUS.parent.name}, {args.workers} workers: {summary.line()}")
        report(store, args, extract_s, Path(tmp))


def report(store: Path, args: argparse.Namespace, extract_s: float | None, tmp: Path) -> None:
    with open_store(store, create=False) as opened:
        start = time.perf_counter()
        concepts, _ = refresh_concepts(opened)
        concepts_s = time.perf_counter() - start
        uses = phrase_uses(opened)
        rows = list(stance_rows(opened))
    print("\nTopics as extraction read them (phrases) and as concepts:")
    show("phrases", measures((u.phrase.lower(), u.phrase, u.actor) for u in uses))
    show("concepts", measures((r.topic_id, r.topic, r.actor_id) for r in rows))
    generic = [r for r in rows if concepts.get(r.topic) is not None and concepts[r.topic].generic]
    generic_topics = {r.topic for r in generic}
    print(f"  {len(generic):,} stances ({len(generic) / (len(rows) or 1):.1%}) are on generic concepts "
          "(left out of networks by default); the others:")
    show("issues", measures((r.topic_id, r.topic, r.actor_id) for r in rows if r.topic not in generic_topics))

    sides: dict[str, dict[int, set[str]]] = defaultdict(lambda: {1: set(), -1: set(), 0: set()})
    for r in rows:
        if not (concepts.get(r.topic) and concepts[r.topic].generic):
            sides[r.topic][r.polarity].add(r.actor_id)
    contested = sorted(
        (t for t, s in sides.items() if s[1] and s[-1]),
        key=lambda t: (-min(len(sides[t][1]), len(sides[t][-1])), -len(sides[t][1] | sides[t][-1]), t),
    )
    print(f"\nThe {args.contested} most contested concepts (actors for / against):")
    for t in contested[: args.contested]:
        print(f"  {len(sides[t][1]):3} / {len(sides[t][-1]):3}  {t}")

    rng = random.Random(args.seed)
    sample = rng.sample(uses, min(args.sample, len(uses)))
    label = {c_phrase: c.label for c in concepts.values() for c_phrase in c.phrases}
    print(f"\n{len(sample)} (phrase as extraction read it -> concept) assignments, seed {args.seed}:")
    for i, u in enumerate(sample, 1):
        print(f"  {i:2}. {u.phrase!r} -> {label.get(u.phrase)!r}")
    grouped = sorted({u.phrase for u in uses if normal_form(u.phrase) != normal_form(label.get(u.phrase, u.phrase))})
    sample = rng.sample(grouped, min(args.sample, len(grouped)))
    print(f"\n{len(sample)} of the {len(grouped):,} phrases grouped under another form, seed {args.seed}:")
    for i, phrase in enumerate(sample, 1):
        print(f"  {i:2}. {phrase!r} -> {label.get(phrase)!r}")

    with open_store(store, create=False) as opened:
        draft = topics_draft(opened)
        codebook = tmp / "codebook.csv"
        codebook.write_text(draft, encoding="utf-8")
        start = time.perf_counter()
        applied = topics_apply(codebook, opened)
        apply_s = time.perf_counter() - start
    print("\nCost:")
    cost = f"  making the concepts of the whole store: {concepts_s:.2f} s"
    if extract_s:
        cost += f", {concepts_s / extract_s:.1%} of the extraction's {extract_s:.1f} s (bar <= 10%)"
    print(cost)
    print(f"  topics apply with the store's own draft ({draft.count(chr(10)) - 1:,} concepts): {apply_s:.2f} s, "
          f"{len(applied.changes)} phrases moved (bar <= 30 s on the whole corpus)")


if __name__ == "__main__":
    main()
