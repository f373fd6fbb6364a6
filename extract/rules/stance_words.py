"""Rules that start from a stance word of the lexicon: a verb ("NATO rejected X", "call on Russia to ..."), a
noun ("our call for dialogue", "Russia's threat of a strike") or an evaluation ("X is unacceptable", "call X
unjustified"), with its holder, topic and addressees read from the parse.
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
    agent_object,
    complement,
    is_hedged,
    is_negated,
    modal,
    object_controller,
    stance_of,
)
from .context import SentenceContext
from .criticism import from_evaluation_noun
from .diplomatic_forms import from_modal_passive
from .findings import FIRST_PERSON, ActorRef, Finding, TopicRef, coordinated, is_infinitive

__all__ = ["evaluated_word", "from_copula", "from_evaluating_verb", "from_noun", "from_predicate"]


def from_predicate(ctx: SentenceContext, verb: Token) -> Iterator[Finding]:
    """"NATO rejected X", "Moscow has long sought guarantees from Washington", "a system proposed by the
    Kremlin", "Moscow must reject X" (said by another: a demand of Moscow)."""
    stance, prep = stance_of(verb)
    if stance is None:
        return
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon.CAUSATIVE_VERBS:
        return  # "make North Korea abandon ...": the demand is the causer's
    if verb.dep_ in ("xcomp", "advcl") and stance_of(verb.head)[0] is Stance.DEMAND and object_controller(verb.head):
        return  # "call on the UN to support X": what is asked of the UN, not the UN's own support
    if verb.lower_ == "opposed" and any(c.lower_ == "as" for c in verb.children):
        return  # "as opposed to": a contrast, no stance
    lemma = verb.lemma_.lower()
    if lemma in lexicon.AIM_VERBS and prep is None and complement(verb) is None:
        return  # "work with partners" states no aim
    if modal(verb) is not None and agent_object(verb) is None:
        subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if subject is not None and subject.pos_ != "PRON":
            yield from from_modal_passive(ctx, verb, stance, subject)
            return
    targets: list[ActorRef] = []
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "a joint missile defense system proposed by the Kremlin"
        agent = agent_object(verb)
        if agent is None:
            return
        actors = ctx.actors_of(agent)
        topic = TopicRef(verb.head)
    else:
        actors, _ = ctx.subject_actors(verb)
        topic, stance, targets = _topic_of(ctx, verb, stance, prep)
    if not actors or topic is None:
        return
    negated, hedged = is_negated(verb), is_hedged(verb)
    if modal(verb) is not None and verb.dep_ != "acl":
        speaker = ctx.reporter_or_utterer(verb)
        if speaker is None and not any(c.dep_ in SUBJECT_DEPS and c.lower_ in FIRST_PERSON for c in verb.children):
            return  # "Moscow must reject X", said by nobody named: an obligation, not Moscow's stance
        if speaker is not None and speaker.id not in {a.id for a in actors}:
            # "Moscow must reject these unlawful actions", "Russia should respect X": what the speaker
            # demands of them, not their own stance
            flip = (stance.polarity < 0) != negated
            demanded = TopicRef(topic.head, clause=topic.clause, flip=flip, with_subject=topic.with_subject)
            for each in (demanded, *coordinated(demanded)):
                yield from ctx.findings([speaker], Stance.DEMAND, each, verb, [*actors, *targets], False, hedged)
            return
    if negated and lemma in lexicon.INTENTION_VERBS and stance is Stance.DEMAND:
        stance, negated = Stance.REJECT, False  # "we will never seek hegemony": a rejection of it
    yield from ctx.findings(actors, stance, topic, verb, targets, negated, hedged)
    for other in coordinated(topic):
        # "reject unilateralism and protectionism", "call on Russia to reduce tensions and withdraw its forces"
        yield from ctx.findings(actors, stance, other, verb, targets, negated, hedged)


def _topic_of(
    ctx: SentenceContext, verb: Token, stance: Stance, prep: Token | None
) -> tuple[TopicRef | None, Stance, list[ActorRef]]:
    """The topic of an active clause, the stance as refined by its complement, and addressees."""
    comp = complement(verb)
    if prep is not None and comp is None and prep.lower_ in ("on", "upon"):
        # "calls on Russia immediately to redeploy ...": the infinitive may hang off the verb as an advcl
        comp = next((c for c in verb.children if c.dep_ == "advcl" and c.i > prep.i and is_infinitive(c)), None)
        if comp is not None:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return TopicRef(comp, clause=True), stance, ctx.actors_of(pobj, via_report=False)
    if prep is not None:
        for child in prep.children:
            if child.dep_ == "pobj":
                if comp is not None and comp.dep_ == "xcomp":
                    # "call on X to do Y": X is the addressee, Y the topic
                    return TopicRef(comp, clause=True), stance, ctx.actors_of(child, via_report=False)
                return TopicRef(child), stance, []
            if child.dep_ == "pcomp":
                return TopicRef(child, clause=True), stance, []
        return None, stance, []
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    passive_subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if passive_subject is not None and agent_object(verb) is not None:
        return TopicRef(passive_subject), stance, []
    if obj is not None and comp is not None and comp.dep_ == "xcomp":
        # "urge Iran to stop enrichment": the object is the addressee
        return TopicRef(comp, clause=True), stance, ctx.actors_of(obj, via_report=False)
    if obj is not None:
        return TopicRef(obj), stance, []
    if comp is not None and comp.lemma_ == "be":
        return None, stance, []  # "which we consider to be a milestone": an evaluation, not a topic
    if comp is not None:
        if verb.lemma_.lower() in lexicon.INTENTION_VERBS and comp.dep_ == "xcomp":
            stance = Stance.SUPPORT  # "sought to destabilize": an aim, not a demand made of someone
        if verb.lemma_.lower() in lexicon.PROMISE_VERBS:
            action = comp.lemma_.lower()
            stance = Stance.THREATEN if action in lexicon.COERCIVE_ACTIONS else Stance.SUPPORT
        addressees: list[ActorRef] = []
        if stance is Stance.DEMAND and comp.dep_ == "ccomp":
            # "demanded that NATO halt the deployment": NATO is whom the demand addresses
            subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
            addressees = ctx.actors_of(subject, via_report=False) if subject is not None else []
        return TopicRef(comp, clause=True), stance, addressees
    return None, stance, []


