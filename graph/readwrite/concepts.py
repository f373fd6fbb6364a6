"""Topic concepts across the corpus: the topic phrases of every stored statement grouped into SKOS concepts.

Extraction reads a topic phrase in each statement ("genuine Security Council reform", "the reform of the
Security Council", "UN Security Council reform"). :func:`group_phrases` groups the phrases of the whole store by
form, without parsing again: the same content words in any order and number (evaluative modifiers such as
"genuine" or "effective" left out), an acronym and the name it stands for, and a narrower form that few actors
hold under a broader one of two words or more with the same head ("European missile defence systems" under
"missile defence system").
A researcher's codebook comes first: a phrase that is one of its labels or aliases, or a narrower form of one,
is that label's concept.

:func:`refresh_concepts` writes the concepts into the concepts graph (``skos:prefLabel`` the most common good
form, ``skos:altLabel`` every phrase as extraction wrote it, ``skos:broader``, ``sg:generic``, ``sg:excluded``)
and points every statement's ``sg:topic`` and its document's direct edges at its concept, so that every query,
table, network and view reads concepts; ``sg:topicPhrase`` and ``sg:topicText`` keep what was written.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from stancegraph.codebook import CodebookEntry
from stancegraph.model import Stance
from stancegraph.topicforms import (
    EVALUATIVE_MODIFIERS,
    REVERSING_WORDS,
    is_generic,
    issue_form,
    normal_form,
    phrase_form,
    stem,
)

from ..rdf.iris import CODEBOOK_GRAPH, CONCEPTS_GRAPH, topic_id, topic_iri
from ..rdf.namespaces import ID, PREFIXES, RDF, SG, SKOS, XSD
from ..rdf.terms import sparql_term, to_python
from ..rdf.vocabulary import edge_property, stance_of_concept
from ..sparql.run import run_query
from ..store.base import StanceStore, Triple, insert_data

__all__ = [
    "MIN_ACTORS",
    "CodebookEntry",
    "Concept",
    "ConceptChange",
    "PhraseUse",
    "TOPIC_SCHEME",
    "concept_table",
    "concepts_stale",
    "group_phrases",
    "refresh_concepts",
    "stored_codebook",
    "store_codebook",
]

_REVERSING = frozenset(stem(w) for w in REVERSING_WORDS)

#: A concept that fewer actors hold is folded into a broader one that at least this many hold.
MIN_ACTORS = 3


@dataclass(frozen=True)
class PhraseUse:
    """One stored statement's topic: its phrase, who holds it, in which document, and its current concept."""

    statement: str
    graph: str
    phrase: str
    actor: str
    stance: str
    topic: str
    text: str = ""  # the words as written
    generic: bool = False  # extraction read the phrase as no issue of its own (sg:topicGeneric)


@dataclass
class Concept:
    """A concept with what the store says of it: its phrases and their statement counts, the actors and
    documents that use it."""

    label: str
    phrases: Counter[str] = field(default_factory=Counter)
    written: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    broader: str | None = None
    generic: bool = False
    excluded: bool = False
    coded: bool = False  # from the codebook

    @property
    def id(self) -> str:
        return topic_id(self.label)

    @property
    def statements(self) -> int:
        return sum(self.phrases.values())


@dataclass(frozen=True)
class ConceptChange:
    """A phrase whose concept changed: what it was under before and what it is under now."""

    phrase: str
    before: str
    after: str
    statements: int


def _key(text: str, verbs: Mapping[str, str] | None = None) -> frozenset[str]:
    words = issue_form(text).words
    return frozenset(verbs.get(w, w) for w in words) if verbs else frozenset(words)


