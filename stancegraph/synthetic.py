"""Synthetic stance statements of a realistic shape, for benchmarks and for checking queries.

Documents are speeches by one actor with a date spread over the years; actors and topics are drawn with a
Zipf-like skew (a few are very active, most are rare), as in real debate corpora; every statement goes
through the same writer as extracted ones, so the quads have exactly the shape of a real store.

>>> docs = list(synthetic_corpus(statements=50, actors=5, topics=10, seed=1))
>>> sum(len(triples) for _, triples in docs)
50
>>> len(docs), len({t.actor.id for _, triples in docs for t in triples}) <= 5
(3, True)
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

import pycountry

from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic

__all__ = ["synthetic_actors", "synthetic_corpus", "synthetic_topics"]

_ORGANIZATIONS = ("NATO", "EU", "UN", "AU", "ASEAN", "OSCE", "OAS", "GCC", "CSTO", "SCO", "ICRC", "WTO")
_WORDS = (
    "nuclear disarmament climate finance sanctions ceasefire missile defense peacekeeping refugees reform "
    "security council development aid trade embargo maritime boundary arms control humanitarian access "
    "vaccine equity debt relief cyber norms election monitoring water rights border demarcation "
    "counter terrorism mission mandate human rights inquiry energy transition food security"
).split()
_VERBS = {
    Stance.SUPPORT: "supports",
    Stance.PROPOSE: "proposes",
    Stance.DEMAND: "calls for",
    Stance.THREATEN: "threatens",
    Stance.CONSIDER: "is considering",
    Stance.OPPOSE: "opposes",
    Stance.REJECT: "rejects",
}


def synthetic_actors(n: int) -> list[Actor]:
    """``n`` actors: international organisations, then states by their ISO codes, then numbered groups."""
    actors = [Actor(o, o, "organization") for o in _ORGANIZATIONS[: max(1, n // 20)]]
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        if len(actors) >= n:
            break
        actors.append(Actor(country.alpha_3, country.name, "state"))
    while len(actors) < n:
        actors.append(Actor(f"GRP{len(actors):04d}", f"Group {len(actors)}", "group"))
    return actors


def synthetic_topics(n: int, seed: int = 0) -> list[str]:
    """``n`` distinct topic labels of two to four words."""
    rng = random.Random(seed)
    labels: dict[str, None] = {}
    while len(labels) < n:
        words = rng.sample(_WORDS, rng.randint(2, 4))
        label = " ".join(words)
        if len(labels) >= len(_WORDS) ** 2:  # the word pairs are used up: number the rest
            label = f"{label} {len(labels)}"
        labels[label] = None
    return list(labels)


def _skewed(rng: random.Random, n: int) -> int:
    """An index in [0, n) drawn with a Zipf-like skew towards the first ones."""
    return min(n - 1, int(n * rng.random() ** 2))


def synthetic_corpus(
    statements: int,
    *,
    actors: int = 200,
    topics: int = 5000,
    years: int = 20,
    per_document: int = 20,
    seed: int = 0,
) -> Iterator[tuple[Document, list[StanceTriple]]]:
    """Documents and their stances, ``statements`` in all, ``per_document`` to a document.

    Most statements are the speaking actor's own; one in five is another actor's (reported or accused), and
    one in ten names a target.
    """
    rng = random.Random(seed)
    cast = synthetic_actors(actors)
    labels = synthetic_topics(topics, seed)
    stances = list(Stance)
    start = date(2026 - years, 1, 1)
    made = 0
    number = 0
    while made < statements:
        speaker = cast[_skewed(rng, len(cast))]
        day = start + timedelta(days=rng.randrange(365 * years))
        doc_id = f"synthetic-{number:07d}"
        number += 1
        sentences: list[str] = []
        triples: list[StanceTriple] = []
        offset = 0
        for _ in range(min(per_document, statements - made)):
            actor = speaker if rng.random() < 0.8 else cast[_skewed(rng, len(cast))]
            stance = stances[rng.randrange(len(stances))]
            topic = labels[_skewed(rng, len(labels))]
            sentence = f"{actor.label} {_VERBS[stance]} {topic}."
            targets = (cast[rng.randrange(len(cast))],) if rng.random() < 0.1 else ()
            triples.append(
                StanceTriple(
                    actor=actor,
                    stance=stance,
                    topic=Topic(topic, topic),
                    evidence=Evidence(doc_id, sentence, offset, offset + len(sentence)),
                    targets=targets,
                    speaker=speaker.label,
                    confidence=round(rng.uniform(0.5, 1.0), 3),
                )
            )
            sentences.append(sentence)
            offset += len(sentence) + 1
            made += 1
        doc = Document(doc_id, " ".join(sentences), date=day.isoformat(), source="synthetic", speaker=speaker.label)
        yield doc, triples
