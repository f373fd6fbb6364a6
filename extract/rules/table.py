"""Which rule reads which word: the ordered rule table, and the stances of one sentence.

Each token of a sentence is read by at most one rule: the first in ``RULES`` whose trigger holds for it. The
order matters where triggers overlap: a stance noun ("our call for dialogue") is read as such before it could
be a condemned noun, a hostile verb ("annexed") before it could be a stance verb, and a verb that no earlier
entry claims falls through to ``from_predicate``, the stance verbs of the lexicon.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from spacy.tokens import Span, Token

from .. import lexicon
from ..syntax import condemning_adjective, intention_object, is_question, modal, stance_of
from .context import SentenceContext
from .criticism import (
    from_affect,
    from_condemned_act,
    from_condemned_noun,
    from_hostile_act,
    from_hostile_verb,
)
from .diplomatic_forms import (
    from_adjective,
    from_best_way,
    from_causative,
    from_compound_modifier,
    from_existential,
    from_intention,
    from_modal,
    from_time_to,
)
from .findings import ActorRef, Finding, caused_clause
from .stance_words import evaluated_word, from_copula, from_evaluating_verb, from_noun, from_predicate

__all__ = ["RULES", "Rule", "find_stances"]


class Rule(NamedTuple):
    """One entry of the table: a name, the test a token must pass, and the rule that then reads it."""

    name: str
    trigger: Callable[[Token], bool]
    read: Callable[[SentenceContext, Token], Iterable[Finding]]


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG", "VB", "VBD", "VBP", "VBZ")


def _is_condemned_act(tok: Token) -> bool:
    """"deployed illegally": a verb with a condemning adverb and no stance of its own."""
    return (
        tok.pos_ == "VERB"
        and any(c.dep_ == "advmod" and c.lower_ in lexicon.CONDEMNING_ADVERBS for c in tok.children)
        and stance_of(tok)[0] is None
    )


def _hostile_act_or_condemned_noun(ctx: SentenceContext, noun: Token) -> list[Finding]:
    """A hostile act with no doer found may still be condemned by its adjective: "the unjust blockade imposed
    by some countries"."""
    found = list(from_hostile_act(ctx, noun))
    if not found and condemning_adjective(noun) is not None:
        found = list(from_condemned_noun(ctx, noun))
    return found


def _forms_of_be(ctx: SentenceContext, be: Token) -> Iterator[Finding]:
    """"there is no justification for X", "the best way is to ...", "X is unacceptable", "it is time to ...":
    each reading of "be" in turn."""
    yield from from_existential(ctx, be)
    yield from from_best_way(ctx, be)
    yield from from_copula(ctx, be)
    yield from from_time_to(ctx, be)


RULES: tuple[Rule, ...] = (
    Rule("stance noun", lambda t: t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.NOUNS, from_noun),
    Rule(
        "hostile act",
        lambda t: t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.HOSTILE_ACTS,
        _hostile_act_or_condemned_noun,
    ),
    Rule("stance adjective", lambda t: t.pos_ == "ADJ" and t.lower_ in lexicon.ADJECTIVE_STANCES, from_adjective),
    Rule(
        "compound modifier",
        lambda t: t.dep_ == "amod" and t.tag_ == "VBN" and t.pos_ == "VERB",
        from_compound_modifier,
    ),
    Rule("condemned noun", lambda t: t.pos_ == "NOUN" and condemning_adjective(t) is not None, from_condemned_noun),
    Rule("affect", lambda t: t.lower_ in lexicon.AFFECT_OPPOSE, from_affect),
    Rule("hostile verb", lambda t: t.pos_ == "VERB" and t.lemma_.lower() in lexicon.HOSTILE_VERBS, from_hostile_verb),
    Rule("condemned act", _is_condemned_act, from_condemned_act),
    # the verbs: each entry below holds only for a verb, and the last takes every verb left
    Rule("forms of be", lambda t: _is_verb(t) and t.lemma_ == "be", _forms_of_be),
    Rule(
        "intention",
        lambda t: _is_verb(t) and t.lemma_ == "have" and intention_object(t) is not None,
        from_intention,
    ),
    Rule(
        "causative",
        lambda t: _is_verb(t) and t.lemma_.lower() in lexicon.CAUSATIVE_VERBS and caused_clause(t) is not None,
        from_causative,
    ),
    Rule("modal", lambda t: _is_verb(t) and modal(t) is not None and stance_of(t)[0] is None, from_modal),
    Rule(
        "evaluating verb",
        lambda t: _is_verb(t) and t.lemma_.lower() in lexicon.EVALUATING_VERBS and evaluated_word(t) is not None,
        from_evaluating_verb,
    ),
    Rule("stance verb", _is_verb, from_predicate),
)


def find_stances(
    sent: Span,
    entity_actor: Callable[[Token], ActorRef | None],
    speaker: ActorRef | None = None,
    utterer: Callable[[Token], ActorRef | None] | None = None,
    accused: ActorRef | None = None,
) -> list[Finding]:
    """All stances the rules find in one sentence.

    ``entity_actor(token)`` returns the gazetteer actor whose mention covers the token, if any; ``speaker`` is
    the actor who speaks the whole document; ``utterer(token)`` the official whose quote holds the token;
    ``accused`` is the actor the sentences just before accuse: the doer of a hostile act named with no doer.
    """
    found = list(_read(SentenceContext(entity_actor, speaker, utterer, accused), sent))
    return [finding for finding in found if not _restated(finding, found)]


def _read(ctx: SentenceContext, sent: Span) -> Iterator[Finding]:
    if is_question(sent):
        return  # "is the United States going to encourage ...?": a question asserts no stance
    for tok in sent:
        rule = next((rule for rule in RULES if rule.trigger(tok)), None)
        if rule is not None:
            yield from rule.read(ctx, tok)


def _restated(finding: Finding, found: list[Finding]) -> bool:
    """An implicit finding inside the topic of another by the same holders: in "we condemn Russian aggression"
    the naming of the aggression adds nothing to the condemnation around it."""
    return finding.implicit and any(
        other is not finding
        and {a.id for a in other.actors} == {a.id for a in finding.actors}
        and finding.predicate.i in {t.i for t in other.topic_tokens}
        for other in found
    )