def _verb_forms(words: Iterable[str]) -> dict[str, str]:
    """A word in -ing or -ion and the verb it is made from, where that verb is among ``words``: "eradicating"
    and "eradication" -> "eradicate", "fighting" -> "fight", "annexation" -> "annex"; so that "eradicate
    poverty", "eradicating poverty" and "the eradication of poverty" are one issue. Only verbs the corpus uses
    count, so that no word is cut to a stem that is no word."""
    known = set(words)
    out: dict[str, str] = {}
    for word in known:
        if len(word) < 6:
            continue
        if word.endswith("ing"):
            base = word[:-3]
            tries: tuple[str, ...] = (base, base + "e", base[:-1] if base[-1] == base[-2] else "")
        elif word.endswith("ation"):
            base = word[:-5]
            tries = (base + "ate", base + "e", base if len(base) >= 5 else "")
        elif word.endswith("ion"):
            base = word[:-3]  # "protection" -> "protect", not "faction" -> "fact" nor "question" -> "quest"
            tries = (base + "e", base if len(base) >= 6 and base.endswith(("ct", "nt", "ss")) else "")
        else:
            continue
        for verb in tries:
            if len(verb) >= 4 and verb != word and verb in known:
                out[word] = verb
                break
    return out


def _initials(text: str) -> set[str]:
    """The acronyms a name could have: the first letters of all its words, or of its words but the small ones
    ("Joint Comprehensive Plan of Action" -> "jcpoa", "jcpa")."""
    words = normal_form(text).split()
    small = {"of", "the", "and", "for", "on", "in", "to", "a", "an"}
    out = {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in small)}
    return {i for i in out if len(i) >= 2}


def _is_name(phrase: str) -> bool:
    """A proper name: every word of three letters or more capitalised ("Arab Peace Initiative", "Treaty on the
    Non-Proliferation of Nuclear Weapons")."""
    words = [w for w in re.split(r"[\s\-]+", phrase.strip()) if len(w) >= 3 and w.isalpha()]
    small = {"the", "and", "for", "of"}
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in small)


def _is_acronym(phrase: str) -> bool:
    word = phrase.strip()
    return 2 <= len(word) <= 8 and word.isupper() and word.isalpha()


class _Codebook:
    def __init__(self, entries: Sequence[CodebookEntry]):
        self.entries = {e.label: e for e in entries}
        self.by_name: dict[str, str] = {}
        self.by_key: dict[frozenset[str], str] = {}
        self.forms: list[tuple[str, frozenset[str], str]] = []
        for entry in entries:
            for name in (entry.label, *entry.aliases):
                self.by_name.setdefault(normal_form(name), entry.label)
                form = issue_form(name)
                if form.words:
                    self.by_key.setdefault(frozenset(form.words), entry.label)
                    self.forms.append((form.head, frozenset(form.words), entry.label))

    def label_of(self, phrase: str) -> str | None:
        """The codebook label of a phrase: one of its names, the same content words, or a narrower form of one
        of its names (same head, more words; the closest one)."""
        found = self.by_name.get(normal_form(phrase))
        if found is not None:
            return found
        form = issue_form(phrase)
        words = frozenset(form.words)
        found = self.by_key.get(words)
        if found is not None:
            return found
        fitting = [(len(k), label) for head, k, label in self.forms
                   if head == form.head and k < words and not (words - k) & _REVERSING]
        return max(fitting)[1] if fitting else None


