"""The stances of one sentence: each token is read by the first rule whose condition holds for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

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

__all__ = ["find_stances"]


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
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.NOUNS:
            yield from from_noun(ctx, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.HOSTILE_ACTS:
            found = list(from_hostile_act(ctx, tok))
            if not found and condemning_adjective(tok) is not None:
                found = list(from_condemned_noun(ctx, tok))  # "the unjust blockade imposed by some countries"
            yield from found
        elif tok.pos_ == "ADJ" and tok.lower_ in lexicon.ADJECTIVE_STANCES:
            yield from from_adjective(ctx, tok)
        elif tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.pos_ == "VERB":
            yield from from_compound_modifier(ctx, tok)
        elif tok.pos_ == "NOUN" and condemning_adjective(tok) is not None:
            yield from from_condemned_noun(ctx, tok)
        elif tok.lower_ in lexicon.AFFECT_OPPOSE:
            yield from from_affect(ctx, tok)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.HOSTILE_VERBS:
            yield from from_hostile_verb(ctx, tok)
        elif tok.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in lexicon.CONDEMNING_ADVERBS
                                        for c in tok.children) and stance_of(tok)[0] is None:
            yield from from_condemned_act(ctx, tok)
        elif tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG", "VB", "VBD", "VBP", "VBZ"):
            if tok.lemma_ == "be":
                yield from from_existential(ctx, tok)
                yield from from_best_way(ctx, tok)
                yield from from_copula(ctx, tok)
                yield from from_time_to(ctx, tok)
            elif tok.lemma_ == "have" and intention_object(tok) is not None:
                yield from from_intention(ctx, tok)
            elif tok.lemma_.lower() in lexicon.CAUSATIVE_VERBS and caused_clause(tok) is not None:
                yield from from_causative(ctx, tok)
            elif modal(tok) is not None and stance_of(tok)[0] is None:
                yield from from_modal(ctx, tok)
            elif tok.lemma_.lower() in lexicon.EVALUATING_VERBS and evaluated_word(tok) is not None:
                yield from from_evaluating_verb(ctx, tok)
            else:
                yield from from_predicate(ctx, tok)


def _restated(finding: Finding, found: list[Finding]) -> bool:
    """An implicit finding inside the topic of another by the same holders: in "we condemn Russian aggression"
    the naming of the aggression adds nothing to the condemnation around it."""
    return finding.implicit and any(
        other is not finding
        and {a.id for a in other.actors} == {a.id for a in finding.actors}
        and finding.predicate.i in {t.i for t in other.topic_tokens}
        for other in found
    )
