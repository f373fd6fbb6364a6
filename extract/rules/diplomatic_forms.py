"""Forms of stance common in diplomatic speech that carry no stance verb: modal demands, readiness, causatives,
existential denials, "the best way is to ...", intentions.

The rules read "the war must end", "it is time to ...", "we have no intention to ...", "ready to ...", "make X
abandon Y", "there is no justification for X", "X is the only option", "US-backed shield".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from stancegraph.model import Stance

from .. import lexicon
from ..syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    conjuncts,
    intention_object,
    is_hedged,
    is_negated,
    stance_of,
)
from .context import SentenceContext
from .findings import Finding, TopicRef, caused_clause, coordinated

__all__ = [
    "from_adjective",
    "from_best_way",
    "from_causative",
    "from_compound_modifier",
    "from_existential",
    "from_intention",
    "from_modal",
    "from_modal_passive",
    "from_time_to",
]


def from_adjective(ctx: SentenceContext, adj: Token) -> Iterator[Finding]:
    """"Ethiopia is open to initiatives", "stands ready to resolve the dispute", "we are opposed to X"."""
    if adj.dep_ not in ("acomp", "oprd", "xcomp") or adj.head.pos_ not in ("VERB", "AUX"):
        return
    topic = None
    for child in adj.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            topic = TopicRef(child, clause=True)
        elif child.dep_ == "prep" and child.lower_ in ("to", "for") and topic is None:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                topic = TopicRef(pobj, clause=pobj.dep_ == "pcomp")
    actors, _ = ctx.subject_actors(adj.head)
    if topic is None or not actors:
        return
    stance = lexicon.ADJECTIVE_STANCES[adj.lower_]
    yield from ctx.findings(actors, stance, topic, adj, [], is_negated(adj.head), is_hedged(adj.head))


def from_compound_modifier(ctx: SentenceContext, verb: Token) -> Iterator[Finding]:
    """"a US-backed shield", "the Saudi-led coalition", "the EU-proposed plan": the actor's stance on the noun."""
    lemma = verb.lemma_.lower()
    stance = lexicon.COMPOUND_STANCES.get(lemma) or stance_of(verb)[0]
    holders = [
        a for c in verb.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < verb.i
        for a in [ctx.entity_actor(c)] if a is not None
    ]
    if stance is not None and holders:
        yield from ctx.findings(holders, stance, TopicRef(verb.head), verb, [], False, False)


def from_causative(ctx: SentenceContext, verb: Token) -> Iterator[Finding]:
    """"We must make North Korea abandon its programmes": a demand made of North Korea."""
    action = caused_clause(verb)
    actors, subject = ctx.subject_actors(verb)
    if action is None or not actors or is_negated(verb):
        return
    doer = next(c for c in action.children if c.dep_ in SUBJECT_DEPS)
    addressees = ctx.actors_of(doer, via_report=False)
    yield from ctx.findings(actors, Stance.DEMAND, TopicRef(action, clause=True), verb, addressees, False,
                            is_hedged(verb))


