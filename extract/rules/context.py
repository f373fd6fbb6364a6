"""What every rule works with: the actors of its sentence, and the one way a reading becomes findings.

A rule is a function ``rule(context, token)`` that yields ``Finding``s; the table in ``table`` says which
rule reads which token. The context is the rules' whole contract with the sentence: ``SentenceActors``
resolves who the words stand for, and ``SentenceContext.findings`` turns a reading (holders, a stance, a
topic, the predicate, targets, negation, hedging) into findings.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from stancegraph.model import Stance

from .. import lexicon
from ..core import read_core
from ..syntax import (
    OBJECT_DEPS,
    antecedent,
    clause_tokens,
    content_clause,
    ended_object,
    repair_dangling_prep,
    topic_tokens,
)
from .actors import SentenceActors
from .findings import ActorRef, Finding, TopicRef, is_infinitive, unique_actors

__all__ = ["SentenceContext", "resolve_topic"]


class SentenceContext(SentenceActors):
    """The actors of one sentence (see ``SentenceActors``) and the findings the rules read in it."""

    def findings(
        self,
        actors: list[ActorRef],
        stance: Stance,
        topic: TopicRef,
        predicate: Token,
        targets: list[ActorRef],
        negated: bool,
        hedged: bool,
        *,
        implicit: bool = False,
    ) -> Iterator[Finding]:
        """One finding per holder in ``actors``: the topic's words read, negation applied (a stance it
        cancels yields none), the polarity turned for a topic to end, and the targets the words name added."""
        head, tokens, flipped_topic = resolve_topic(topic)
        if not tokens or (len(tokens) == 1 and head.pos_ in ("PRON", "SCONJ", "DET", "ADP", "PART", "CCONJ")):
            return  # "defend itself", "support that": what the pronoun means is not in the parse
        if len(tokens) == 1 and self.entity_actor(tokens[0]) is not None:
            targets = [*targets, *self.actors_of(tokens[0], via_report=False)]
        if not implicit:  # an accusation aims at the doer, never at the place or victim ("mass on the border of X")
            targets = [*targets, *[a for a in self.targets_in([predicate, *tokens]) if a not in targets]]
        polarity = stance.polarity
        if negated:
            turned = lexicon.NEGATED[stance]
            if turned is None:
                return
            stance, polarity = turned, turned.polarity
        if flipped_topic:
            polarity = -polarity
        if polarity < 0:
            # whose action is criticised: "the illegal Russian annexation", "actions taken by Israel"
            targets = [*targets, *[a for a in self.actors_within(head) if a not in targets]]
        core = read_core(tokens)
        for actor in actors:
            if actor.id in {t.id for t in targets} and len(tokens) > 1:
                continue
            yield Finding(
                actors=[actor],
                stance=stance,
                polarity=polarity,
                topic_tokens=tokens,
                core_tokens=core.tokens,
                core_issue=core.usable,
                predicate=predicate,
                targets=unique_actors([t for t in targets if t.id != actor.id]),
                negated=negated,
                hedged=hedged,
                speaker=actor if actor.person or actor is self.speaker else None,
                implicit=implicit,
            )


def resolve_topic(topic: TopicRef) -> tuple[Token, list[Token], bool]:
    """The topic's head and words, seeing through relative pronouns and calls to end something.

    "lift the embargo", "the lifting of the embargo": the topic is the embargo, with the polarity flipped.
    """
    head = antecedent(topic.head)
    clause = topic.clause and head.i == topic.head.i
    if not clause and head.pos_ == "NOUN" and head.lemma_.lower() in lexicon.SEE_THROUGH_NOUNS:
        # "support the Secretary-General's call to make the Council more equitable": a stance on that
        action = next((c for c in head.children if c.dep_ == "acl" and is_infinitive(c)), None)
        if action is None and head.dep_ in OBJECT_DEPS:  # the parser hung "to make ..." on the verb
            action = next((c for c in head.head.children if c.dep_ == "advcl" and is_infinitive(c)
                           and c.left_edge.i == head.right_edge.i + 1), None)
        if action is not None:
            head, clause = action, True
    content = content_clause(head)
    if content is not None:  # "comments that Moscow may consider a strike": what was said
        head, clause = content, True
    flipped = topic.flip
    ended = ended_object(head)
    if ended is not None:
        head, clause, flipped = ended, False, True
    elif clause and topic.head.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children):
        flipped = True  # "urged Russia not to escalate": a stance against escalating
    tokens = clause_tokens(head, keep_subject=topic.with_subject) if clause else topic_tokens(head)
    if topic.bare:
        tokens = [t for t in tokens if not (t.head.i == head.i and t.dep_ in ("aux", "auxpass", "neg"))]
    if not clause:
        tokens = repair_dangling_prep(head.head if head.dep_ in OBJECT_DEPS else head, tokens)
    return head, tokens, flipped
