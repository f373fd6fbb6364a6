"""Who holds a stance: the actors the words of one sentence stand for.

A gazetteer mention stands for its actor; "we" and "my delegation" for whoever speaks (the official quoted, else
the document's speaker); "NATO's chief" and "the Government of Japan" for the actor they name; a clause's
subject is found up through its xcomp and conj chains, or as the agent of a passive. Who makes a statement is
the subject of the reporting verb it depends on, the source it is "according to", else whoever speaks.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .. import lexicon
from ..syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    according_to,
    agent_object,
    conjuncts,
    object_controller,
    reporting_subject,
)
from .findings import FIRST_PERSON, SPEAKER_NOUNS, THIRD_PERSON, ActorRef

__all__ = ["SentenceActors"]


class SentenceActors:
    """The actors of one sentence.

    ``entity_actor(token)`` returns the gazetteer actor whose mention covers the token, if any;
    ``speaker`` is the actor who speaks the whole document (UN speeches), if known; ``utterer(token)`` is the
    official whose quote holds the token, if any; ``accused`` is the actor the sentences just before accuse,
    if one.
    """

    def __init__(
        self,
        entity_actor: Callable[[Token], ActorRef | None],
        speaker: ActorRef | None = None,
        utterer: Callable[[Token], ActorRef | None] | None = None,
        accused: ActorRef | None = None,
    ):
        self.entity_actor = entity_actor
        self.speaker = speaker
        self.utterer = utterer
        self.accused = accused

    def first_person(self, tok: Token) -> ActorRef | None:
        """Who "we" is: the speaker of the quote around it, else the speaker of the document."""
        quoted = self.utterer(tok) if self.utterer is not None else None
        return quoted or self.speaker

    def actors_of(self, tok: Token, *, via_report: bool = True) -> list[ActorRef]:
        """The actors a subject or agent token stands for, with coordinated ones split."""
        out: list[ActorRef] = []
        for t in (tok, *conjuncts(tok)):
            actor = self._actor_of_one(t, via_report=via_report)
            if actor is not None and actor not in out:
                out.append(actor)
        return out

    def _actor_of_one(self, tok: Token, *, via_report: bool) -> ActorRef | None:
        actor = self.entity_actor(tok)
        if actor is not None:
            return actor
        lower = tok.lower_
        if lower in FIRST_PERSON:
            return self.first_person(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            children = list(tok.children)
            if lower in SPEAKER_NOUNS and any(c.lower_ in ("my", "our") for c in children):
                return self.first_person(tok)
            # "NATO's chief", "US officials", "the Russian government"
            for child in children:
                if child.dep_ in ("poss", "compound", "nmod", "amod"):
                    actor = self.entity_actor(child)
                    if actor is not None:
                        return actor
            # "the Government of Japan", "agents from the Russian Federation"
            for child in children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            actor = self.entity_actor(pobj)
                            if actor is not None:
                                return actor
        if via_report and lower in THIRD_PERSON and tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
            # "Washington says it has not ruled out ...": the pronoun is the reporter.
            reporter = reporting_subject(tok.head)
            if reporter is not None:
                found = self.actors_of(reporter, via_report=False)
                if found:
                    return found[0]
        return None

    def subject_actors(self, verb: Token) -> tuple[list[ActorRef], Token | None]:
        """Actors of the clause headed by ``verb``, looking up through xcomp/conj chains."""
        seen = 0
        while verb is not None and seen < 8:
            seen += 1
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS:
                    return self.actors_of(child), child
            agent = agent_object(verb)
            if agent is not None:
                return self.actors_of(agent), agent
            if verb.dep_ == "xcomp":
                controller = object_controller(verb.head)
                if controller is not None:  # "urge Iran to stop": Iran is who would stop
                    return self.actors_of(controller, via_report=False), controller
            if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.i != verb.i:
                verb = verb.head
                continue
            if verb.dep_ == "acl" and verb.head.lower_ == "order" and verb.head.head.lower_ == "in":
                verb = verb.head.head.head  # "sending groups in order to destabilize": who sends
                continue
            break
        return [], None

    def targets_in(self, tokens: list[Token]) -> list[ActorRef]:
        """Addressees: objects of "from", "on", "upon", "to" attached to the predicate or its object."""
        out: list[ActorRef] = []
        for tok in tokens:
            for child in tok.children:
                if child.dep_ in ("prep", "dative") and child.lower_ in ("from", "on", "upon", "to"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            for actor in self.actors_of(pobj, via_report=False):
                                if actor not in out:
                                    out.append(actor)
        return out

    def reporter_or_utterer(self, verb: Token) -> ActorRef | None:
        """Who makes a statement: the subject of the reporting verb it depends on, else who utters it."""
        reporter = reporting_subject(verb)
        if reporter is not None:
            found = self.actors_of(reporter, via_report=False)
            return found[0] if found else None
        source = according_to(verb)
        if source is not None and self.entity_actor(source) is not None:
            return self.entity_actor(source)  # "According to Moscow, the shield is a threat"
        if source is not None and source.pos_ == "PROPN":
            return None  # "according to Reuters": a source that is no actor, and not the speaker either
        return self.first_person(verb)  # "according to international law" names no source

    def possessor(self, poss: Token, noun: Token) -> list[ActorRef]:
        """The actor behind a possessive: "Russia's", "our" (the speaker), "its" (the clause's subject), or
        the one thanked ("thank the Assembly for its rejection of ...")."""
        if self.entity_actor(poss) is not None:  # "its" already resolved to the actor it stands for
            return [self.entity_actor(poss)]
        thanked = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
        if poss.lower_ in THIRD_PERSON and thanked is not None and thanked.lemma_.lower() in lexicon.GRATITUDE_VERBS:
            obj = next((c for c in thanked.children if c.dep_ in OBJECT_DEPS), None)
            return self.actors_of(obj, via_report=False) if obj is not None else []
        if poss.lower_ in THIRD_PERSON:
            verb = noun.head
            if noun.dep_ in OBJECT_DEPS and verb.pos_ in ("VERB", "AUX"):
                actors, subject = self.subject_actors(verb)
                if subject is not None and subject.lower_ in THIRD_PERSON and not actors and self.speaker:
                    return [self.speaker]  # "It emphasizes its rejection ..." in a delegation's speech
                return actors
            return []
        return self.actors_of(poss, via_report=False)

    def actors_within(self, head: Token) -> list[ActorRef]:
        """The doers a topic names: "Russia's annexation", "Russian aggression", "actions taken by Israel",
        "the aggression of Russia" -- not the places it mentions ("in Ukraine")."""
        out: list[ActorRef] = []

        def add(tok: Token | None) -> None:
            for actor in self.actors_of(tok, via_report=False) if tok is not None else ():
                if actor not in out:
                    out.append(actor)

        for child in head.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod", "nsubj") and child.lower_ not in FIRST_PERSON:
                add(child)  # not "we" in "that we do not overlook people": the speaker is no target of its own
            elif child.dep_ == "acl":
                add(agent_object(child))
            elif child.dep_ == "prep" and (
                child.lower_ == "by" and head.lemma_.lower() in lexicon.HOSTILE_ACTS
                or child.lower_ in ("of", "by")
                and (head.lemma_.lower() in lexicon.AGENT_OF_ACTS or head.lower_ in lexicon.CONDUCT_NOUNS)
            ):
                add(next((c for c in child.children if c.dep_ == "pobj"), None))
        return out
