"""Plain data that crosses between extraction and the graph.

Nothing here knows about spaCy or rdflib: extractors produce these objects,
the graph layer stores them, and both sides can be tested on their own.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = [
    "ACTOR_TYPES",
    "Actor",
    "Document",
    "Evidence",
    "Stance",
    "StanceTriple",
    "Topic",
]

ACTOR_TYPES = ("state", "organization", "person", "group", "other")


class Stance(enum.Enum):
    """The seven stance types, each with its default polarity towards the topic."""

    SUPPORT = "support"
    PROPOSE = "propose"
    DEMAND = "demand"
    THREATEN = "threaten"
    CONSIDER = "consider"
    OPPOSE = "oppose"
    REJECT = "reject"

    @property
    def polarity(self) -> int:
        return _POLARITY[self]

    @classmethod
    def parse(cls, value: str) -> "Stance":
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown stance {value!r}; expected one of {names}") from None


_POLARITY = {
    Stance.SUPPORT: 1,
    Stance.PROPOSE: 1,
    Stance.DEMAND: 1,
    Stance.THREATEN: 1,
    Stance.CONSIDER: 0,
    Stance.OPPOSE: -1,
    Stance.REJECT: -1,
}


@dataclass(frozen=True)
class Document:
    """One input document. ``text`` is exactly what the input gave."""

    id: str
    text: str
    date: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    speaker: str | None = None
    origin: str = ""  # file (and line) the document came from, for messages


@dataclass(frozen=True)
class Actor:
    """Who takes a position: ``id`` is ISO 3166-1 alpha-3 for states, a short id otherwise."""

    id: str
    label: str
    type: str = "other"
    text: str = ""  # the words that named it in the evidence
    role: str = ""  # a person's title: "Secretary General"
    affiliation: str | None = None  # id of the actor a person speaks for

    def __post_init__(self) -> None:
        if self.type not in ACTOR_TYPES:
            raise ValueError(f"actor type must be one of {ACTOR_TYPES}, not {self.type!r}")


@dataclass(frozen=True)
class Topic:
    """What the position is about: a canonical ``label``, the words as written, and whether the label names an
    issue of its own (not a verb with no object such as "continue", nor a generic noun such as "our efforts")."""

    label: str
    text: str = ""
    issue: bool = True


@dataclass(frozen=True)
class Evidence:
    """Where a stance was read: ``doc_text[char_start:char_end] == sentence``."""

    doc: str
    sentence: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class StanceTriple:
    """One actor-stance-topic statement with its evidence."""

    actor: Actor
    stance: Stance
    topic: Topic
    evidence: Evidence
    polarity: int | None = None  # None: the stance type's own polarity
    targets: tuple[Actor, ...] = ()
    speaker: str | None = None  # who utters it: a person's name, or the document's speaker
    speaker_person: Actor | None = None  # that person, with role and affiliation, when the text names one
    negated: bool = False
    hedged: bool = False
    confidence: float = 1.0
    date: str | None = None
    source: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        if self.polarity is None:
            object.__setattr__(self, "polarity", self.stance.polarity)
        if self.polarity not in (-1, 0, 1):
            raise ValueError(f"polarity must be -1, 0 or 1, not {self.polarity!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must lie in [0, 1], not {self.confidence!r}")