def from_modal(ctx: SentenceContext, verb: Token) -> Iterator[Finding]:
    """"The war must end", "the embargo must be lifted", "X should become permanent members": a demand
    of the one who says it."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
    if subject is None or subject.pos_ == "PRON":
        return
    if is_negated(verb):
        # "the Nile must not be monopolized by one state": a demand against its being monopolized
        actor = ctx.reporter_or_utterer(verb)
        if actor is not None and actor.id not in {a.id for a in ctx.actors_of(subject, via_report=False)}:
            topic = TopicRef(verb, clause=True, with_subject=True, flip=True, bare=True)
            yield from ctx.findings([actor], Stance.DEMAND, topic, verb, [], False, False)
        return
    actor = ctx.reporter_or_utterer(verb)
    if actor is None or actor.id in {a.id for a in ctx.actors_of(subject, via_report=False)}:
        return  # "Russia must ..." said by Russia: a commitment, not a demand
    lemma = verb.lemma_.lower()
    has_object = any(c.dep_ in OBJECT_DEPS for c in verb.children)
    if lemma in lexicon.END_VERBS and not has_object:
        # "the war must end", "the embargo must be lifted": against the war, the embargo
        yield from ctx.findings([actor], Stance.DEMAND, TopicRef(subject, flip=True), verb, [], False, False)
    else:
        addressees = ctx.actors_of(subject, via_report=False)
        yield from ctx.findings(
            [actor], Stance.DEMAND, TopicRef(verb, clause=True, with_subject=True), verb, addressees, False, False
        )


def from_time_to(ctx: SentenceContext, be: Token) -> Iterator[Finding]:
    """"It is time to lift the embargo": a demand of the one who says it."""
    time = next((c for c in be.children if c.dep_ == "attr" and c.lemma_.lower() == "time"), None)
    if time is None or is_negated(be):
        return
    action = next((c for c in time.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), None)
    actor = ctx.reporter_or_utterer(be) if action is not None else None
    if actor is not None:
        yield from ctx.findings([actor], Stance.DEMAND, TopicRef(action, clause=True), be, [], False, False)


def from_intention(ctx: SentenceContext, have: Token) -> Iterator[Finding]:
    """"We have no intention to attack Russia": a rejection of attacking it; "we intend to" is support."""
    intention = intention_object(have)
    action = next((c for c in intention.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
    actors, _ = ctx.subject_actors(have)
    if action is None or not actors:
        return
    denied = is_negated(have) or any(c.dep_ == "det" and c.lower_ == "no" for c in intention.children)
    stance = Stance.REJECT if denied else Stance.SUPPORT
    for each in (action, *conjuncts(action)):  # "no intention to use or threaten to use nuclear weapons"
        if each.pos_ == "VERB":
            yield from ctx.findings(actors, stance, TopicRef(each, clause=True), have, [], False, is_hedged(have))


def from_existential(ctx: SentenceContext, be: Token) -> Iterator[Finding]:
    """"There is no justification for the blockade", "there is no longer room for business as usual":
    the one who says it opposes it; "there is no alternative to dialogue": supports it."""
    if not any(c.dep_ == "expl" for c in be.children):
        return
    noun = next((c for c in be.children if c.dep_ == "attr" and c.lemma_.lower() in lexicon.NO_ROOM_NOUNS), None)
    if noun is None or not (is_negated(be) or any(t.lower_ == "no" for t in be.doc[be.i : noun.i + 1])):
        return  # "there is no (longer) room for ..."
    stance = lexicon.NO_ROOM_NOUNS[noun.lemma_.lower()]
    prep = "to" if stance is Stance.SUPPORT else "for"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            actor = ctx.reporter_or_utterer(be)
            if pobj is not None and actor is not None:
                yield from ctx.findings([actor], stance, TopicRef(pobj, clause=pobj.dep_ == "pcomp"), be, [],
                                        False, is_hedged(be))
            return


def from_best_way(ctx: SentenceContext, be: Token) -> Iterator[Finding]:
    """"The best way ... would be to cooperate": the one who says it supports cooperating; "dialogue is
    the only option for solving the crisis": it supports dialogue."""
    subject = next((c for c in be.children if c.dep_ in SUBJECT_DEPS), None)
    way = next((c for c in be.children if c.dep_ == "attr" and c.lemma_.lower() in lexicon.WAY_NOUNS), None)
    if subject is not None and way is not None and subject.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "amod" and c.lower_ in lexicon.BEST_ADJECTIVES for c in way.children):
            actor = ctx.first_person(be)
            if actor is not None:
                yield from ctx.findings([actor], Stance.SUPPORT, TopicRef(subject), be, [], is_negated(be),
                                        is_hedged(be))
            return
    action = next((c for c in be.children if c.dep_ in ("xcomp", "attr") and c.pos_ == "VERB"), None)
    if subject is None or action is None or subject.lemma_.lower() not in lexicon.WAY_NOUNS:
        return
    if not any(c.dep_ == "amod" and c.lower_ in lexicon.BEST_ADJECTIVES for c in subject.children):
        return
    actor = ctx.first_person(be)
    if actor is not None:
        yield from ctx.findings([actor], Stance.SUPPORT, TopicRef(action, clause=True), be, [], is_negated(be), is_hedged(be))


def from_modal_passive(ctx: SentenceContext, verb: Token, stance: Stance, subject: Token) -> Iterator[Finding]:
    """"Any attempt to politicize the issue must be rejected": a demand of the one who says it, against
    the attempt."""
    actor = ctx.reporter_or_utterer(verb)
    if actor is None or is_negated(verb):
        return
    topic = TopicRef(subject, flip=stance.polarity < 0)
    yield from ctx.findings([actor], Stance.DEMAND, topic, verb, [], False, False)
    for other in coordinated(topic):
        yield from ctx.findings([actor], Stance.DEMAND, other, verb, [], False, False)
