"""The gold stances, sentences and persons a gold file holds, and the extracted stances scored against them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["document", "sentence"]


@dataclass(frozen=True)
class GoldStance:
    """One gold stance. ``start``/``end`` are set for sentence-level gold (the sentence's offsets)."""

    doc: str
    actor: str
    stance: str
    polarity: tuple[int, ...]
    topic: str
    topic_terms: tuple[str, ...]
    targets: tuple[str, ...] = ()
    required: bool = True
    evidence: str = ""
    start: int | None = None
    end: int | None = None
    where: str = ""


@dataclass(frozen=True)
class GoldSentence:
    """One sentence of sentence-level gold with all its stances (possibly none)."""

    doc: str
    start: int
    end: int
    sentence: str
    speaker: str | None
    stances: tuple[GoldStance, ...]
    where: str = ""


@dataclass(frozen=True)
class Gold:
    """A loaded gold file: its stances, and for sentence-level gold its sentences."""

    path: str
    level: Level
    stances: tuple[GoldStance, ...]
    sentences: tuple[GoldSentence, ...] = ()

    @property
    def docs(self) -> tuple[str, ...]:
        """Document ids in the order they first appear."""
        units = self.sentences if self.level == "sentence" else self.stances
        return tuple(dict.fromkeys(u.doc for u in units))


@dataclass(frozen=True)
class GoldPerson:
    """An official named in a document and the actor they speak for."""

    doc: str
    person: str
    affiliation: str
    role: str = ""
    where: str = ""


@dataclass(frozen=True)
class ExtractedStance:
    """Extracted rows deduplicated into one stance; evidence is the first row's."""

    doc: str
    actor: str
    polarity: int
    topic: str
    stances: tuple[str, ...]
    topic_texts: tuple[str, ...]
    sentence: str
    char_start: int | None
    char_end: int | None
    rows: int = 1


@dataclass(frozen=True)
class Match:
    """A gold stance found, and the extracted stance that matched it (one of the same type, if any did)."""

    gold: GoldStance
    extracted: ExtractedStance

    @property
    def same_type(self) -> bool:
        return self.gold.stance in self.extracted.stances