def group_phrases(
    uses: Iterable[PhraseUse], codebook: Sequence[CodebookEntry] = (), *, min_actors: int = MIN_ACTORS
) -> tuple[dict[str, str], dict[str, Concept]]:
    """Group topic phrases into concepts; return the concept label of each phrase and the concepts by label.

    >>> def use(phrase, actor):
    ...     return PhraseUse("s", "g", phrase, actor, "oppose", "t")
    >>> uses = [use("missile defence system", a) for a in ("RUS", "CHN", "IRN")]
    >>> uses += [use("European missile defence systems", "RUS"), use("the reform of the Security Council", "FRA"),
    ...          use("genuine Security Council reform", "DEU"), use("Security Council reform", "BRA"),
    ...          use("our efforts", "USA")]
    >>> label_of, concepts = group_phrases(uses)
    >>> label_of["European missile defence systems"], label_of["genuine Security Council reform"]
    ('missile defence system', 'Security Council reform')
    >>> concepts["missile defence system"].phrases["European missile defence systems"]
    1
    >>> concepts["our efforts"].generic
    True
    """
    uses = list(uses)
    book = _Codebook(codebook)
    by_phrase: dict[str, list[PhraseUse]] = defaultdict(list)
    for u in uses:
        by_phrase[u.phrase].append(u)

    # 1. the codebook's concepts, then groups of the same content words (a verb and its -ing and -ion forms one)
    verbs = _verb_forms(w for phrase in by_phrase for w in issue_form(phrase).words)
    group_of: dict[str, object] = {}
    for phrase in by_phrase:
        coded = book.label_of(phrase)
        group_of[phrase] = ("coded", coded) if coded is not None else ("form", _key(phrase, verbs) or normal_form(phrase))
    groups: dict[object, list[str]] = defaultdict(list)
    for phrase, group in group_of.items():
        groups[group].append(phrase)

    def actors_of(group: object) -> set[str]:
        return {u.actor for p in groups[group] for u in by_phrase[p]}

    def generic(group: object) -> bool:
        """A generic head alone, or words extraction read as no issue wherever they stand."""
        phrases = groups[group]
        return all(is_generic(p) for p in phrases) or _mostly_generic(u for p in phrases for u in by_phrase[p])

    own = {g: list(phrases) for g, phrases in groups.items()}  # a group's label is one of its own phrases

    # 2. an acronym joins the group whose name it abbreviates, if exactly one group's names do
    initials: dict[str, set[object]] = defaultdict(set)
    for group, phrases in groups.items():
        for p in phrases:
            if not _is_acronym(p):
                for i in _initials(p):
                    initials[i].add(group)
    for group in [g for g, phrases in groups.items() if g[0] == "form" and all(_is_acronym(p) for p in phrases)]:  # type: ignore[index]
        targets = initials.get(normal_form(groups[group][0]).replace(" ", ""), set()) - {group}
        if len(targets) == 1:
            target = next(iter(targets))
            for p in groups.pop(group):
                group_of[p] = target
                groups[target].append(p)

    # 3. a narrower form: under the closest broader group with the same head; folded into it when few hold it
    heads = {g: issue_form(ps[0]).head for g, ps in groups.items()}
    keys = {g: (_key(groups[g][0], verbs) if g[0] == "form" else None) for g in groups}  # type: ignore[index]
    broader_of: dict[object, object] = {}
    by_head: dict[str, list[object]] = defaultdict(list)
    for g in groups:
        if keys[g]:
            by_head[heads[g]].append(g)
    for g in list(groups):
        key = keys[g]
        if not key or len(key) < 2:
            continue
        wider = [b for b in by_head[heads[g]] if b != g and keys[b] and keys[b] < key and not generic(b)]  # type: ignore[operator]
        if not wider:
            continue
        best = max(wider, key=lambda b: (len(keys[b]), len(actors_of(b))))  # type: ignore[arg-type]
        broader_of[g] = best
    folded: dict[object, object] = {}
    for g, b in broader_of.items():
        # folded only into a broader form of two words or more ("collective security system" is no "system"),
        # and never when a dropped word reverses the issue ("violate international law" is no "international law")
        dropped = set(keys[g]) - set(keys[b])  # type: ignore[arg-type]
        # nor a name ("Arab Peace Initiative" is no "peace initiative"), nor a form whose added words are its
        # complement ("support to peacekeeping operations" is no "United Nations support")
        named = all(_is_name(p) for p in groups[g])
        modifying = all(dropped <= _modifiers(p, verbs) for p in groups[g])
        if (len(actors_of(g)) < min_actors and len(keys[b]) >= 2 and not dropped & _REVERSING and not named  # type: ignore[arg-type]
                and modifying):
            folded[g] = b
    for g in folded:  # follow chains: a narrower form of a narrower form goes to the widest folded one
        seen = {g}
        while folded[g] in folded and folded[g] not in seen:
            seen.add(folded[g])
            folded[g] = folded[folded[g]]
    for g, target in folded.items():
        for p in groups.pop(g):
            group_of[p] = target
            groups[target].append(p)

    # 4. a form few actors hold, under a concept many hold that is its head with fewer modifiers ("Venezuelan
    # aggression" is aggression) or that is its complement ("respect for international law" is international
    # law, "the menace of terrorism" terrorism). Not when the words it adds reverse the issue, nor a name of its
    # own, nor a modifier's issue ("a nuclear weapons test" is no "nuclear weapons"), nor under a name, which
    # only the same words or its acronym join ("an association agreement with the European Union", "the aid
    # agenda" are neither the European Union nor the 2030 Agenda).
    held = {g: actors_of(g) for g in groups}
    hubs_by_word: dict[str, list[object]] = defaultdict(list)
    for h in groups:
        if (len(held[h]) >= min_actors and keys.get(h) and not generic(h) and not keys[h] <= _REVERSING  # type: ignore[operator]
                and not any(_is_name(p) or _is_acronym(p) for p in own.get(h, groups[h]))):
            for word in keys[h]:  # type: ignore[union-attr]
                hubs_by_word[word].append(h)
    complements = {g: [_complement(p) for p in phrases] for g, phrases in groups.items()}
    runs = {g: [issue_form(p).words for p in own.get(g, phrases)] for g, phrases in groups.items()}
    for g in [g for g in groups if len(held[g]) < min_actors and keys.get(g) and not generic(g)]:
        key = keys[g]
        if all(_is_name(p) for p in groups[g]):
            continue
        fitting = [
            h for h in {h for word in key for h in hubs_by_word.get(word, ())}  # type: ignore[union-attr]
            if keys[h] < key and not (key - keys[h]) & _REVERSING  # type: ignore[operator]
            and (heads[g] in keys[h] or any(c == r for c in complements[g] for r in runs[h] if r)  # type: ignore[operator]
                 and not any(_ends_in_name(p) for p in groups[g]))
        ]
        if fitting:
            target = max(fitting, key=lambda h: (len(keys[h]), len(held[h]), str(h)))  # type: ignore[arg-type]
            for p in groups.pop(g):
                group_of[p] = target
                groups[target].append(p)
            broader_of.pop(g, None)

    # 5. labels and what each concept holds
    label_of: dict[str, str] = {}
    concepts: dict[str, Concept] = {}
    label_of_group: dict[object, str] = {}
    for g, phrases in groups.items():
        if g[0] == "coded":  # type: ignore[index]
            label = g[1]  # type: ignore[index]
        else:
            label = _preferred(own.get(g) or phrases, by_phrase)
        label_of_group[g] = label
        concept = concepts.setdefault(label, Concept(label))
        for p in phrases:
            label_of[p] = label
            concept.phrases[p] += len(by_phrase[p])
            concept.written.update(u.text for u in by_phrase[p] if u.text)
            concept.actors.update(u.actor for u in by_phrase[p])
            concept.documents.update(u.graph for u in by_phrase[p])
    for g, b in broader_of.items():
        if g in groups and b in label_of_group and label_of_group[b] != label_of_group[g]:
            concepts[label_of_group[g]].broader = label_of_group[b]
    for label, concept in concepts.items():
        entry = book.entries.get(label)
        if entry is not None:
            concept.coded = True
            concept.excluded = entry.exclude
            if entry.broader:
                concept.broader = entry.broader
        # generic: its label is a generic head alone, or extraction read most of its uses as no issue
        concept.generic = is_generic(label) or (
            not concept.coded and _mostly_generic(u for p in concept.phrases for u in by_phrase[p])
        )
    for entry in codebook:  # a label of the codebook that no statement uses yet is still a concept
        concepts.setdefault(entry.label, Concept(entry.label, broader=entry.broader, excluded=entry.exclude, coded=True))
    return label_of, concepts


