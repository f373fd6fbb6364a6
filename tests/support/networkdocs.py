"""Small hand-made stores for the network views: every network kind has nodes and edges in them.

Each document is written with the real writer (``graph.readwrite.writer.write_document``); its text is its sentences
joined, so every evidence sentence is ``text[char_start:char_end]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from stancegraph.graph.store import open_store
from stancegraph.graph.readwrite.writer import write_document

from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic

RUS = Actor("RUS", "Russia", "state", "Moscow")
CHN = Actor("CHN", "China", "state", "Beijing")
USA = Actor("USA", "United States", "state", "Washington")
NATO = Actor("NATO", "NATO", "organization", "NATO")

#: (actor, stance, topic, sentence, targets)
Statement = tuple[Actor, Stance, str, str, Sequence[Actor]]


@contextmanager
def memory_store(*writers: Callable) -> Iterator:
    """An in-memory store holding what each of ``writers`` (e.g. :func:`write_missile_defence`) writes."""
    store = open_store(None)
    try:
        for write in writers:
            write(store)
        yield store
    finally:
        store.close()


def write_statements(store, doc_id: str, statements: Sequence[Statement], *, date: str | None = "2012-05-03",
                     source: str = "RIA Novosti") -> int:
    """Write one document holding ``statements``; return the number of quads written."""
    text, triples = "", []
    for actor, stance, topic, sentence, targets in statements:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        evidence = Evidence(doc_id, sentence, start, start + len(sentence))
        triples.append(StanceTriple(actor, stance, Topic(topic, topic), evidence, targets=tuple(targets)))
    doc = Document(doc_id, text, date=date, source=source)
    return write_document(store, doc, triples, extractor="test", pipeline="hand-made")


def write_missile_defence(store) -> None:
    """Four actors on three topics in three documents: agreement, disagreement and stances aimed at others.

    stance: 4 actors + 3 topics, 9 edges; congruence: RUS-CHN, USA-NATO; conflict: RUS-USA, RUS-NATO, CHN-USA,
    CHN-NATO; actors: RUS -> USA, RUS -> NATO, NATO -> RUS.
    """
    abm, joint, guarantees = "ABM shield", "joint missile defense system", "legally-binding guarantees"
    write_statements(store, "d1", [
        (RUS, Stance.OPPOSE, abm, "Moscow staunchly opposes the ABM shield.", [USA, NATO]),
        (CHN, Stance.OPPOSE, abm, "Beijing also opposes the ABM shield.", []),
        (USA, Stance.SUPPORT, abm, "Washington backs the ABM shield.", []),
        (NATO, Stance.SUPPORT, abm, "NATO defends the ABM shield.", [RUS]),
    ])
    write_statements(store, "d2", [
        (RUS, Stance.PROPOSE, joint, "The Kremlin proposed a joint missile defense system.", []),
        (NATO, Stance.REJECT, joint, "NATO rejected a joint missile defense system.", [RUS]),
        (RUS, Stance.DEMAND, guarantees, "Moscow has long sought legally-binding guarantees.", [USA, NATO]),
    ], date="2012-06-01", source="Reuters")
    write_statements(store, "d3", [
        (RUS, Stance.OPPOSE, abm, "Russia again opposed the ABM shield.", []),
        (USA, Stance.CONSIDER, guarantees, "Washington has not ruled out legally-binding guarantees.", []),
    ], date="2012-07-15", source="TASS")


MARK = "document.documentElement.setAttribute('data-pwned', '{}')"
#: Markup that would run a script if it ever reached the page as HTML; each sets a different mark.
PAYLOADS = (
    f"<script>{MARK.format('script')}</script>",
    f"</script><script>{MARK.format('breakout')}</script>",
    f"<img src=x onerror=\"{MARK.format('img')}\">",
    f"<svg onload=\"{MARK.format('svg')}\"></svg>",
)


def write_hostile(store) -> tuple[Actor, Actor]:
    """Two user actors and two topics whose names, and the document's text and source, hold every payload.

    Every network has an edge: both actors oppose the first topic (congruence), take opposite stances on the
    second (conflict), and aim their stances at each other (actors).
    """
    script, breakout, img, svg = PAYLOADS
    first = Actor("X1", f"Actor {script} {img}", "group", script)
    second = Actor("X2", f"Actor {breakout} {svg}", "person", img)
    topic_a, topic_b = f"Topic {img} {script}", f"Topic {svg} {breakout}"
    write_statements(store, "hostile", [
        (first, Stance.OPPOSE, topic_a, f"Sentence {script} opposes {img}.", [second]),
        (second, Stance.REJECT, topic_a, f"Sentence {breakout} rejects {svg}.", [first]),
        (first, Stance.SUPPORT, topic_b, f"Sentence {img} supports {breakout}.", []),
        (second, Stance.OPPOSE, topic_b, f"Sentence {svg} opposes {script}.", [first]),
    ], source=f"Source {img}")
    return first, second
