"""The scores of one evaluation with the evidence behind them, for people (text) and programs (JSON)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from .data import ExtractedStance, GoldStance, Level, Match


@dataclass
class Report:
    """Scores with the evidence behind them. ``format_text()`` renders it for people, ``to_dict()`` for JSON."""

    gold_path: str
    level: Level
    precision: float
    recall: float
    f1: float
    type_agreement: float
    n_gold: int  # required gold stances
    n_gold_found: int
    n_extracted: int  # deduplicated extracted stances that were scored
    n_extracted_correct: int
    n_pairs: int
    n_pairs_same_type: int
    n_units: int  # gold documents or gold sentences
    n_rows: int
    n_rows_scored: int
    misses: list[GoldStance] = field(default_factory=list)
    false_positives: list[ExtractedStance] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)  # gold documents, in file order

    @property
    def _doc_order(self) -> dict[str, int]:
        return {doc: i for i, doc in enumerate(self.docs)}

    @property
    def scope(self) -> str:
        """One sentence saying which extracted stances precision counts."""
        ignored = self.n_rows - self.n_rows_scored
        if self.level == "document":
            where = f"the {_plural(self.n_units, 'document')} in the gold file"
        else:
            where = f"the {_plural(self.n_units, 'gold sentence')}"
        return f"precision counts only stances found in {where}; {_plural(ignored, 'extracted row')} elsewhere ignored"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the scores, counts, and lists of misses, false stances and matches."""
        return {
            "gold": self.gold_path,
            "level": self.level,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "type_agreement": self.type_agreement,
            "counts": {
                "gold_required": self.n_gold,
                "gold_found": self.n_gold_found,
                "extracted": self.n_extracted,
                "extracted_correct": self.n_extracted_correct,
                "matched_pairs": self.n_pairs,
                "matched_pairs_same_type": self.n_pairs_same_type,
                "gold_units": self.n_units,
                "rows": self.n_rows,
                "rows_scored": self.n_rows_scored,
            },
            "scope": self.scope,
            "docs": list(self.docs),
            "misses": [_jsonable(asdict(g)) for g in self.misses],
            "false_positives": [_jsonable(asdict(x)) for x in self.false_positives],
            "matches": [
                {"gold": _jsonable(asdict(m.gold)), "extracted": _jsonable(asdict(m.extracted)),
                 "same_type": m.same_type}
                for m in self.matches
            ],
        }

    def format_text(self, verbose: bool = True) -> str:
        """Summary lines first, then (``verbose``) each document's misses, false stances and type mismatches."""
        lines = [
            f"precision {self.precision:.3f} ({self.n_extracted_correct}/{self.n_extracted})",
            f"recall {self.recall:.3f} ({self.n_gold_found}/{self.n_gold})",
            f"f1 {self.f1:.3f}",
            f"stance-type agreement {self.type_agreement:.3f} ({self.n_pairs_same_type}/{self.n_pairs} matched pairs)",
            f"gold: {self.gold_path} ({self.level}-level, {_plural(self.n_units, self.level)})",
            self.scope,
        ]
        if not verbose:
            return "\n".join(lines) + "\n"
        by_doc: dict[str, list[str]] = {}
        for g in self.misses:
            by_doc.setdefault(g.doc, []).extend([
                f"  MISSED {g.actor} {g.stance} {_quote(g.topic)} (polarity {_polarities(g.polarity)})",
                f"         evidence: {_one_line(g.evidence)}",
            ])
        for x in self.false_positives:
            by_doc.setdefault(x.doc, []).extend([
                f"  FALSE  {x.actor} {'/'.join(x.stances)} {_sign(x.polarity)} {_quote(x.topic)}",
                f"         evidence: {_one_line(x.sentence)}",
            ])
        for m in self.matches:
            if not m.same_type:
                by_doc.setdefault(m.gold.doc, []).append(
                    f"  TYPE   {m.gold.actor} {_quote(m.gold.topic)}: gold {m.gold.stance},"
                    f" extracted {'/'.join(m.extracted.stances)}"
                )
        for doc, entries in sorted(by_doc.items(), key=lambda item: self._doc_order.get(item[0], 0)):
            lines.append("")
            lines.append(f"== {doc}")
            lines.extend(entries)
        return "\n".join(lines) + "\n"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _sign(p: int) -> str:
    return f"{p:+d}" if p else "0"


def _polarities(ps: Iterable[int]) -> str:
    return "|".join(_sign(p) for p in ps)


def _quote(text: str) -> str:
    return f'"{text}"'


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "(none)"


def _jsonable(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value