def _mostly_generic(uses: Iterable[PhraseUse]) -> bool:
    """More than half of the uses were read by extraction as no issue of their own."""
    flags = [u.generic for u in uses]
    return bool(flags) and 2 * sum(flags) > len(flags)


def _modifiers(phrase: str, verbs: Mapping[str, str]) -> set[str]:
    """The content words before a phrase's head, and the head: "European missile defence systems" -> european,
    missile, defense, system."""
    form = issue_form(phrase)
    words = form.words[: form.words.index(form.head) + 1] if form.head in form.words else form.words
    return {verbs.get(w, w) for w in words}


def _ends_in_name(phrase: str) -> bool:
    """The phrase's last word is capitalised: its complement is a name ("the jurisdiction of the International
    Court of Justice" is no "justice")."""
    words = phrase.split()
    return len(words) > 1 and words[-1][:1].isupper()


def _complement(phrase: str) -> tuple[str, ...]:
    """The content words after a phrase's head: "respect for international law" -> (international, law)."""
    form = issue_form(phrase)
    return form.words[form.words.index(form.head) + 1 :] if form.head in form.words else ()


_ARTICLE = re.compile(r"^the\s+")


def _preferred(phrases: Sequence[str], by_phrase: Mapping[str, Sequence[PhraseUse]]) -> str:
    """A form that names the issue itself before one that wraps it ("the implementation of X"), then the most
    common, then the one with the fewest evaluative words and determiners ("Security Council reform" before
    "genuine Security Council reform"), then the shortest, then the first by case; without a leading "the"."""

    def rank(p: str) -> tuple[int, int, int, int, str]:
        words = " ".join(p.lower().split()).split()
        wrapped = issue_form(p).words != phrase_form(p).words  # "the implementation of X" names X last
        padding = sum(1 for w in words if w in EVALUATIVE_MODIFIERS) + (normal_form(p) != " ".join(words))
        return (wrapped, -len(by_phrase[p]), padding, len(p), p)

    return _ARTICLE.sub("", min(phrases, key=rank)) or min(phrases, key=rank)


