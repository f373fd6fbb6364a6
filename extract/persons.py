"""Who speaks: officials resolved from the text, the pronouns that refer to them, and the quotes they utter.

"NATO Secretary General Anders Fogh Rasmussen" makes Rasmussen a person who speaks for NATO; a later
"Rasmussen" or "he" is the same person; "we" inside a quote attributed to him ("..., he continued") is NATO.
Everything here reads one parsed document and returns plain maps from token positions to actors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import lexicon

__all__ = ["Person", "Speakers", "resolve_speakers"]

# Words that make a name an official's: "Foreign Minister", "Secretary General", "spokesman".
TITLE_WORDS = frozenset(
    """president vice prime minister ministers secretary general chancellor ambassador envoy representative
    spokesman spokeswoman spokesperson chief head leader official officials diplomat diplomats commander deputy
    under-secretary undersecretary director chairman chairwoman chair delegate premier king queen emir sultan
    prince foreign defence defense interior state affairs military staff senator governor mayor adviser
    advisor counsellor counselor negotiator commissioner""".split()
)
# Words allowed between an affiliation and a name inside one noun phrase ("the US under-secretary of state, ").
_PHRASE_POS = {"PROPN", "NOUN", "ADJ", "DET", "PUNCT", "ADP", "PART", "CCONJ"}
_WINDOW = 10
# How many sentences an official named only by role ("Russia's military chief-of-staff") waits for a name.
_ROLE_SPAN = 4
QUOTE_CHARS = {'"', "“", "”", "«", "»", "''", "``"}
HE_SHE = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}


@dataclass
class Person:
    name: str
    affiliation: str | None = None  # actor id
    role: str = ""
    mentions: list[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Speakers:
    """Token positions resolved to the persons and quote speakers they stand for."""

    persons: list[Person]
    mention_of: dict[int, Person]  # person names and he/she/him
    utterer_of: dict[int, Person]  # every token inside an attributed quote


def resolve_speakers(doc: Doc, actor_at: Callable[[int], str | None]) -> Speakers:
    """Find the persons of ``doc``, what their names and pronouns point at, and who utters each quote.

    ``actor_at(i)`` is the gazetteer actor id of the mention covering token ``i``, if any.
    """
    by_surname: dict[str, Person] = {}
    persons: list[Person] = []
    mention_of: dict[int, Person] = {}
    last: Person | None = None
    unnamed: tuple[str, str, int] | None = None  # (affiliation, role, sentence number) of a role with no name
    for number, sent in enumerate(doc.sents):
        if unnamed is not None and number - unnamed[2] > _ROLE_SPAN:
            unnamed = None
        for tok in sent:
            role = _unnamed_official(doc, tok, actor_at)
            if role is not None:
                unnamed = (*role, number)
            if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
                ent = _name(doc, tok.i)
                if ent is None or any(actor_at(t.i) for t in ent):
                    continue
                if ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN":
                    continue  # "Iskander missiles": a name used as a modifier is a thing, not a person
                surname = ent[-1].text
                person = by_surname.get(surname)
                if person is None:
                    person = Person(ent.text)
                    by_surname[surname] = person
                    persons.append(person)
                if person.affiliation is None:
                    affiliation, role = _affiliation(doc, ent, actor_at)
                    if affiliation is not None:
                        person.affiliation, person.role = affiliation, role
                    elif unnamed is not None and len(ent) > 1 and _reports(ent.root):
                        # "Russia's military chief-of-staff ... On Thursday, Nikolay Makarov had said": the
                        # first full name after a role named alone is that official
                        person.affiliation, person.role = unnamed[0], unnamed[1]
                    unnamed = None
                for t in ent:
                    mention_of[t.i] = person
                person.mentions.append(ent.start)
                last = person
            elif tok.lower_ in HE_SHE and last is not None and tok.i not in mention_of:
                mention_of[tok.i] = last
    utterer_of = _quote_speakers(doc, mention_of)
    return Speakers(persons, mention_of, utterer_of)


def _name(doc: Doc, i: int) -> Span | None:
    """The PERSON entity starting at ``i``, without a trailing possessive ("Rasmussen's" -> "Rasmussen")."""
    for ent in doc.ents:
        if ent.start == i:
            end = ent.end
            while end > ent.start and (doc[end - 1].tag_ == "POS" or not doc[end - 1].is_alpha):
                end -= 1
            return doc[ent.start : end] if end > ent.start else None
    return None


def _affiliation(doc: Doc, ent: Span, actor_at: Callable[[int], str | None]) -> tuple[str | None, str]:
    """The actor and role written next to a name: before it in the same noun phrase, or right after it."""
    before = _phrase(doc, range(ent.start - 1, max(ent.sent.start, ent.start - _WINDOW) - 1, -1))
    after = _phrase(doc, range(ent.end, min(ent.sent.end, ent.end + _WINDOW)))
    for side in (before, after):
        titles = [t for t in side if t.lower_.strip("-") in TITLE_WORDS or _title_compound(t)]
        actors = [actor_at(t.i) for t in side if actor_at(t.i)]
        if actors and (titles or side is before and len(side) <= 2):
            role = ""
            if titles:
                first, last = min(t.i for t in titles), max(t.i for t in titles)
                while first > 0 and not doc[first - 1].whitespace_ and (doc[first - 1].is_alpha or doc[first - 1].text == "-"):
                    first -= 1  # the rest of a hyphenated title: "under-secretary"
                role = doc[first : last + 1].text
            return actors[0], role
    return None, ""


def _reports(tok: Token) -> bool:
    """Whether a name is the subject of a reporting verb: "Nikolay Makarov had said"."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lexicon.REPORTING_VERBS


