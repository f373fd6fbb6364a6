"""The core of a topic: the issue a stance is about, read from the words the topic was written as.

A topic is read as the phrase that stands after its stance word: "to deploy missiles in Europe", "the full
implementation of resolution 2231 (2015)", "the role of the United Nations in the region". Its label should name
the issue, so that the stances of many actors meet on it: "missiles", "resolution 2231 (2015)", "United Nations".
``topic_core`` reduces the words of a topic to that core; the words as written stay the topic's text.

Plain functions over spaCy tokens: any parsed ``Doc`` will do, hand-built ones too (without entities, names are
told by their proper nouns). The rules, one for each construction:

- a clause reduces to its object: the direct object, else the passive subject, else the object of a
  preposition or of a clause it governs, else its subject ("that Israel end the occupation" -> "occupation",
  "deploy missiles in Europe" -> "missiles"); an object that is generic alone ("take steps") gives way to a
  better one, and a clause with no usable object keeps the verb and its particle (and a generic object);
- a wrapper noun (``lexicon.WRAPPER_NOUNS``: "the implementation of X", "efforts to X", "the need for X")
  and a generic head (``topicforms.GENERIC_HEADS``: "the role of X") reduce to their complement, when the
  complement names something; "responsibility to protect", whose complement has no object, stays whole;
- names stay whole: an entity, a run of proper nouns with their prepositions and coordinations
  ("Organization for Security and Co-operation in Europe"), a numbered document ("resolution 2231 (2015)"),
  and both sides of "between X and Y";
- a noun phrase keeps its head, its modifiers and one complement that says which issue (of, on, against,
  between, ...); phrases that say where, when or how, relative clauses and appositions go, and so do leading
  determiners, possessives and evaluative modifiers ("effective", "full");
- a core longer than ``MAX_WORDS`` words loses its deepest complements first, then its outer modifiers (a name
  is never cut).

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = "the full implementation of the nuclear agreement".split()
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 6, 6, 3],
...           deps=["det", "amod", "ROOT", "prep", "det", "amod", "pobj"],
...           pos=["DET", "ADJ", "NOUN", "ADP", "DET", "ADJ", "NOUN"], lemmas=words)
>>> [t.text for t in topic_core(list(doc))]
['nuclear', 'agreement']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Token

from stancegraph.model import Stance
from stancegraph.topicforms import EVALUATIVE_MODIFIERS, GENERIC_HEADS, is_generic

from . import lexicon
from .syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, _is_time, _whole_words, _without_side_clauses

__all__ = ["MAX_WORDS", "Core", "read_core", "topic_core"]

#: The most words a core has, unless it is a name.
MAX_WORDS = 6

NOUNS = ("NOUN", "PROPN")
VERBS = ("VERB", "AUX")
#: Entity types that name one thing; a topic inside one keeps it whole.
NAMED_ENTITIES = {"ORG", "LAW", "EVENT", "WORK_OF_ART", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "PERSON"}
#: Prepositions whose phrase says which issue a noun is about: "occupation of X", "sanctions against X".
ISSUE_PREPS = {"of", "on", "against", "between", "about", "over", "for", "to", "towards", "toward", "with"}
#: Prepositions whose phrase is the complement of a wrapper or a generic head: "the need for X"; not "a role in X"
#: ("in" says where) nor "measures against X" (against X: unwrapped, a stance for them would be a stance for X).
COMPLEMENT_PREPS = {"of", "for", "to", "on", "towards", "toward", "about", "over"}
#: Prepositions of a verb whose object can be what a clause is about: "invest in education", "focus on X".
VERB_PREPS = ISSUE_PREPS | {"in", "into", "with", "from"}
#: Children of a noun that belong to it in a core (before the noun).
PREMODIFIER_DEPS = {"compound", "amod", "nmod", "nummod", "npadvmod", "quantmod"}
_DROP_LEADING = {"det", "poss", "predet", "case", "punct", "cc", "prep", "aux", "mark", "neg", "advmod"}
#: Parts of speech a run of words naming one thing may hold besides capitalised words.
_NAME_GLUE = {"ADP", "DET", "CCONJ", "PUNCT", "NUM", "PART"}


class Core(NamedTuple):
    """The words of a core, and whether it names an issue (a noun that is not generic alone)."""

    tokens: list[Token]
    usable: bool


def topic_core(tokens: list[Token]) -> list[Token]:
    """The words of a topic that name its issue (see the module's rules), in text order; ``tokens`` itself
    when no single phrase heads it or nothing better is found."""
    return read_core(tokens).tokens


def read_core(tokens: list[Token]) -> Core:
    """The core of a topic (as :func:`topic_core`) and whether it names an issue: not when it is a verb with no
    object ("continue", "work together", "take action"), a word that is no noun ("vital"), or a generic noun
    alone ("our efforts"). Words the parser hung in different places are read as written, as an issue."""
    if not tokens:
        return Core(tokens, True)
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if len(roots) != 1:
        return Core(tokens, True)  # pieces the parser hung in different places: read as written
    reader = _Reader(inside)
    root = roots[0]
    core = reader.clause(root) if _is_verb(root) else reader.noun(root)
    out = _finish(core.tokens)
    return Core(out, core.usable) if out else Core(tokens, True)


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in VERBS and tok.tag_ != "NNP"


def _finish(tokens: Iterable[Token]) -> list[Token]:
    """Whole words, in order, without leading function words or trailing punctuation."""
    out = _whole_words(sorted(set(tokens), key=lambda t: t.i))
    while out and (out[0].dep_ in _DROP_LEADING and not _glued(out[0], out) or out[0].is_punct or out[0].is_space):
        out = out[1:]
    while out and (out[-1].is_punct and out[-1].text not in ")]" or out[-1].is_space or out[-1].pos_ in ("ADP", "DET", "CCONJ")):
        out = out[:-1]
    return out


def _glued(tok: Token, tokens: list[Token]) -> bool:
    """The first token is part of a longer word: "legally-binding"."""
    return len(tokens) > 1 and not tok.whitespace_ and tokens[1].i == tok.i + 1 and not tok.is_punct


def words(tokens: list[Token]) -> int:
    """How many words a label of these tokens has: glued pieces ("legally-binding") count once."""
    count = 0
    for k, tok in enumerate(tokens):
        if tok.is_punct and tok.text not in "-/":
            continue
        prev = tokens[k - 1] if k else None
        if prev is not None and prev.i == tok.i - 1 and not prev.whitespace_:
            continue
        count += 1
    return count


class _Reader:
    """Reads cores within the words of one topic (``inside``); names may reach past them."""

    def __init__(self, inside: set[int]):
        self.inside = inside

    def within(self, tok: Token | None) -> bool:
        return tok is not None and tok.i in self.inside

    # --- clauses -------------------------------------------------------------------------------------------

    def clause(self, verb: Token, depth: int = 0) -> Core:
        """A clause's object, or the short form of the clause."""
        generic: Core | None = None
        against = _acts_against(verb)
        for candidate in self._clause_candidates(verb):
            core = self.clause(candidate, depth + 1) if _is_verb(candidate) else self.noun(candidate)
            if core.usable and against and candidate.dep_ in PASSIVE_SUBJECT_DEPS:  # "rights are violated"
                return Core([*core.tokens, *_verb_words(verb)], True)
            if core.usable and against and candidate.dep_ not in SUBJECT_DEPS:
                # "combat terrorism", "refrain from the veto", "stop paying lip service to X": not a stance on
                # terrorism, on the veto, on lip service
                prep = [candidate.head] if candidate.head.dep_ == "prep" else []
                return Core([*_verb_words(verb), *prep, *core.tokens], True)
            if core.usable:
                return core
            if generic is None and core.tokens and candidate.dep_ in OBJECT_DEPS:
                generic = core
        short = _verb_words(verb)
        # and the word right after it that says how: "work together", "do more", "come back"
        short.extend(c for c in verb.children if c.pos_ in ("ADV", "ADJ", "PART") and c.i == short[-1].i + 1
                     and self.within(c))
        if generic is not None and words(generic.tokens) <= 2:
            short.extend(generic.tokens)  # "take action", "translate commitments"
        return Core([t for t in short if self.within(t)], False)

    def _clause_candidates(self, verb: Token) -> Iterable[Token]:
        """What a clause may be about, best first: its object, passive subject or attribute, the object of a
        preposition of it ("focus on X", "come back to X"; "in conjunction with X"), its subject, the clause it
        governs; a participant named as an actor ("join the international community in implementing X")
        only when nothing else is."""
        children = [c for c in verb.children if self.within(c)]
        actors: list[Token] = []
        for deps in (OBJECT_DEPS, {"dative"}, PASSIVE_SUBJECT_DEPS, {"attr", "oprd"}):
            for child in children:
                if child.dep_ in deps and child.pos_ in NOUNS:
                    if _is_actor(child) and child.dep_ not in PASSIVE_SUBJECT_DEPS:
                        actors.append(child)
                    else:
                        yield child
        particles = [c for c in children if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1]
        for child in [*children, *(c for p in particles for c in p.children if self.within(c))]:
            if child.dep_ != "prep" or child.i < verb.i or _is_time(child):
                continue  # "In order to ...", "In addition, ...": fronted phrases frame the clause
            for obj in child.children:
                if not self.within(obj):
                    continue
                inner = _complex_preposition(obj)
                if inner is not None:  # "in conjunction with X", "in line with X", "in favour of X"
                    obj = inner
                elif child.lower_ not in VERB_PREPS and not (child.lower_ == "at" and obj.dep_ == "pcomp"):
                    continue  # "aimed at regulating X" is about X; "at this session" is when
                if obj.dep_ == "pcomp" and _is_verb(obj):
                    yield obj  # "participate in drafting a treaty"
                elif obj.dep_ == "pobj" and obj.pos_ in NOUNS and not _is_place(obj) and not _anaphoric(obj):
                    if child.lower_ == "in" and inner is None:
                        continue  # "in the region", "in this Hall": where
                    if _is_actor(obj):
                        actors.append(obj)
                    else:
                        yield obj
        for child in children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ in NOUNS:
                if _is_actor(child):
                    actors.append(child)
                else:
                    yield child  # "that the inspectors actually inspect"
        yield from (c for c in children if c.dep_ in ("xcomp", "ccomp") and _is_verb(c))
        yield from actors

    # --- noun phrases --------------------------------------------------------------------------------------

    def noun(self, noun: Token, depth: int = 2) -> Core:
        """A noun phrase's core, with complements ``depth`` levels deep at most, and at most ``MAX_WORDS``
        words unless it is a name."""
        name = self.name(noun)
        if name is not None:
            return Core(name, True)
        lemma = noun.lemma_.lower()
        generic = lemma in GENERIC_HEADS or noun.lower_ in GENERIC_HEADS
        if lemma in lexicon.WRAPPER_NOUNS or generic:
            if generic and not any(self.within(c) for c in noun.children if c.i > noun.i):
                self._reach(noun)  # a generic head alone: its complement, even where the topic's words stop
            fixed = self._issue_complement(noun)
            if generic and fixed is not None and fixed[0].lower_ == "of" and _bare(fixed[1]):
                return Core(self._phrase(noun, 1), True)  # "terms of reference", "point of view"
            inner = self._complement_core(noun)
            if inner is not None and inner.usable:
                return inner
            owner = self._owner(noun)
            if owner is not None and (inner is None or not inner.usable):
                # "the proposal of my colleague, aimed at regulating the veto": the parser may hang what the
                # proposal is about on its owner
                for acl in (c for c in owner.children if c.dep_ == "acl" and c.i > owner.i and _is_verb(c)):
                    self.inside.update(t.i for t in _without_side_clauses(acl))
                    found = self.clause(acl, 1)
                    if found.usable:
                        return found
            if inner is not None and lemma in lexicon.WRAPPER_NOUNS and owner is None and any(
                _is_verb(t) and t.tag_ != "VBN" for t in inner.tokens
            ):
                return Core(inner.tokens, True)  # "the attempt of politicizing the issue" -> "politicizing issue"
            to = [c for t in (inner.tokens if inner else []) for c in t.children if c.dep_ == "aux" and c.lower_ == "to"]
            if inner is not None and generic and to and all(_is_verb(t) or t.dep_ == "prt" for t in inner.tokens):
                # "the responsibility to protect": a notion named by its head and a bare verb
                return Core([*self._phrase(noun, 0), *to, *inner.tokens], True)
        for level in range(depth, -1, -1):
            tokens = self._phrase(noun, level)
            if words(tokens) <= MAX_WORDS or level == 0 or self._named_complement(noun):
                break
        while words(tokens) > MAX_WORDS:  # outer modifiers go first: "the [small island developing] States"
            left = [t for t in tokens if t.i < noun.i]
            if not left:
                break
            tokens = [t for t in tokens if t.i != left[0].i]
        text = " ".join(t.text for t in tokens)
        # alone, a wrapper or a word of support is no issue: "provide every support to X" is about X
        alone = len(tokens) == 1 and (lemma in lexicon.WRAPPER_NOUNS or lexicon.NOUNS.get(lemma) is Stance.SUPPORT)
        return Core(tokens, noun.pos_ in NOUNS and not is_generic(text, vague=False) and not alone and not _anaphoric(noun))

    def _owner(self, noun: Token) -> Token | None:
        """The "of" phrase that says whose act a noun is: "the efforts of ECOWAS" -> ECOWAS."""
        complement = self._issue_complement(noun)
        if complement is not None and complement[0].lower_ == "of" and _is_actor(complement[1]):
            return complement[1]
        return None

    def _named_complement(self, noun: Token) -> bool:
        complement = self._issue_complement(noun)
        return complement is not None and self.name(complement[1]) is not None

    def _reach(self, noun: Token) -> None:
        """Let the complement after a noun count as the topic's words: "of X", "to X", without side clauses."""
        for child in noun.children:
            if child.i > noun.i and (child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS or child.dep_ == "acl"):
                self.inside.update(t.i for t in _without_side_clauses(child))
                return

    def _complement_core(self, noun: Token) -> Core | None:
        """What a wrapper or generic head is about: "of X", "for X", "to X" (a noun or a clause); "of X" that
        names whose act it is ("the initiative of France", "efforts of the international community") is not;
        for a generic head it is ("the role of the United Nations")."""
        lemma = noun.lemma_.lower()
        agentive = lemma in lexicon.WRAPPER_NOUNS and lemma not in lexicon.PROCESS_NOUNS
        for child in noun.children:
            if not self.within(child) or child.i < noun.i:
                continue
            if child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj" and self.within(obj) and obj.pos_ in NOUNS:
                        if child.lower_ == "of" and agentive and _is_actor(obj):
                            continue
                        return self.noun(obj)
                    if obj.dep_ in ("pcomp", "pobj") and self.within(obj) and _is_verb(obj):
                        return self.clause(obj, 1)  # "the adoption of [overarching] the Goals", misparsed
            if child.dep_ == "acl" and _is_verb(child):
                return self.clause(child, 1)
        return None

    def _phrase(self, noun: Token, depth: int) -> list[Token]:
        """The noun with its modifiers and, ``depth`` levels deep, the one complement that says which issue."""
        out = [noun]
        for child in noun.children:
            if not self.within(child):
                continue
            if child.i > noun.i and child.dep_ in ("nummod", "appos") and child.like_num:
                out.append(child)  # "resolution 2231"
            if child.i < noun.i and child.dep_ in PREMODIFIER_DEPS:
                if child.dep_ == "amod" and child.lower_ in EVALUATIVE_MODIFIERS:
                    continue
                out.extend(t for t in child.subtree if self.within(t) and t.dep_ not in ("det", "poss", "case"))
        if depth > 0:
            complement = self._issue_complement(noun)
            if complement is not None:
                prep, obj = complement
                out.append(prep)
                if _is_verb(obj):
                    out.extend(self.clause(obj, 1).tokens or [obj])
                    return out
                name = self.name(obj)
                if name is not None:
                    out.extend(c for c in obj.children if c.dep_ == "det" and c.i < name[0].i and self.within(c))
                    out.extend(name)
                    if prep.lower_ == "between":  # "between the United States and Iran": both sides
                        out.extend(self._other_sides(obj))
                else:
                    det = [c for c in obj.children if c.dep_ == "det" and c.i < obj.i and self.within(c)]
                    out.extend(det[:1])  # "use of the veto": the inner article reads better kept
                    out.extend(self._phrase(obj, depth - 1))
                    if prep.lower_ == "between":
                        out.extend(self._other_sides(obj))
        return out

    def _issue_complement(self, noun: Token) -> tuple[Token, Token] | None:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ISSUE_PREPS and self.within(child) and child.i > noun.i:
                obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp") and self.within(c)), None)
                if obj is not None and obj.dep_ == "pcomp" and _is_verb(obj):
                    return child, obj  # "a model of combating drug trafficking"
                if obj is not None and obj.lemma_.lower() in COMPLEX_PREPOSITION_NOUNS:
                    continue  # "intervention on the basis of a demand": how, not which issue
                if obj is not None and obj.pos_ in (*NOUNS, "NUM"):
                    return child, obj
        return None

    def _other_sides(self, obj: Token) -> list[Token]:
        """The other conjuncts of "between X and Y", which a topic's words may have left out."""
        out: list[Token] = []
        for conj in obj.conjuncts:
            if conj.i > obj.i:
                cc = [c for c in conj.head.children if c.dep_ == "cc" and obj.i < c.i < conj.i]
                out.extend(cc)
                out.extend(self.name(conj) or self._phrase(conj, 0))
        return out

    # --- names ---------------------------------------------------------------------------------------------

    def name(self, noun: Token) -> list[Token] | None:
        """The words of the name a noun heads, whole: an entity, a run of proper nouns with the prepositions
        and coordinations between them, or a numbered document ("resolution 2231 (2015)")."""
        doc = noun.doc
        if noun.ent_type_ in NAMED_ENTITIES:
            start = noun.i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            end = noun.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            span = list(doc[start:end])
            while span and (span[0].dep_ == "det" or span[0].pos_ == "PRON"):  # "the", "its"; not "People's"
                span = span[1:]
            if noun.pos_ == "PROPN":  # an entity cut short ("[the Government of] the United States") runs on
                span = sorted({*span, *self._proper_run(noun)}, key=lambda t: t.i)
            if len(span) > 1 or noun.pos_ == "PROPN":
                return self._with_number(noun, span)
        if noun.pos_ == "PROPN":
            return self._with_number(noun, self._proper_run(noun))
        if any(c.dep_ == "nummod" and c.i > noun.i and self.within(c) for c in noun.children):
            return self._with_number(noun, self._phrase(noun, 0))  # "resolution 2231", "Protocol I"
        return None

    def _proper_run(self, noun: Token) -> list[Token]:
        """A proper noun's modifiers, and the words after it while they continue the name: capitalised words
        and the small words between them ("Organization for Security and Co-operation in Europe")."""
        out = [t for t in noun.subtree if t.i < noun.i and self.within(t) and t.dep_ not in ("det", "poss", "case")
               and (t.dep_ in PREMODIFIER_DEPS or t.head.dep_ in PREMODIFIER_DEPS or t.is_punct)]
        out = [t for t in out if not (t.dep_ == "amod" and t.lower_ in EVALUATIVE_MODIFIERS)]
        out.append(noun)
        subtree = {t.i for t in noun.subtree}
        doc = noun.doc
        tail: list[Token] = []
        k = noun.i + 1
        while k < len(doc) and k in subtree:
            tok = doc[k]
            if tok.dep_ in ("relcl", "acl", "appos") or tok.head.dep_ in ("relcl", "acl"):
                break
            if tok.pos_ == "PROPN" or (tok.is_title and tok.is_alpha) or tok.text in "-/":
                out.extend(tail)
                out.append(tok)
                tail = []
            elif tok.pos_ in _NAME_GLUE and tok.text not in ",;:":
                tail.append(tok)
            else:
                break
            k += 1
        return out

    def _with_number(self, noun: Token, tokens: list[Token]) -> list[Token]:
        """A name and the number or year in brackets right after it: "resolution 2231 (2015)"."""
        doc = noun.doc
        out = list(tokens)
        last = max(t.i for t in out)
        if last + 3 < len(doc) + 1 and last + 1 < len(doc) and doc[last + 1].text == "(":
            close = next((k for k in range(last + 2, min(last + 5, len(doc))) if doc[k].text == ")"), None)
            if close is not None and all(doc[k].like_num for k in range(last + 2, close)) and close > last + 2:
                out.extend(doc[last + 1 : close + 1])
        return out


def _acts_against(verb: Token) -> bool:
    """A verb that acts against its object: "combat", "end", "pull back"."""
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return lemma in lexicon.COUNTER_VERBS or lemma in lexicon.HOSTILE_VERBS or any((lemma, p) in lexicon.END_PHRASES for p in particles)


def _verb_words(verb: Token) -> list[Token]:
    """A verb with its particle: "pull back"."""
    return [verb, *(c for c in verb.children if c.dep_ == "prt")]


#: Nouns that name actors: an "of" phrase with one says whose, an object that is one says with whom.
ACTOR_NOUNS = frozenset(
    """community government administration delegation country state nation people colleague leader president
    member partner ally""".split()
)
ACTOR_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}