USES_QUERY = """
SELECT ?s ?g ?phrase ?a ?st ?t ?text ?generic WHERE {
  GRAPH ?g {
    ?s a sg:StanceStatement ; sg:actor ?a ; sg:stance ?st ; sg:topic ?t .
    OPTIONAL { ?s sg:topicPhrase ?phrase } OPTIONAL { ?s sg:topicText ?text } OPTIONAL { ?s sg:topicGeneric ?generic }
  }
}
"""


def phrase_uses(store: StanceStore) -> list[PhraseUse]:
    """Every stored statement's topic phrase (a statement written before phrases were kept gives its topic's
    label)."""
    out: dict[str, PhraseUse] = {}
    labels: dict[str, str] | None = None
    for row in run_query(store, USES_QUERY).rows:  # Oxigraph's own query on an embedded store: no cost per row
        s, phrase, written, generic = str(row["s"]), row["phrase"], row["text"], row["generic"]
        if s in out:
            continue
        if phrase is None:  # written before phrases were kept: its topic's label, in any graph
            labels = _labels(store, "?tg") if labels is None else labels
            text = labels.get(str(row["t"]), "")
        else:
            text = str(to_python(phrase))
        if not text:
            continue
        out[s] = PhraseUse(s, str(row["g"]), text, str(row["a"]), str(row["st"]), str(row["t"]), str(written or ""),
                           generic is not None and to_python(generic) is True)
    return list(out.values())


CODEBOOK_QUERY = """
SELECT ?c ?label ?alias ?broader ?excluded WHERE {
  GRAPH ?cb {
    ?c a sg:CodebookEntry ; sg:label ?label .
    OPTIONAL { ?c sg:alias ?alias } OPTIONAL { ?c sg:broaderLabel ?broader } OPTIONAL { ?c sg:excluded ?excluded }
  }
}
"""


def stored_codebook(store: StanceStore) -> list[CodebookEntry]:
    """The codebook last applied to the store, or none."""
    query = CODEBOOK_QUERY.replace("?cb", sparql_term(CODEBOOK_GRAPH))
    rows: dict[str, dict[str, object]] = {}
    for c, label, alias, broader, excluded in (
        (r["c"], r["label"], r["alias"], r["broader"], r["excluded"]) for r in run_query(store, query).rows
    ):
        entry = rows.setdefault(str(c), {"label": str(label), "aliases": set(), "broader": None, "exclude": False})
        if alias is not None:
            entry["aliases"].add(str(alias))  # type: ignore[union-attr]
        if broader is not None:
            entry["broader"] = str(broader)
        if excluded is not None and to_python(excluded) is True:
            entry["exclude"] = True
    return sorted(
        (CodebookEntry(str(e["label"]), tuple(sorted(e["aliases"])), e["broader"], bool(e["exclude"]))  # type: ignore[arg-type]
         for e in rows.values()),
        key=lambda e: e.label,
    )


