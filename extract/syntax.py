"""Reading clauses and phrases from a dependency parse: negation, hedges, complements, and the words of a topic.

Plain functions over spaCy tokens, shared by the stance rules.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from stancegraph.model import Stance

from . import lexicon

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
# Children of a topic noun that are not part of what the topic is.
TOPIC_DROP_DEPS = {"acl", "relcl", "advcl", "appos", "cc", "conj", "punct", "parataxis", "mark", "agent"}
# Prepositions that keep their phrase inside a topic ("strike on X", "guarantees of Y").
TOPIC_PREPS = {"of", "on", "against", "for", "about", "over", "to", "with", "between", "towards", "toward"}
LEADING_DROP_DEPS = {"det", "poss", "predet", "case", "neg", "aux", "mark", "advmod", "punct"}


def stance_of(verb: Token) -> tuple[Stance | None, Token | None]:
    """The stance of a predicate: phrasal forms ("rule out", "call for") first, then the bare verb."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "prt":
            stance = lexicon.lookup(lemma, child.lower_)
            if stance is not None:
                return stance, None
    for child in verb.children:
        if child.dep_ == "prep" and not _is_time(child):  # "calling for several years for X": the second "for"
            stance = lexicon.lookup(lemma, child.lower_)
            if stance is not None:
                return stance, child
    if lemma == "say":  # "we say no new coal mines"
        refused = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")), None)
        if refused is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in refused.children):
            return Stance.REJECT, None
    if lemma == "say" and any(c.lower_ == "no" for c in verb.children):
        to = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
        if to is not None:  # "say no to unilateralism"
            return Stance.REJECT, to
    for child in verb.children:
        if child.dep_ == "advcl":  # "calls for the application of X to codify ...", parsed as a for-clause
            mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "for"), None)
            stance = lexicon.lookup(lemma, "for") if mark is not None else None
            if stance is not None and mark.i == verb.i + 1:
                return stance, mark
    if any(c.dep_ == "prt" for c in verb.children):
        return None, None  # "back down", "turn up": a different verb from the bare one
    return lexicon.lookup(lemma), None


def is_negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    # negation reaches conjoined verbs that share the subject: "we do not tolerate or support war"
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return any(c.dep_ == "neg" for c in verb.head.children)
    return False


def is_hedged(verb: Token) -> bool:
    heads = [verb]
    if verb.dep_ == "xcomp":
        heads.append(verb.head)
    return any(c.dep_ == "aux" and c.lower_ in lexicon.HEDGE_MODALS for h in heads for c in h.children)


def agent_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def complement(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)


def antecedent(tok: Token) -> Token:
    """What a relative pronoun stands for: "the convention, which was proposed by India" -> convention."""
    if tok.lower_ not in ("which", "that", "who", "whom"):
        return tok
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "... that I proposed and which were rejected"
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else tok


def modal(verb: Token) -> Token | None:
    """The "must" or "should" of a clause."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in lexicon.DEMAND_MODALS), None)


def intention_object(have: Token) -> Token | None:
    """The object of "have (no) intention to ..."."""
    return next(
        (c for c in have.children if c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lexicon.INTENTION_NOUNS), None
    )


def condemning_adjective(noun: Token) -> Token | None:
    """An adjective before a noun that condemns it: "baseless allegations", "the illegal annexation"."""
    for child in noun.children:
        if child.dep_ != "amod" or child.i > noun.i:
            continue
        for adjective in (child, *child.conjuncts):  # "the unilateral and illegal withdrawal"
            if lexicon.EVALUATIONS.get(hyphenated(adjective)) is Stance.OPPOSE:
                return adjective
    return None


def hyphenated(tok: Token) -> str:
    """The whole hyphenated word a token ends, in lower case: "proclaimed" in "self-proclaimed" -> "self-proclaimed"."""
    start = tok.i
    doc = tok.doc
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2
    return doc[start : tok.i + 1].text.lower()


def is_question(sent: Span) -> bool:
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in ('"', "'", ")")), None)
    return last is not None and last.text == "?"


def governing_verb(tok: Token) -> Token:
    """The verb a word depends on, or the sentence root."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def is_content_clause(verb: Token) -> bool:
    """A that-clause: "demands that the members refrain", "comments that Moscow may strike"."""
    return verb.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def is_evaluation_phrase(tok: Token) -> bool:
    """"as unjustified": the evaluation of a topic, not part of it."""
    return tok.dep_ == "prep" and tok.lower_ == "as" and any(t.lower_ in lexicon.EVALUATIONS for t in tok.subtree)


