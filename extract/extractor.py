"""From documents to ``StanceTriple``s: clean the text, parse it, apply the rules, map offsets back."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from stancegraph import __version__
from stancegraph.errors import InputError
from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic

from .acronyms import defined_acronyms, shorten
from .cleanup import CleanText, clean_text
from .coref import resolve_it
from .gazetteer import Gazetteer, load_gazetteer
from .persons import resolve_speakers
from .pipeline import DEFAULT_MODEL, MAX_LENGTH, load_pipeline, pipeline_version
from .rules import ActorRef, Finding, accused_in, find_stances
from .topics import TopicForm, TopicIndex, load_topics, merge_variants, normal_form

__all__ = ["EXTRACTOR_VERSION", "Extraction", "Extractor"]

EXTRACTOR_VERSION = f"stancegraph-rules-{__version__}"
BASE_CONFIDENCE = 0.8
HEDGE_FACTOR = 0.6
# How many sentences an accusation carries over to hostile acts named with no doer.
ACCUSATION_SPAN = 2
# Batches parsed in one spaCy memory zone.
ZONE_BATCHES = 4
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


class Extraction(NamedTuple):
    """What one document yields: its stances, and the officials it names with whom they speak for."""

    document: Document
    stances: list[StanceTriple]
    persons: list[Actor]


class Extractor:
    """Reads stances out of documents with a spaCy pipeline and the stance rules.

    >>> extractor = Extractor()  # doctest: +SKIP
    >>> for doc, stances, persons in extractor.extract(documents): ...  # doctest: +SKIP
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        gazetteer: Gazetteer | None = None,
        actors_file: Path | None = None,
        topics_file: Path | None = None,
        batch_size: int = 16,
    ):
        self.gazetteer = gazetteer or load_gazetteer(actors_file)
        self.topics = load_topics(topics_file) if topics_file is not None else TopicIndex()
        self.nlp = load_pipeline(model, self.gazetteer)
        self.model = model
        self.batch_size = batch_size
        # spaCy builds the pipeline's meta (with every label) on each call: read it once, not once per document
        self._pipeline_version = pipeline_version(self.nlp)

    @property
    def pipeline_version(self) -> str:
        return self._pipeline_version

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Yield each document with the stances and officials found in it, in input order, parsing in batches.

        Each run of ``ZONE_BATCHES`` batches is parsed in a spaCy memory zone: the strings and lexemes its new
        words add to the vocabulary are freed after it, so memory does not grow with the corpus. Every
        document is read to plain values inside its zone.
        """
        cleaned = self._cleaned(documents)
        pending: InputError | None = None
        while pending is None:
            chunk: list[tuple[Document, CleanText]] = []
            try:
                chunk.extend(islice(cleaned, self.batch_size * ZONE_BATCHES))
            except InputError as err:  # the documents before a bad one are read first
                pending = err
            if not chunk:
                break
            items = ((clean.text, (doc, clean)) for doc, clean in chunk)
            with self.nlp.memory_zone():
                for parsed, (doc, clean) in self.nlp.pipe(items, as_tuples=True, batch_size=self.batch_size):
                    yield self.read(parsed, doc, clean)
        if pending is not None:
            raise pending

    def extract_one(self, document: Document) -> list[StanceTriple]:
        return next(self.extract([document])).stances

    def _cleaned(self, documents: Iterable[Document]) -> Iterator[tuple[Document, CleanText]]:
        for doc in documents:
            error = too_long(doc, self.nlp.max_length)  # cheap, before the clean-up's offset map
            if error is not None:
                raise error
            clean = clean_text(doc.text)
            error = too_long(doc, self.nlp.max_length, len(clean.text))  # the clean-up may add characters
            if error is not None:
                raise error
            yield doc, clean

    def read(self, parsed: Doc, doc: Document, clean: CleanText) -> Extraction:
        """The stances in one parsed document, with evidence offsets into the original text, and its officials."""
        entity_of = self._entity_index(parsed)
        quoted, persons = self._resolve_persons(parsed, entity_of)
        self._resolve_it(parsed, entity_of)
        acronyms = defined_acronyms(parsed)
        speaker = self._speaker(doc)
        out: list[StanceTriple] = []
        forms: list[TopicForm | None] = []
        seen: set[tuple] = set()
        accused: ActorRef | None = None
        accused_age = 0
        for sent in parsed.sents:
            findings = find_stances(
                sent, lambda tok: entity_of.get(tok.i), speaker, lambda tok: quoted.get(tok.i), accused
            )
            # the doer of a hostile act named with no doer is the one accused in the last sentences
            now_accused = accused_in(findings)
            if accused is not None and speaker is not None:
                for finding in findings:
                    # "Such actions are contrary to international law", said right after accusing Russia
                    if finding.polarity < 0 and not finding.targets and finding.actors[0].id == speaker.id != accused.id:
                        finding.targets.append(accused)
            accused_age = 0 if now_accused is not None else accused_age + 1
            if now_accused is not None:
                accused = now_accused
            elif accused_age > ACCUSATION_SPAN:
                accused = None
            if not findings:
                continue
            evidence = self._evidence(sent, doc, clean)
            for finding in findings:
                triple = self._triple(finding, evidence, doc, clean, acronyms)
                key = (triple.actor.id, triple.stance, triple.polarity, triple.topic.label, evidence.char_start)
                if key not in seen:
                    seen.add(key)
                    out.append(triple)
                    forms.append(_topic_form(triple.topic.label, finding.core_tokens))
        return Extraction(doc, _aim_at_proposers(self._canonical_topics(out, forms)), persons)

    def _canonical_topics(self, triples: list[StanceTriple], forms: list[TopicForm | None]) -> list[StanceTriple]:
        """One label per concept: the user's label if the topic file names it, else the most general variant
        in the document ("missile defense system" for "European missile defense systems")."""
        merged = merge_variants(f for f in forms if f is not None)
        out = []
        for triple, form in zip(triples, forms):
            label = triple.topic.label
            general = merged.get(label, label)
            canonical = self.topics.canonical(general, label, triple.topic.text)
            if canonical is None and form is not None:
                canonical = self.topics.canonical_form(form)
            canonical = canonical or general
            if canonical != label:
                # the as-written text stays; a label that differs from the canonical one is a surface form too
                text = triple.topic.text or label
                triple = replace(triple, topic=replace(triple.topic, label=canonical, text=text, issue=True))
            out.append(triple)
        return out

    def _entity_index(self, parsed: Doc) -> dict[int, ActorRef]:
        index: dict[int, ActorRef] = {}
        for ent in parsed.ents:
            if ent.start >= 2 and not parsed[ent.start - 2].whitespace_ and parsed[ent.start - 1].text == "-":
                if parsed[ent.start - 2].lower_ in ("pro", "anti", "non"):
                    continue  # "pro-Russian militias" are not Russia
            if ent.ent_id_ and self.gazetteer.get(ent.ent_id_) is not None:
                ref = ActorRef(ent.ent_id_, ent.text)
                for tok in ent:
                    index[tok.i] = ref
        return index

    def _resolve_persons(self, parsed: Doc, entity_of: dict[int, ActorRef]) -> tuple[dict[int, ActorRef], list[Actor]]:
        """Add officials and the pronouns that refer to them to ``entity_of``; return who utters each quoted
        token, and the officials whose affiliation is known."""
        speakers = resolve_speakers(parsed, lambda i: entity_of[i].id if i in entity_of else None)
        for i, person in speakers.mention_of.items():
            if person.affiliation is not None and i not in entity_of:
                tok = parsed[i]
                text = person.name if tok.ent_type_ == "PERSON" else tok.text
                entity_of[i] = ActorRef(person.affiliation, text, person=person.name, role=person.role)
        quoted = {
            i: ActorRef(person.affiliation, parsed[i].text, person=person.name, role=person.role)
            for i, person in speakers.utterer_of.items()
            if person.affiliation is not None
        }
        officials = [
            _person_actor(person.name, person.role, person.affiliation)
            for person in speakers.persons
            if person.affiliation is not None
        ]
        return quoted, officials

    @staticmethod
    def _resolve_it(parsed: Doc, entity_of: dict[int, ActorRef]) -> None:
        """Add the "it" and "its" that stand for a state or an organisation to ``entity_of``."""
        for i, j in resolve_it(parsed, lambda k: entity_of[k].id if k in entity_of else None).items():
            if i not in entity_of and entity_of[j].person is None:
                entity_of[i] = ActorRef(entity_of[j].id, parsed[i].text)

    def _speaker(self, doc: Document) -> ActorRef | None:
        if not doc.speaker:
            return None
        entry = self.gazetteer.lookup(doc.speaker)
        return ActorRef(entry.id, doc.speaker) if entry else None

    def _actor(self, ref: ActorRef) -> Actor:
        entry = self.gazetteer.get(ref.id)
        assert entry is not None
        kind = "organization" if entry.type not in ("state", "person", "group", "other") else entry.type
        return Actor(id=entry.id, label=entry.label, type=kind, text=ref.text)

    def _evidence(self, sent: Span, doc: Document, clean: CleanText) -> Evidence:
        tokens = [t for t in sent if not t.is_space]
        start_c = tokens[0].idx if tokens else sent.start_char
        end_c = (tokens[-1].idx + len(tokens[-1].text)) if tokens else sent.end_char
        start, end = clean.original_span(start_c, end_c)
        return Evidence(doc=doc.id, sentence=doc.text[start:end], char_start=start, char_end=end)

    def _triple(
        self, finding: Finding, evidence: Evidence, doc: Document, clean: CleanText, acronyms: dict[str, str]
    ) -> StanceTriple:
        actor_ref = finding.actors[0]
        label = shorten(_topic_label(finding.core_tokens), acronyms)
        first, last = finding.topic_tokens[0], finding.topic_tokens[-1]
        t_start, t_end = clean.original_span(first.idx, last.idx + len(last.text))
        confidence = BASE_CONFIDENCE * (HEDGE_FACTOR if finding.hedged else 1.0)
        speaker = None
        speaker_person = None
        if finding.speaker is not None:
            speaker = finding.speaker.person or doc.speaker
        if finding.speaker is not None and finding.speaker.person:
            speaker_person = _person_actor(finding.speaker.person, finding.speaker.role, finding.speaker.id)
        return StanceTriple(
            actor=self._actor(actor_ref),
            stance=finding.stance,
            polarity=finding.polarity,
            topic=Topic(label=label, text=doc.text[t_start:t_end], issue=finding.core_issue),
            evidence=evidence,
            targets=tuple(self._actor(t) for t in finding.targets),
            speaker=speaker,
            speaker_person=speaker_person,
            negated=finding.negated,
            hedged=finding.hedged,
            confidence=round(confidence, 3),
            date=doc.date,
            source=doc.source,
        )


def _aim_at_proposers(triples: list[StanceTriple]) -> list[StanceTriple]:
    """Opposing or rejecting what another actor proposed in the same document is aimed at that actor: "the
    draft resolution submitted by the United States" ... "we will vote against the draft resolution"."""
    proposers: dict[str, list[Actor]] = {}
    for t in triples:
        if t.stance is Stance.PROPOSE:
            proposers.setdefault(normal_form(t.topic.label), []).append(t.actor)
    out = []
    for t in triples:
        if t.polarity < 0 and t.stance is not Stance.DEMAND:
            known = {a.id for a in t.targets} | {t.actor.id}
            extra = []
            for a in proposers.get(normal_form(t.topic.label), []):
                if a.id not in known:
                    known.add(a.id)
                    extra.append(a)
            if extra:
                t = replace(t, targets=(*t.targets, *extra))
        out.append(t)
    return out