def store_codebook(store: StanceStore, entries: Sequence[CodebookEntry]) -> None:
    """Keep a codebook in the store (replacing the one before), so that concepts made later follow it."""
    store.replace_graph(CODEBOOK_GRAPH, _codebook_triples(entries))


def _codebook_triples(entries: Sequence[CodebookEntry]) -> list[Triple]:
    """The codebook's rows as ``sg:CodebookEntry`` nodes of their own, in words of their own (``sg:label``,
    ``sg:alias``, ``sg:broaderLabel``, ``sg:excluded``), so that a query for concepts never finds them."""
    out: list[Triple] = []
    for e in entries:
        c = ID["codebook/" + str(topic_iri(e.label)).rsplit("/", 1)[-1]]
        out += [(c, RDF.type, SG.CodebookEntry), (c, SG.label, Literal(e.label))]
        out += [(c, SG.alias, Literal(a)) for a in e.aliases]
        if e.broader:
            out.append((c, SG.broaderLabel, Literal(e.broader)))
        if e.exclude:
            out.append((c, SG.excluded, Literal(True)))
    return out


#: The concept scheme of the store's topics: every concept made from the whole store is in it; a phrase a
#: document brought since (described by the writer, not grouped yet) is not.
TOPIC_SCHEME = ID["topics"]


def _concept_triples(concepts: Mapping[str, Concept]) -> list[Triple]:
    if not concepts:
        return []
    out: list[Triple] = [(TOPIC_SCHEME, RDF.type, SKOS.ConceptScheme), (TOPIC_SCHEME, SKOS.prefLabel, Literal("topics"))]
    for label, concept in concepts.items():
        c = topic_iri(label)
        out += [(c, RDF.type, SG.Topic), (c, SKOS.prefLabel, Literal(label)), (c, SKOS.inScheme, TOPIC_SCHEME)]
        out += [(c, SKOS.altLabel, Literal(p)) for p in sorted(set(concept.phrases) | concept.written) if p != label]
        if concept.broader and concept.broader != label:
            out.append((c, SKOS.broader, topic_iri(concept.broader)))
        if concept.generic:
            out.append((c, SG.generic, Literal(True)))
        if concept.excluded:
            out.append((c, SG.excluded, Literal(True)))
    return out


def refresh_concepts(
    store: StanceStore, codebook: Sequence[CodebookEntry] | None = None, *, min_actors: int = MIN_ACTORS
) -> tuple[dict[str, Concept], list[ConceptChange]]:
    """Group the store's topic phrases into concepts (following ``codebook``, or the one stored), write them,
    and point each statement and direct edge at its concept; return the concepts and the phrases that moved."""
    if codebook is None:
        codebook = stored_codebook(store)
    uses = phrase_uses(store)
    label_of, concepts = group_phrases(uses, codebook, min_actors=min_actors)
    before_label = _labels(store)
    for concept in list(concepts.values()):  # a broader label no statement uses is a concept of its own
        if concept.broader and concept.broader not in concepts:
            concepts[concept.broader] = Concept(concept.broader)
    moved: dict[tuple[str, str, str], int] = Counter()
    changed: list[PhraseUse] = []
    for u in uses:
        target = str(topic_iri(label_of[u.phrase]))
        if target != u.topic:
            changed.append(u)
            moved[(u.phrase, before_label.get(u.topic, u.phrase), label_of[u.phrase])] += 1
    _write_concepts(store, _concept_triples(concepts))
    if changed:
        _repoint(store, changed, label_of, uses)
    changes = [ConceptChange(p, b, a, n) for (p, b, a), n in sorted(moved.items()) if b != a]
    return concepts, changes


