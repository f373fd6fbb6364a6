"""What the stance rules return, and the small pieces they share: actors as read, findings, topics to resolve."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from stancegraph.model import Stance

from ..syntax import SUBJECT_DEPS, stance_of

__all__ = [
    "CONDITIONAL_MARKS",
    "FIRST_PERSON",
    "SPEAKER_NOUNS",
    "THIRD_PERSON",
    "ActorRef",
    "Finding",
    "TopicRef",
    "accused_in",
    "anaphoric",
    "caused_clause",
    "coordinated",
    "is_infinitive",
    "unique_actors",
]

FIRST_PERSON = {"we", "us", "our", "i", "me", "my", "ours"}
SPEAKER_NOUNS = {"delegation", "country", "government", "nation", "state", "people", "administration"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
THIRD_PERSON = {"it", "they", "he", "she", "its", "their", "his", "her", "them"}


@dataclass(frozen=True)
class ActorRef:
    """An actor as the gazetteer knows it, with the words that named it and the person speaking for it."""

    id: str
    text: str
    person: str | None = None
    role: str = ""


@dataclass
class Finding:
    actors: list[ActorRef]
    stance: Stance
    polarity: int
    topic_tokens: list[Token]
    predicate: Token
    targets: list[ActorRef] = field(default_factory=list)
    negated: bool = False
    hedged: bool = False
    speaker: ActorRef | None = None
    implicit: bool = False  # read from how something is named or described, not from a stance word
    # the words of the topic that name its issue (``extract.core.topic_core``); the label is made of them,
    # while ``topic_tokens`` stay the phrase as written. Left empty, they are the topic's words.
    core_tokens: list[Token] = field(default_factory=list)
    # False when the core names no issue of its own: a verb with no object, a word that is no noun, a generic
    # noun alone (``extract.core.read_core``)
    core_issue: bool = True

    def __post_init__(self) -> None:
        if not self.core_tokens:
            self.core_tokens = self.topic_tokens


@dataclass(frozen=True)
class TopicRef:
    """What a finding is about, before its words are read: a head token and how to read it."""

    head: Token
    clause: bool = False
    flip: bool = False  # the topic is something to end: the polarity turns
    with_subject: bool = False  # a clause topic that keeps its subject: "Brazil should become a member"
    bare: bool = False  # without its modal and negation: "the Nile must not be monopolized" -> "the Nile ... monopolized"


def coordinated(topic: TopicRef) -> list[TopicRef]:
    """The other conjuncts of a topic, each a topic of its own; a conjoined verb with a stance of its own is
    read by itself."""
    head = topic.head
    out = []
    for other in head.conjuncts:
        if other.i <= head.i:
            continue
        if topic.clause and other.pos_ == "VERB" and stance_of(other)[0] is None:
            out.append(TopicRef(other, clause=True, flip=topic.flip))
        elif not topic.clause and other.pos_ in ("NOUN", "PROPN") and head.pos_ in ("NOUN", "PROPN"):
            out.append(TopicRef(other, flip=topic.flip))
    return out


def anaphoric(noun: Token) -> bool:
    """A noun phrase that points back: "those actions", "such steps", "these moves"."""
    return noun.pos_ == "NOUN" and any(c.dep_ in ("det", "amod") and c.lower_ in ("these", "those", "such", "this")
                                       for c in noun.children)


def caused_clause(verb: Token) -> Token | None:
    """The clause a causative verb makes happen, with its own subject: "make [North Korea abandon ...]"."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.tag_ == "VB" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return child
    return None


def is_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def unique_actors(actors: list[ActorRef]) -> list[ActorRef]:
    """One entry per actor id, in order of appearance."""
    out: list[ActorRef] = []
    for actor in actors:
        if actor.id not in {a.id for a in out}:
            out.append(actor)
    return out


def accused_in(findings: list[Finding]) -> ActorRef | None:
    """The one actor a sentence's criticism aims at, if exactly one."""
    aimed = unique_actors([t for f in findings if f.polarity < 0 for t in f.targets])
    return aimed[0] if len(aimed) == 1 else None