def _topic_form(label: str, tokens: list[Token]) -> TopicForm | None:
    """Head and modifiers of a noun-phrase topic; None for a clause ("deploy missiles")."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN"):
        return None
    head = heads[0]
    modifiers = frozenset(t.lemma_.lower() for t in tokens if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ"))
    return TopicForm(label, head.lemma_.lower(), modifiers)


def _person_actor(name: str, role: str, affiliation: str) -> Actor:
    return Actor(id=_slug(name), label=name, type="person", text=name, role=role, affiliation=affiliation)


def _slug(name: str) -> str:
    """The id of an actor with no code of its own: "Anders Fogh Rasmussen" -> "anders-fogh-rasmussen"."""
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "unnamed"


def _topic_label(tokens: list[Token]) -> str:
    """A readable label: the kept words in order, with a space where words were left out."""
    parts: list[str] = []
    for i, tok in enumerate(tokens):
        parts.append(tok.text)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and (nxt.i != tok.i + 1 or tok.whitespace_):
            parts.append(" ")
    label = " ".join("".join(parts).replace("[", "").replace("]", "").split())  # "the [American] ABM system"
    return _LEADING_ARTICLE.sub("", label)


def too_long(doc: Document, max_length: int = MAX_LENGTH, length: int | None = None) -> InputError | None:
    """The error for a document of ``length`` characters (its text as given, by default) when that is more than
    ``max_length``, the most a pipeline parses at once; None when it fits."""
    length = len(doc.text) if length is None else length
    if length <= max_length:
        return None
    return InputError(
        f"document '{doc.id}' has {length:,} characters, more than the {max_length:,} the pipeline parses at once",
        where=doc.origin or doc.id,
        fix="split it into smaller documents, one per speech or article",
    )