def from_noun(ctx: SentenceContext, noun: Token) -> Iterator[Finding]:
    """Nominal stances: "our call for dialogue", "its rejection of all actions", "Russia's threat of a strike"."""
    stance = lexicon.NOUNS[noun.lemma_.lower()]
    holder: list[ActorRef] = []
    addressees: list[ActorRef] = []
    topic: TopicRef | None = None
    children = list(noun.children)
    if noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in lexicon.LIGHT_STANCE_VERBS:
        # "we reiterate our solidarity with Cuba": the parser hangs "with Cuba" on the verb
        children += [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i]
    for child in children:
        if child.dep_ == "poss":
            holder = ctx.possessor(child, noun)
        elif child.dep_ == "prep" and child.lower_ in lexicon.NOUN_TOPIC_PREPS:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                continue
            if stance is Stance.DEMAND and child.lower_ in ("to", "on", "upon"):
                addressees.extend(ctx.actors_of(pobj, via_report=False))  # "our call to all parties to ..."
                clause = next((c for c in pobj.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"), None)
                if clause is not None and topic is None:
                    topic = TopicRef(clause, clause=True)
            elif child.lower_ in ("of", "by") and ctx.entity_actor(pobj) is not None and not holder:
                holder = ctx.actors_of(pobj, via_report=False)  # "the proposal of France"
            elif topic is None:
                topic = TopicRef(pobj, clause=pobj.dep_ == "pcomp")
        elif child.dep_ in ("acl", "relcl") and child.tag_ == "VB" and topic is None:
            topic = TopicRef(child, clause=True)  # "a call to end the blockade"
    if not holder or topic is None:
        return
    governor = noun.head if noun.dep_ != "ROOT" else noun
    negated = governor.pos_ in ("VERB", "AUX") and is_negated(governor)
    hedged = governor.pos_ in ("VERB", "AUX") and is_hedged(governor)
    for each in (topic, *coordinated(topic)):  # "solidarity with the Government and people of Cuba"
        yield from ctx.findings(holder, stance, each, noun, addressees, negated, hedged)


def from_copula(ctx: SentenceContext, be: Token) -> Iterator[Finding]:
    """"X is unacceptable", "it is illegal to ...": the one who says it opposes (or supports) X."""
    adjective = next((c for c in be.children if c.dep_ == "acomp" and c.lower_ in lexicon.EVALUATIONS), None)
    subject = next((c for c in be.children if c.dep_ in SUBJECT_DEPS), None)
    if adjective is None and subject is not None and subject.pos_ != "PRON":
        yield from from_evaluation_noun(ctx, be, subject)
        return
    if adjective is None or subject is None:
        return
    if subject.lower_ == "it":  # extraposed: "it is unacceptable that ...", "it is wrong to ..."
        clause = next((c for c in (*adjective.children, *be.children) if c.dep_ in ("ccomp", "xcomp")), None)
        if clause is None:
            return
        # "it is essential that we do not overlook people": a stance against overlooking them
        topic = TopicRef(clause, clause=True, flip=is_negated(clause), bare=is_negated(clause))
    elif subject.pos_ == "PRON":
        return
    else:
        topic = TopicRef(subject)
    actor = ctx.reporter_or_utterer(be)
    if actor is not None:
        stance = lexicon.EVALUATIONS[adjective.lower_]
        judged = ctx.actors_of(subject, via_report=False)  # "Russia was wrong": the actor is the target
        if actor.id not in {j.id for j in judged}:
            yield from ctx.findings([actor], stance, topic, be, judged, is_negated(be), is_hedged(be))


def evaluated_word(verb: Token) -> Token | None:
    """The evaluative word of "call X unjustified", "describe X as unacceptable", if any."""
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    if obj is None:
        return None
    for outer in verb.ancestors:
        if outer.lemma_.lower() in lexicon.EVALUATING_VERBS and any(
            c.dep_ in OBJECT_DEPS and c.is_ancestor(verb) for c in outer.children
        ):
            return None  # inside what an outer verb evaluates: the evaluation is the outer verb's
    for tok in verb.subtree:
        if tok.i <= obj.i or tok.lower_ not in lexicon.EVALUATIONS:
            continue
        path, node = [], tok
        while node.i != verb.i and node.head.i != node.i:
            path.append(node.dep_)
            node = node.head
        if node.i == verb.i and not any(d in ("ccomp", "advcl", "relcl", "conj", "xcomp") for d in path[1:]):
            return tok
    return None


def from_evaluating_verb(ctx: SentenceContext, verb: Token) -> Iterator[Finding]:
    """"NATO's chief has called Russia's threat unjustified": the subject takes that stance on the object."""
    word = evaluated_word(verb)
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    actors, _ = ctx.subject_actors(verb)
    if word is None or obj is None or not actors:
        return
    stance = lexicon.EVALUATIONS[word.lower_]
    yield from ctx.findings(actors, stance, TopicRef(obj), verb, [], is_negated(verb), is_hedged(verb))