def _unnamed_official(doc: Doc, tok: Token, actor_at: Callable[[int], str | None]) -> tuple[str, str] | None:
    """(affiliation, role) when ``tok`` ends an official's title with no name after it: "Russia's military
    chief-of-staff", "the US envoy" -- not "officials", not "Foreign Minister Lavrov"."""
    if tok.ent_type_ == "PERSON" or tok.tag_ in ("NNS", "NNPS") or tok.lower_ not in TITLE_WORDS:
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.ent_type_ == "PERSON" or nxt.lower_ in TITLE_WORDS or nxt.text == "-"):
        return None  # the title goes on, or a name follows
    titles = [tok]
    i = tok.i - 1
    while i >= tok.sent.start and (doc[i].lower_.strip("-") in TITLE_WORDS or doc[i].text in ("-", "of")):
        titles.append(doc[i])
        i -= 1
    before = _phrase(doc, range(i, max(tok.sent.start, i - 4) - 1, -1))
    actors = [actor_at(t.i) for t in before if actor_at(t.i)]
    if not actors:
        return None
    first = min(t.i for t in titles)
    while doc[first].text in ("-", "of"):
        first += 1
    return actors[0], doc[first : tok.i + 1].text


def _title_compound(tok: Token) -> bool:
    return "-" in tok.text and any(part.lower() in TITLE_WORDS for part in tok.text.split("-"))


def _phrase(doc: Doc, positions: range) -> list[Token]:
    """Tokens walked from a name outward while they can still belong to its noun phrase or apposition."""
    out: list[Token] = []
    for i in positions:
        tok = doc[i]
        if tok.pos_ not in _PHRASE_POS or tok.text in QUOTE_CHARS or tok.is_space:
            break
        if tok.ent_type_ == "PERSON":
            break
        out.append(tok)
    return out


def _quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges inside double quotes, pairing quote marks within a paragraph."""
    spans: list[tuple[int, int]] = []
    opening: int | None = None
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            opening = None
        elif tok.text in QUOTE_CHARS or tok.text.startswith('"') and len(tok.text) == 1:
            if opening is None:
                opening = tok.i
            else:
                spans.append((opening + 1, tok.i))
                opening = None
    return spans


def _quote_speakers(doc: Doc, mention_of: dict[int, Person]) -> dict[int, Person]:
    """Every token inside a quote whose attribution names a known person: "..., he continued"."""
    utterer_of: dict[int, Person] = {}
    for start, end in _quote_spans(doc):
        if end <= start:
            continue
        person = _attribution(doc, start, end, mention_of)
        if person is None:
            continue
        for i in range(start, end):
            utterer_of[i] = person
    return utterer_of


def _attribution(doc: Doc, start: int, end: int, mention_of: dict[int, Person]) -> Person | None:
    """The person a reporting verb outside the quote names, in the sentences where the quote opens and closes."""
    inside = range(start - 1, end + 1)
    for sent in (doc[end].sent, doc[start].sent):
        for tok in sent:
            if tok.i in inside or tok.lemma_.lower() not in lexicon.REPORTING_VERBS:
                continue
            for child in tok.children:
                # "Rasmussen added", "he continued", "Reuters quotes him as saying"
                if child.dep_ in ("nsubj", "dobj") and child.i not in inside and child.i in mention_of:
                    return mention_of[child.i]
                if child.dep_ in ("nsubj", "dobj") and child.i not in inside:
                    for t in child.subtree:
                        if t.i in mention_of and t.i not in inside:
                            return mention_of[t.i]
    return None
