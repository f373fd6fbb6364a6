"""Criticism without a stance word: the hostile acts a speaker names or accuses another actor of, the feelings
and evaluations that condemn, and who the doer is.

The rules read accusations: "Russia's annexation of Crimea", "Russia has annexed Crimea", "troops illegally
deployed", "X is a threat to Y", "we are troubled by X".
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
    antecedent,
    conjuncts,
    governing_verb,
    is_hedged,
    is_negated,
)
from .context import SentenceContext
from .findings import (
    CONDITIONAL_MARKS,
    FIRST_PERSON,
    ActorRef,
    Finding,
    TopicRef,
    anaphoric,
    is_infinitive,
    unique_actors,
)

__all__ = [
    "from_affect",
    "from_condemned_act",
    "from_condemned_noun",
    "from_evaluation_noun",
    "from_hostile_act",
    "from_hostile_verb",
]


def from_hostile_act(ctx: SentenceContext, noun: Token) -> Iterator[Finding]:
    """"Russia's annexation of Crimea", "Russian aggression": the one who names it so opposes it."""
    doers: list[ActorRef] = []
    shared = [c for c in noun.head.children if c.i > noun.i] if noun.dep_ == "conj" else []
    for c in (*noun.children, *shared):
        if c.dep_ != "prep" and c.head.i != noun.i:
            continue  # of the first conjunct only a trailing "by X" is shared: "a referendum and annexation by X"
        if c.dep_ == "poss":
            doers.extend(ctx.possessor(c, noun))  # "its military adventurism": the clause's subject
        elif c.dep_ in ("amod", "compound", "nmod") and ctx.entity_actor(c) is not None:
            doers.append(ctx.entity_actor(c))
        elif c.dep_ == "prep" and (
            c.lower_ == "by" or c.lower_ == "of" and noun.lemma_.lower() in lexicon.AGENT_OF_ACTS
        ):  # "the annexation of Crimea by Russia", "the propaganda of the Russian Federation"
            doers.extend(ctx.actors_of(next((p for p in c.children if p.dep_ == "pobj"), c), via_report=False))
        elif c.dep_ == "acl" and agent_object(c) is not None:  # "atrocities inflicted by the military"
            doers.extend(ctx.actors_of(agent_object(c), via_report=False))
    if not doers:
        doers = _perpetrators(ctx, noun)
    speaker = ctx.reporter_or_utterer(governing_verb(noun))
    doers = doers or _accused_by(ctx, speaker)  # "... The occupation was denied against all evidence"
    if speaker is None or not doers or speaker.id in {d.id for d in doers}:
        return
    yield from ctx.findings([speaker], Stance.OPPOSE, TopicRef(noun), noun, doers, False, False, implicit=True)


def _accused_by(ctx: SentenceContext, speaker: ActorRef | None) -> list[ActorRef]:
    """The actor accused in the sentences just before, as the doer of an act named with none -- unless the
    one speaking now is that actor."""
    if ctx.accused is None or speaker is None or speaker.id == ctx.accused.id:
        return []
    return [ctx.accused]


def _controllers(ctx: SentenceContext, group: Token) -> list[ActorRef]:
    """The actors behind a group the text names: "groups headed by agents from X", "militias backed by X"."""
    out: list[ActorRef] = []
    participles = [c for c in group.children if c.dep_ == "acl"]
    if group.tag_ == "VBN":
        participles.append(group)  # "terrorists coordinated by agents of X seized ...", parsed as a clause
    if group.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and group.head.tag_ == "VBN":
        participles.append(group.head)  # a reduced relative parsed as the main verb: "groups, headed by X, seize"
    for verb in participles:
        if verb.lemma_.lower() in lexicon.CONTROL_VERBS and agent_object(verb) is not None:
            out.extend(a for a in ctx.actors_of(agent_object(verb), via_report=False) if a not in out)
    return out


def _doers_of_clause_on_noun(ctx: SentenceContext, verb: Token) -> tuple[list[ActorRef], Token | None]:
    """Who does what a clause on a noun says: "Russia interfering in Ukraine" (the noun itself), "its
    efforts to undermine the process" (the noun's possessor)."""
    noun = verb.head
    if verb.tag_ == "VBG" and noun.i < verb.i:
        actors = ctx.actors_of(noun, via_report=False)
        if actors:
            return actors, noun
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and is_infinitive(verb):
        return ctx.possessor(poss, noun), poss
    return [], None