def content_clause(head: Token) -> Token | None:
    """The that-clause a speech noun carries: "comments (made by X) that Y" -> Y."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in lexicon.CONTENT_NOUNS:
        return None
    for tok in head.subtree:
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
            return tok
    return None


def ended_object(head: Token) -> Token | None:
    """The thing a call to end is about: "lift the embargo", "the lifting of the embargo" -> embargo."""
    lemma = head.lemma_.lower()
    particles = {c.lower_ for c in head.children if c.dep_ in ("prt", "advmod") and c.i == head.i + 1}
    if head.pos_ in ("VERB", "AUX") and any((lemma, p) in lexicon.END_PHRASES for p in particles):
        return next((c for c in head.children if c.dep_ in OBJECT_DEPS), None)
    if head.pos_ in ("VERB", "AUX") and lemma in lexicon.END_VERBS:
        return next((c for c in head.children if c.dep_ in OBJECT_DEPS), None)
    if head.pos_ in ("VERB", "AUX") and lemma in lexicon.REFRAIN_VERBS:
        for child in head.children:  # "refrain from resorting to the veto"
            if child.dep_ == "prep" and child.lower_ == "from":
                return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    if head.pos_ in ("VERB", "AUX") and lemma in lexicon.LIGHT_END_VERBS:
        # "put an immediate halt to the actions", "bring an end to the occupation"
        noun = next((c for c in head.children if c.dep_ in OBJECT_DEPS), None)
        if noun is not None and noun.lemma_.lower() in lexicon.LIGHT_END_NOUNS:
            for child in (*head.children, *noun.children):
                if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
    if head.pos_ == "NOUN" and lemma in lexicon.END_NOUNS:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def object_controller(verb: Token) -> Token | None:
    """The object that controls an infinitive: "urge Iran to ...", "call on the community to ..."."""
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            return child
        if child.dep_ in ("prep", "prt") and child.lower_ in ("on", "upon"):
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None:  # "call on X to ...", also when the parser makes "on" a particle
                return found
    return None


def conjuncts(tok: Token) -> list[Token]:
    return [t for t in tok.conjuncts if t.i > tok.i]


def according_to(verb: Token) -> Token | None:
    """The source an "according to X" on the clause or a clause above it names."""
    for node in (verb, *verb.ancestors):
        for child in node.children:
            if child.lower_ == "according":
                to = next((c for c in child.children if c.lower_ == "to"), None)
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if pobj is not None:
                    return pobj
    return None


def reporting_subject(verb: Token) -> Token | None:
    """The subject of the reporting verb whose complement clause ``verb`` heads."""
    if verb.dep_ != "ccomp":
        return None
    head = verb.head
    if head.lemma_.lower() not in lexicon.REPORTING_VERBS:
        return None
    return next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)


def topic_tokens(head: Token) -> list[Token]:
    """The words of a noun phrase that say what a topic is, without relative clauses and side phrases."""
    keep: list[Token] = []

    def walk(tok: Token) -> None:
        keep.append(tok)
        for child in tok.children:
            if child.dep_ == "acl" and tok.i == head.i and tok.lemma_.lower() in lexicon.WRAPPER_NOUNS:
                keep.extend(_without_side_clauses(child))
                continue  # "the need to keep arms out of ...", "actions taken by Israel to alter the Golan"
            if child.dep_ in TOPIC_DROP_DEPS:
                continue
            if child.dep_ == "prep" and child.lower_ not in TOPIC_PREPS:
                continue
            if child.dep_ == "amod" and child.i > tok.i and tok.pos_ in ("NOUN", "PROPN"):
                continue  # an adjective after its noun is predicative: "called the threat 'unjustified'"
            if is_evaluation_phrase(child):
                continue
            walk(child)

    walk(head)
    return _trim(sorted(keep, key=lambda t: t.i))


def _is_time(tok: Token) -> bool:
    """A prepositional phrase or noun that says when: "on Thursday", "on the eve of the holiday", "last year"."""
    head = tok
    if tok.dep_ == "prep":
        head = next((c for c in tok.children if c.dep_ == "pobj"), tok)
    if head is tok and tok.dep_ != "npadvmod":
        return False
    return head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in lexicon.TIME_NOUNS


def _without_side_clauses(tok: Token) -> list[Token]:
    """A phrase's words without its relative clauses, appositions and punctuation."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in ("relcl", "appos", "parataxis", "punct"):
            out.extend(_without_side_clauses(child))
    return out


