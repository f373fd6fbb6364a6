"""Stance rules over the dependency parse of one sentence.

Each rule starts from a predicate in the lexicon and reads its actor, topic and targets from the parse.
The rules work on any parsed ``Doc`` (tests build them by hand from words, heads and deps) and return
plain ``Finding`` objects that point at tokens; ``extractor`` turns them into ``StanceTriple``s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from stancegraph.model import Stance

from .. import lexicon
from ..syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    according_to,
    agent_object,
    antecedent,
    clause_tokens,
    complement,
    condemning_adjective,
    conjuncts,
    content_clause,
    ended_object,
    intention_object,
    is_hedged,
    is_negated,
    is_question,
    modal,
    object_controller,
    repair_dangling_prep,
    reporting_subject,
    stance_of,
    topic_tokens,
)
from .criticism import CriticismRules
from .diplomatic_forms import DiplomaticForms
from .findings import (
    FIRST_PERSON,
    SPEAKER_NOUNS,
    THIRD_PERSON,
    ActorRef,
    Finding,
    TopicRef,
    caused_clause,
    coordinated,
    is_infinitive,
    unique_actors,
)

__all__ = ["ActorRef", "Finding", "accused_in", "find_stances"]

class SentenceRules(CriticismRules, DiplomaticForms):
    """Apply the stance rules to one sentence.

    ``entity_actor(token)`` returns the gazetteer actor whose mention covers the token, if any;
    ``speaker`` is the actor who speaks the whole document (UN speeches), if known.
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
        self.accused = accused  # the actor the sentences just before accuse, if one

    def _first_person(self, tok: Token) -> ActorRef | None:
        """Who "we" is: the speaker of the quote around it, else the speaker of the document."""
        quoted = self.utterer(tok) if self.utterer is not None else None
        return quoted or self.speaker

    # --- actors -----------------------------------------------------------------------------------

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
            return self._first_person(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            children = list(tok.children)
            if lower in SPEAKER_NOUNS and any(c.lower_ in ("my", "our") for c in children):
                return self._first_person(tok)
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

    # --- stances ----------------------------------------------------------------------------------

    def find(self, sent: Span) -> Iterator[Finding]:
        found = list(self._find_all(sent))
        for finding in found:
            # "we condemn Russian aggression": the naming adds nothing to the condemnation around it
            if finding.implicit and any(
                other is not finding
                and {a.id for a in other.actors} == {a.id for a in finding.actors}
                and finding.predicate.i in {t.i for t in other.topic_tokens}
                for other in found
            ):
                continue
            yield finding

    def _find_all(self, sent: Span) -> Iterator[Finding]:
        if is_question(sent):
            return  # "is the United States going to encourage ...?": a question asserts no stance
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.NOUNS:
                yield from self._from_noun(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.HOSTILE_ACTS:
                found = list(self._from_hostile_act(tok))
                if not found and condemning_adjective(tok) is not None:
                    found = list(self._from_condemned_noun(tok))  # "the unjust blockade imposed by some countries"
                yield from found
            elif tok.pos_ == "ADJ" and tok.lower_ in lexicon.ADJECTIVE_STANCES:
                yield from self._from_adjective(tok)
            elif tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.pos_ == "VERB":
                yield from self._from_compound_modifier(tok)
            elif tok.pos_ == "NOUN" and condemning_adjective(tok) is not None:
                yield from self._from_condemned_noun(tok)
            elif tok.lower_ in lexicon.AFFECT_OPPOSE:
                yield from self._from_affect(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.HOSTILE_VERBS:
                yield from self._from_hostile_verb(tok)
            elif tok.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in lexicon.CONDEMNING_ADVERBS
                                            for c in tok.children) and stance_of(tok)[0] is None:
                yield from self._from_condemned_act(tok)
            elif tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG", "VB", "VBD", "VBP", "VBZ"):
                if tok.lemma_ == "be":
                    yield from self._from_existential(tok)
                    yield from self._from_best_way(tok)
                    yield from self._from_copula(tok)
                    yield from self._from_time_to(tok)
                elif tok.lemma_ == "have" and intention_object(tok) is not None:
                    yield from self._from_intention(tok)
                elif tok.lemma_.lower() in lexicon.CAUSATIVE_VERBS and caused_clause(tok) is not None:
                    yield from self._from_causative(tok)
                elif modal(tok) is not None and stance_of(tok)[0] is None:
                    yield from self._from_modal(tok)
                elif tok.lemma_.lower() in lexicon.EVALUATING_VERBS and self._evaluated(tok) is not None:
                    yield from self._from_evaluating_verb(tok)
                else:
                    yield from self._from_predicate(tok)

    def _reporter_or_utterer(self, verb: Token) -> ActorRef | None:
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
        return self._first_person(verb)  # "according to international law" names no source

    def _from_copula(self, be: Token) -> Iterator[Finding]:
        """"X is unacceptable", "it is illegal to ...": the one who says it opposes (or supports) X."""
        adjective = next((c for c in be.children if c.dep_ == "acomp" and c.lower_ in lexicon.EVALUATIONS), None)
        subject = next((c for c in be.children if c.dep_ in SUBJECT_DEPS), None)
        if adjective is None and subject is not None and subject.pos_ != "PRON":
            yield from self._from_evaluation_noun(be, subject)
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
        actor = self._reporter_or_utterer(be)
        if actor is not None:
            stance = lexicon.EVALUATIONS[adjective.lower_]
            judged = self.actors_of(subject, via_report=False)  # "Russia was wrong": the actor is the target
            if actor.id not in {j.id for j in judged}:
                yield from self._findings([actor], stance, topic, be, judged, is_negated(be), is_hedged(be))

    def _evaluated(self, verb: Token) -> Token | None:
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

    def _from_evaluating_verb(self, verb: Token) -> Iterator[Finding]:
        word = self._evaluated(verb)
        obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
        actors, _ = self.subject_actors(verb)
        if word is None or obj is None or not actors:
            return
        stance = lexicon.EVALUATIONS[word.lower_]
        yield from self._findings(actors, stance, TopicRef(obj), verb, [], is_negated(verb), is_hedged(verb))

    def _from_predicate(self, verb: Token) -> Iterator[Finding]:
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
                yield from self._from_modal_passive(verb, stance, subject)
                return
        targets: list[ActorRef] = []
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "a joint missile defense system proposed by the Kremlin"
            agent = agent_object(verb)
            if agent is None:
                return
            actors = self.actors_of(agent)
            topic = TopicRef(verb.head)
        else:
            actors, _ = self.subject_actors(verb)
            topic, stance, targets = self._topic_of(verb, stance, prep)
        if not actors or topic is None:
            return
        negated, hedged = is_negated(verb), is_hedged(verb)
        if modal(verb) is not None and verb.dep_ != "acl":
            speaker = self._reporter_or_utterer(verb)
            if speaker is None and not any(c.dep_ in SUBJECT_DEPS and c.lower_ in FIRST_PERSON for c in verb.children):
                return  # "Moscow must reject X", said by nobody named: an obligation, not Moscow's stance
            if speaker is not None and speaker.id not in {a.id for a in actors}:
                # "Moscow must reject these unlawful actions", "Russia should respect X": what the speaker
                # demands of them, not their own stance
                flip = (stance.polarity < 0) != negated
                demanded = TopicRef(topic.head, clause=topic.clause, flip=flip, with_subject=topic.with_subject)
                for each in (demanded, *coordinated(demanded)):
                    yield from self._findings([speaker], Stance.DEMAND, each, verb, [*actors, *targets], False, hedged)
                return
        if negated and lemma in lexicon.INTENTION_VERBS and stance is Stance.DEMAND:
            stance, negated = Stance.REJECT, False  # "we will never seek hegemony": a rejection of it
        yield from self._findings(actors, stance, topic, verb, targets, negated, hedged)
        for other in coordinated(topic):
            # "reject unilateralism and protectionism", "call on Russia to reduce tensions and withdraw its forces"
            yield from self._findings(actors, stance, other, verb, targets, negated, hedged)

    def _from_noun(self, noun: Token) -> Iterator[Finding]:
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
                holder = self._possessor(child, noun)
            elif child.dep_ == "prep" and child.lower_ in lexicon.NOUN_TOPIC_PREPS:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is None:
                    continue
                if stance is Stance.DEMAND and child.lower_ in ("to", "on", "upon"):
                    addressees.extend(self.actors_of(pobj, via_report=False))  # "our call to all parties to ..."
                    clause = next((c for c in pobj.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"), None)
                    if clause is not None and topic is None:
                        topic = TopicRef(clause, clause=True)
                elif child.lower_ in ("of", "by") and self.entity_actor(pobj) is not None and not holder:
                    holder = self.actors_of(pobj, via_report=False)  # "the proposal of France"
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
            yield from self._findings(holder, stance, each, noun, addressees, negated, hedged)

    def _possessor(self, poss: Token, noun: Token) -> list[ActorRef]:
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

    def _findings(
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
        head, tokens, flipped_topic = self._resolve_topic(topic)
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
            targets = [*targets, *[a for a in self._actors_within(head) if a not in targets]]
        for actor in actors:
            if actor.id in {t.id for t in targets} and len(tokens) > 1:
                continue
            yield Finding(
                actors=[actor],
                stance=stance,
                polarity=polarity,
                topic_tokens=tokens,
                predicate=predicate,
                targets=unique_actors([t for t in targets if t.id != actor.id]),
                negated=negated,
                hedged=hedged,
                speaker=actor if actor.person or actor is self.speaker else None,
                implicit=implicit,
            )

    def _resolve_topic(self, topic: TopicRef) -> tuple[Token, list[Token], bool]:
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

    def _actors_within(self, head: Token) -> list[ActorRef]:
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

    def _topic_of(self, verb: Token, stance: Stance, prep: Token | None) -> tuple[TopicRef | None, Stance, list[ActorRef]]:
        """The topic of an active clause, the stance as refined by its complement, and addressees."""
        comp = complement(verb)
        if prep is not None and comp is None and prep.lower_ in ("on", "upon"):
            # "calls on Russia immediately to redeploy ...": the infinitive may hang off the verb as an advcl
            comp = next((c for c in verb.children if c.dep_ == "advcl" and c.i > prep.i and is_infinitive(c)), None)
            if comp is not None:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return TopicRef(comp, clause=True), stance, self.actors_of(pobj, via_report=False)
        if prep is not None:
            for child in prep.children:
                if child.dep_ == "pobj":
                    if comp is not None and comp.dep_ == "xcomp":
                        # "call on X to do Y": X is the addressee, Y the topic
                        return TopicRef(comp, clause=True), stance, self.actors_of(child, via_report=False)
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
            return TopicRef(comp, clause=True), stance, self.actors_of(obj, via_report=False)
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
                addressees = self.actors_of(subject, via_report=False) if subject is not None else []
            return TopicRef(comp, clause=True), stance, addressees
        return None, stance, []


def find_stances(
    sent: Span,
    entity_actor: Callable[[Token], ActorRef | None],
    speaker: ActorRef | None = None,
    utterer: Callable[[Token], ActorRef | None] | None = None,
    accused: ActorRef | None = None,
) -> list[Finding]:
    """All stances the rules find in one sentence.

    ``accused`` is the actor the sentences just before accuse: the doer of a hostile act named with no doer.
    """
    return list(SentenceRules(entity_actor, speaker, utterer, accused).find(sent))


def accused_in(findings: list[Finding]) -> ActorRef | None:
    """The one actor a sentence's criticism aims at, if exactly one."""
    aimed = unique_actors([t for f in findings if f.polarity < 0 for t in f.targets])
    return aimed[0] if len(aimed) == 1 else None