def _is_actor(tok: Token) -> bool:
    """A noun that names who, not what: "France", "the international community", "my French colleague"."""
    return tok.ent_type_ in ACTOR_ENTITIES or tok.lemma_.lower() in ACTOR_NOUNS or tok.lower_ in ACTOR_NOUNS


def _anaphoric(tok: Token) -> bool:
    """"that end", "this regard": a noun that points back."""
    return any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in tok.children)


def _bare(tok: Token) -> bool:
    """A singular common noun with no word of its own: "reference" in "terms of reference"."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and not any(True for _ in tok.children)


#: Nouns of prepositions made of words: "on the basis of", "on behalf of", "for the sake of", "by means of".
COMPLEX_PREPOSITION_NOUNS = frozenset("basis behalf sake means terms account virtue dint".split())


def _complex_preposition(noun: Token) -> Token | None:
    """The object of a preposition made of words: "conjunction" in "in conjunction with X" -> X."""
    if noun.dep_ != "pobj" or noun.pos_ != "NOUN" or noun.tag_ != "NN" or any(c.dep_ in ("det", "poss", "amod") for c in noun.children):
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1), None)
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _is_place(tok: Token) -> bool:
    """A noun that says where: a place's name."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC") and not any(c.dep_ == "prep" for c in tok.children)