def clause_tokens(verb: Token, *, keep_subject: bool = False) -> list[Token]:
    """The words of a complement clause ("to deploy missiles in X"), without its subordinate clauses."""
    keep: list[Token] = []
    content = keep_subject or is_content_clause(verb)

    def walk(tok: Token, top: bool) -> None:
        keep.append(tok)
        for child in tok.children:
            if child.dep_ in TOPIC_DROP_DEPS or child.dep_ in ("advcl", "npadvmod"):
                continue
            if top and (child.dep_ == "mark" or child.dep_ in ("aux", "neg") and not content):
                continue  # "to deploy" -> "deploy"; a that-clause keeps "may", "will not"
            if top and child.dep_ in ("nsubj", "csubj") and (not content or child.pos_ == "PRON"):
                continue  # a that-clause keeps a subject that says what is asked: "that the members refrain"
            if top and _is_time(child):
                continue  # "on Thursday", "on the eve of the holiday": when, not what
            if is_evaluation_phrase(child):
                continue
            walk(child, False)

    walk(verb, True)
    return _trim(sorted(keep, key=lambda t: t.i))


def _whole_words(tokens: list[Token]) -> list[Token]:
    """Add the rest of every hyphenated or glued word a kept token belongs to ("legally-binding")."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    keep = {t.i for t in tokens}
    for tok in tokens:
        i = tok.i
        while i > 0 and not doc[i - 1].whitespace_ and not doc[i - 1].is_space and _glue(doc[i - 1], doc[i]):
            i -= 1
            keep.add(i)
        i = tok.i
        while i + 1 < len(doc) and not doc[i].whitespace_ and _glue(doc[i], doc[i + 1]):
            i += 1
            keep.add(i)
    return [doc[i] for i in sorted(keep)]


def _glue(left: Token, right: Token) -> bool:
    """Two tokens written without a space that form one word: "legally-binding", "chief-of-staff"."""
    return (left.text in "-/" and right.is_alpha) or (right.text in "-/" and left.is_alpha) or (
        left.is_alpha and right.is_alpha
    )


def _trim(tokens: list[Token]) -> list[Token]:
    tokens = _whole_words(tokens)
    while tokens and (tokens[0].dep_ in LEADING_DROP_DEPS or tokens[0].is_space or tokens[0].is_punct):
        if len(tokens) > 1 and not tokens[0].whitespace_ and _glue(tokens[0], tokens[1]):
            break  # part of a word: "legally-binding"
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def repair_dangling_prep(verb: Token, topic: list[Token]) -> list[Token]:
    """Reattach a phrase the parser hung elsewhere after a preposition left with no object.

    "opposes the deployment of a US-backed ... shield", parsed with "shield" as a clause of "opposes":
    a sibling whose phrase starts right after the dangling preposition is its object.
    """
    if not topic or topic[-1].dep_ != "prep" or any(True for _ in topic[-1].children):
        return topic
    follows = topic[-1].i + 1
    for child in verb.children:
        if child.left_edge.i == follows:
            return topic + topic_tokens(child)
    return topic