def _perpetrators(ctx: SentenceContext, noun: Token) -> list[ActorRef]:
    """Who does what a noun names when a verb says so: "Russia is waging propaganda", "by using
    intimidation and aggression", "continues with its adventurism", "resorting to force"."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    verb = first.head
    if first.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif first.dep_ in ("attr", *OBJECT_DEPS) and verb.lemma_.lower() in lexicon.AMOUNTING_VERBS:
        # "the decision of X constitutes a violation", "Russia's actions are aggression"
        node, subjects = verb, []
        while True:  # "X's decision ..., and the actions undertaken, constitute a violation": parsed as a conj
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            if subjects or node.dep_ != "conj" or node.head.i == node.i:
                break
            node = node.head
        return unique_actors([a for s in subjects for t in (s, *conjuncts(s)) for a in ctx.actors_within(t)])
    elif first.dep_ not in OBJECT_DEPS:
        return []
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.CAUSE_VERBS:
        verb = verb.head  # "would allow taking arbitrary decisions"
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lexicon.CAUSE_VERBS and not is_negated(verb):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.lower_ in FIRST_PERSON:
            return []
        return ctx.actors_of(subject, via_report=False) or ctx.actors_within(subject)
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lexicon.PERPETRATION_VERBS:
        return []
    if is_negated(verb):
        return []
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        verb = verb.head.head  # "imposing its will by using aggression": the doer of imposing
    actors, subject = ctx.subject_actors(verb)
    return [] if subject is None or subject.lower_ in FIRST_PERSON else actors


def from_affect(ctx: SentenceContext, word: Token) -> Iterator[Finding]:
    """"My delegation is profoundly troubled by X", "we are alarmed at X": a stance against X."""
    if word.dep_ == "acomp":
        holders, _ = ctx.subject_actors(word.head)
    elif word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children):
        subject = next((c for c in word.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        holders = ctx.actors_of(subject) if subject is not None else []
    else:
        return
    cause = None
    for child in word.children:
        if (child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in lexicon.AFFECT_PREPS)):
            cause = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if cause is not None:
                break
    if cause is None or not holders:
        return
    governor = word.head if word.dep_ == "acomp" else word
    yield from ctx.findings(
        holders, Stance.OPPOSE, TopicRef(cause, clause=cause.dep_ == "pcomp"), word, [],
        is_negated(governor), is_hedged(governor),
    )


def from_condemned_noun(ctx: SentenceContext, noun: Token) -> Iterator[Finding]:
    """"baseless allegations", "the inhuman sanctions imposed by X": the one who says so opposes them."""
    speaker = ctx.reporter_or_utterer(governing_verb(noun))
    doers = ctx.actors_within(noun) or _perpetrators(ctx, noun)
    doers = doers or _accused_by(ctx, speaker)  # "... Those are terrorist operations"
    if speaker is None or speaker.id in {d.id for d in doers}:
        return
    yield from ctx.findings([speaker], Stance.OPPOSE, TopicRef(noun), noun, doers, False, False, implicit=True)


def from_hostile_verb(ctx: SentenceContext, verb: Token) -> Iterator[Finding]:
    """"Russia has annexed Crimea", "Moscow sought to destabilize the country": an accusation by the
    one who says it, aimed at the doer."""
    doers, subject = ctx.subject_actors(verb)
    if verb.dep_ == "acl" and not doers:
        doers, subject = _doers_of_clause_on_noun(ctx, verb)
    if not doers and subject is not None and antecedent(subject).i != subject.i:
        doers = ctx.actors_of(antecedent(subject), via_report=False)  # "the unit of X that infiltrated ..."
    if not doers and subject is not None:
        doers = _controllers(ctx, subject)  # "armed groups headed by agents from X seize buildings"
    if not doers and subject is not None and ctx.accused is not None and anaphoric(subject):
        doers = [ctx.accused]  # "Those actions violate the commitments ...", right after accusing X
    if not doers or subject is None or subject.lower_ in FIRST_PERSON or is_negated(verb):
        return
    if is_hedged(verb) or verb.dep_ in ("amod", "pcomp"):
        return
    if verb.dep_ == "relcl" and subject.lower_ not in ("that", "which", "who"):
        return  # "the group of the Russian forces that infiltrated ...": only the antecedent's own act
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return  # "if Russia invades ...": a condition, not an accusation
    purpose = verb.head.lower_ == "order"  # "in order to destabilize the situation"
    if verb.dep_ == "acl" and agent_object(verb) is None and subject.i != verb.head.i and subject.dep_ != "poss" and not purpose:
        return  # "plans to annex": only "Crimea, annexed by Russia", "Russia's efforts to annex" assert it
    speaker = ctx.reporter_or_utterer(verb)
    if speaker is None or speaker.id in {d.id for d in doers}:
        return
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
    topic = TopicRef(verb, clause=True, with_subject=passive)  # "part of Ukraine was annexed by X"
    yield from ctx.findings([speaker], Stance.OPPOSE, topic, verb, doers, False, False, implicit=True)


def from_evaluation_noun(ctx: SentenceContext, be: Token, subject: Token) -> Iterator[Finding]:
    """"Russia's aggressive stance is a clear threat to Ukraine", "the referendum is a farce": the one who
    says it opposes the subject, aimed at the actor it names."""
    attr = next((c for c in be.children if c.dep_ == "attr" and c.lemma_.lower() in lexicon.EVALUATION_NOUNS), None)
    actor = ctx.reporter_or_utterer(be) if attr is not None else None
    if actor is None or is_negated(be):
        return
    judged = ctx.actors_of(subject, via_report=False)
    if actor.id not in {j.id for j in judged}:
        yield from ctx.findings([actor], Stance.OPPOSE, TopicRef(subject), be, judged, False, is_hedged(be),
                                implicit=True)


def from_condemned_act(ctx: SentenceContext, verb: Token) -> Iterator[Finding]:
    """"Russian troops illegally deployed to Crimea", "troops based illegally in Crimea": the one who says
    so opposes the act, aimed at its doer."""
    if is_negated(verb) or is_hedged(verb):
        return
    if verb.dep_ == "acl":  # "the troops based illegally in Crimea"
        doers = ctx.actors_of(verb.head, via_report=False)
    else:
        doers, subject = ctx.subject_actors(verb)
        if subject is not None and subject.lower_ in FIRST_PERSON:
            return
    speaker = ctx.reporter_or_utterer(verb)
    if speaker is None or not doers or speaker.id in {d.id for d in doers}:
        return
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
    yield from ctx.findings([speaker], Stance.OPPOSE, TopicRef(verb, clause=True, with_subject=passive), verb,
                            doers, False, False, implicit=True)
