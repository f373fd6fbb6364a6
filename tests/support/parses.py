"""Hand-built parses for the stance rules, and the small gazetteer that finds their actors: no trained model
needed."""

from __future__ import annotations

from contextlib import contextmanager

import spacy
from spacy.tokens import Doc
from stancegraph.extract.rules import ActorRef, find_stances

VOCAB = spacy.blank("en").vocab  # with the English lexical attributes (lower case, is_alpha ...)

ACTORS = {
    "Moscow": "RUS",
    "Russia": "RUS",
    "Kremlin": "RUS",
    "NATO": "NATO",
    "Washington": "USA",
    "Iran": "IRN",
}


@contextmanager
def more_actors(**names: str):
    """Let the gazetteer of these tests know a few more names for one test."""
    ACTORS.update(names)
    try:
        yield
    finally:
        for name in names:
            del ACTORS[name]


def parse(rows: list[tuple]) -> Doc:
    """rows: (word, head index, dep, pos, lemma[, tag]); a head equal to the row's own index is the root."""
    words = [r[0] for r in rows]
    heads = [r[1] for r in rows]
    deps = [r[2] for r in rows]
    pos = [r[3] for r in rows]
    lemmas = [r[4] for r in rows]
    tags = [r[5] if len(r) > 5 else {"VERB": "VBZ", "NOUN": "NN", "PROPN": "NNP"}.get(r[3], "XX") for r in rows]
    spaces = [not (i + 1 < len(words) and words[i + 1] in {".", ",", "-"} or w == "-") for i, w in enumerate(words)]
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)


def stances(doc: Doc, speaker: ActorRef | None = None):
    def actor_of(tok):
        return ActorRef(ACTORS[tok.text], tok.text) if tok.text in ACTORS else None

    found = find_stances(doc[:], actor_of, speaker)
    return [
        (f.actors[0].id, f.stance, f.polarity, " ".join(t.text for t in f.topic_tokens), sorted(a.id for a in f.targets))
        for f in found
    ]