def _write_concepts(store: StanceStore, triples: Iterable[Triple]) -> None:
    """Make ``triples`` the content of the concepts graph, in one update request that deletes and adds only what
    changed: re-applying a codebook that moves a few phrases rewrites a few concepts."""
    name = sparql_term(CONCEPTS_GRAPH)
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}"
    current = {(r["s"], r["p"], _plain(r["o"])) for r in run_query(store, query).rows}
    new = {(s, p, _plain(o)) for s, p, o in triples}
    gone, added = current - new, new - current
    parts = []
    if gone:
        data = "\n".join(f"{sparql_term(s)} {sparql_term(p)} {sparql_term(o)} ." for s, p, o in gone)
        parts.append(f"DELETE DATA {{ GRAPH {name} {{\n{data}\n}} }}")
    if added:
        parts.append(insert_data(CONCEPTS_GRAPH, list(added)))  # type: ignore[arg-type]
    if parts:
        store.update(" ;\n".join(parts), quads=len(added))


def _plain(term: object) -> object:
    """A string literal as written without its datatype, as the concepts are made: the same term either way."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


STALE_QUERY = """
ASK {{ GRAPH {concepts} {{ ?t a sg:Topic FILTER NOT EXISTS {{ ?t skos:inScheme {scheme} }} }} }}
"""


def concepts_stale(store: StanceStore) -> bool:
    """True when a topic phrase is not grouped yet: a document was written since the concepts were made (a run
    stopped before it made them, or a document written by hand)."""
    query = STALE_QUERY.format(concepts=sparql_term(CONCEPTS_GRAPH), scheme=sparql_term(TOPIC_SCHEME))
    return bool(store.dataset.query(query, initNs=PREFIXES).askAnswer)


def _labels(store: StanceStore, graph: str | None = None) -> dict[str, str]:
    """The label of each topic in the concepts graph (or in ``graph``, a variable: any graph)."""
    query = f"SELECT ?t ?label WHERE {{ GRAPH {graph or sparql_term(CONCEPTS_GRAPH)} {{ ?t skos:prefLabel ?label }} }}"
    return {str(r["t"]): str(r["label"]) for r in run_query(store, query).rows}


def _repoint(store: StanceStore, changed: Sequence[PhraseUse], label_of: Mapping[str, str], uses: Sequence[PhraseUse]) -> None:
    """Point the changed statements at their concepts, and write their documents' direct edges again."""
    graphs = sorted({u.graph for u in changed})
    topic = sparql_term(SG.topic)
    deletes: dict[str, list[str]] = defaultdict(list)
    inserts: dict[str, list[Triple]] = defaultdict(list)
    for u in changed:
        deletes[u.graph].append(f"{sparql_term(URIRef(u.statement))} {topic} {sparql_term(URIRef(u.topic))} .")
        inserts[u.graph].append((URIRef(u.statement), SG.topic, topic_iri(label_of[u.phrase])))
    wanted = set(graphs)
    for u in uses:  # the direct edges of each changed document, made from all its statements
        if u.graph in wanted:
            prop = edge_property(Stance(stance_of_concept(u.stance)))
            inserts[u.graph].append((URIRef(u.actor), prop, topic_iri(label_of[u.phrase])))
    edge_props = " ".join(sorted(sparql_term(edge_property(s)) for s in Stance))
    parts = []
    for g in graphs:
        gt = sparql_term(URIRef(g))
        parts.append(f"DELETE DATA {{ GRAPH {gt} {{ {' '.join(deletes[g])} }} }}")
        parts.append(
            f"DELETE {{ GRAPH {gt} {{ ?a ?p ?t }} }} WHERE {{ VALUES ?p {{ {edge_props} }} GRAPH {gt} {{ ?a ?p ?t }} }}"
        )
        parts.append(insert_data(URIRef(g), list(dict.fromkeys(inserts[g]))))
    store.update(" ;\n".join(parts), quads=sum(len(v) for v in inserts.values()))


def concept_table(concepts: Mapping[str, Concept]) -> list[dict[str, object]]:
    """The concepts as rows, most used first: label, id, statements, actors, documents, phrases, broader,
    generic, excluded."""
    rows = [
        {
            "label": c.label,
            "id": c.id,
            "statements": c.statements,
            "actors": len(c.actors),
            "documents": len(c.documents),
            "phrases": len(c.phrases),
            "broader": c.broader or "",
            "generic": c.generic,
            "excluded": c.excluded,
        }
        for c in concepts.values()
    ]
    rows.sort(key=lambda r: (-int(r["statements"]), -int(r["actors"]), str(r["label"])))  # type: ignore[call-overload]
    return rows
