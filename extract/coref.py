"""What "it" and "its" stand for when they stand for a state or an organisation.

A salience rule in the manner of centering theory: the pronoun refers to the most recent subject, in the same
sentence before it or in the sentence before, when that subject names exactly one actor. When the most recent
subject is something else ("The resolution ... It calls for ..."), or several actors ("Russia and China"), the
pronoun is left alone. Extraposed and weather "it" ("it is time", "it seems") never refers.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

__all__ = ["resolve_it"]

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Verbs whose "it" subject is usually a placeholder: "it is unacceptable that", "it seems", "it takes courage".
EXPLETIVE_HEADS = frozenset("be seem appear remain become take make happen matter".split())
# Nouns that speak for the actor attached to them: "the Russian Government", "the Government of Japan".
PROXY_NOUNS = frozenset(
    "government authorities administration leadership regime delegation side state federation republic".split()
)
PROXY_DEPS = ("poss", "compound", "amod", "nmod")


def resolve_it(doc: Doc, actor_at: Callable[[int], str | None]) -> dict[int, int]:
    """Map each referring "it"/"its" to the index of the token that names its actor.

    ``actor_at(i)`` is the id of the actor whose mention covers token ``i``, if any.
    """
    out: dict[int, int] = {}
    last: tuple[int, int | None] | None = None  # (subject index, actor token index or None), most recent first
    previous_sentence_last: tuple[int, int | None] | None = None
    for sent in doc.sents:
        last = previous_sentence_last
        for tok in sent:
            if tok.lower_ in ("it", "its") and last is not None and last[1] is not None and _refers(tok):
                out[tok.i] = last[1]
            if tok.dep_ in SUBJECT_DEPS and tok.pos_ != "PRON":
                last = (tok.i, _named_actor(tok, actor_at))
            elif tok.dep_ in SUBJECT_DEPS and tok.i in out:
                last = (tok.i, out[tok.i])  # "Russia ... It ... it": the chain goes on
        previous_sentence_last = last
    return out


def _refers(tok: Token) -> bool:
    if tok.lower_ == "its":
        return tok.dep_ == "poss"
    if tok.dep_ not in SUBJECT_DEPS:
        return tok.dep_ in ("dobj", "pobj")
    return tok.head.lemma_.lower() not in EXPLETIVE_HEADS


def _named_actor(subject: Token, actor_at: Callable[[int], str | None]) -> int | None:
    """The token naming the one actor a subject stands for, or None."""
    if any(c.dep_ == "conj" for c in subject.children):
        return None  # "Russia and China": "it" cannot mean both
    if actor_at(subject.i) is not None:
        return subject.i
    if subject.lemma_.lower() not in PROXY_NOUNS:
        return None  # "Russia's decision ... It was a mistake": "it" is the decision
    for child in subject.children:
        if child.dep_ in PROXY_DEPS and child.i < subject.i and actor_at(child.i) is not None:
            return child.i
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and actor_at(pobj.i) is not None:
                return pobj.i
    return None
