"""Scoring stance-table rows against a loaded gold file."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from stancegraph.errors import InputError

from .data import ExtractedStance, Gold, GoldSentence, GoldStance, Match
from .matching import topic_matches
from .report import Report

_ROW_FIX = "score rows of the stance table (stancegraph export --format jsonl)"


def _row_int(row: Mapping[str, Any], key: str, n: int) -> int:
    value = row.get(key)
    try:
        if isinstance(value, bool) or value is None or value == "":
            raise ValueError
        return int(value)
    except (TypeError, ValueError):
        raise InputError(f"'{key}' must be an integer, not {value!r}", where=f"stance row {n}",
                         fix=_ROW_FIX) from None


def _row_str(row: Mapping[str, Any], key: str, n: int) -> str:
    value = row.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"missing or empty field '{key}'", where=f"stance row {n}", fix=_ROW_FIX)
    return value


def _label_key(label: str) -> str:
    return " ".join(label.casefold().split())


def _sentence_of(start: int, end: int, sentences: list[GoldSentence]) -> GoldSentence | None:
    """The gold sentence holding more than half of the span start..end (a point must lie inside it)."""
    best, best_overlap = None, 0
    for s in sentences:
        if start == end:
            if s.start <= start < s.end:
                return s
            continue
        overlap = min(end, s.end) - max(start, s.start)
        if 2 * overlap > end - start and overlap > best_overlap:
            best, best_overlap = s, overlap
    return best


def _dedup(rows: Iterable[tuple[Any, Mapping[str, Any], int]]) -> dict[Any, ExtractedStance]:
    """Group (unit, row, row number) by (unit, actor, polarity, topic label) into ExtractedStances."""
    merged: dict[Any, ExtractedStance] = {}
    for unit, row, n in rows:
        actor, polarity, topic = _row_str(row, "actor_id", n), _row_int(row, "polarity", n), _row_str(row, "topic", n)
        key = (unit, actor, polarity, _label_key(topic))
        stance = str(row.get("stance") or "")
        topic_text = str(row.get("topic_text") or "")
        old = merged.get(key)
        if old is None:
            merged[key] = ExtractedStance(
                doc=_row_str(row, "doc", n), actor=actor, polarity=polarity, topic=topic,
                stances=(stance,) if stance else (), topic_texts=(topic_text,) if topic_text else (),
                sentence=str(row.get("sentence") or ""),
                char_start=_optional_int(row.get("char_start")), char_end=_optional_int(row.get("char_end")),
            )
        else:
            merged[key] = replace(old, rows=old.rows + 1, stances=_add(old.stances, stance),
                                  topic_texts=_add(old.topic_texts, topic_text))
    return merged


def score(gold: Gold, rows: Iterable[Mapping[str, Any]]) -> Report:
    """Score stance-table ``rows`` against ``gold`` as ``docs/gold-format.md`` describes.

    ``rows`` are dicts with at least ``doc``, ``actor_id``, ``stance``, ``polarity``, ``topic``, ``topic_text``,
    ``sentence``, ``char_start`` and ``char_end`` (values read from CSV are converted). A row lacking one of
    ``doc``, ``actor_id``, ``polarity``, ``topic`` (or, for sentence-level gold, the offsets) raises InputError.
    """
    rows = list(rows)
    docs = set(gold.docs)
    # (scoring unit, row, row number): the unit is the document, or the gold sentence's (doc, start, end)
    scored: list[tuple[Any, Mapping[str, Any], int]] = []
    if gold.level == "document":
        gold_by_unit: dict[Any, list[GoldStance]] = {}
        for g in gold.stances:
            gold_by_unit.setdefault(g.doc, []).append(g)
        for n, row in enumerate(rows, start=1):
            if _row_str(row, "doc", n) in docs:
                scored.append((row["doc"], row, n))
    else:
        gold_by_unit = {(s.doc, s.start, s.end): list(s.stances) for s in gold.sentences}
        by_doc: dict[str, list[GoldSentence]] = {}
        for s in gold.sentences:
            by_doc.setdefault(s.doc, []).append(s)
        for n, row in enumerate(rows, start=1):
            doc = _row_str(row, "doc", n)
            if doc not in docs:
                continue
            hit = _sentence_of(_row_int(row, "char_start", n), _row_int(row, "char_end", n), by_doc[doc])
            if hit is not None:
                scored.append(((hit.doc, hit.start, hit.end), row, n))

    extracted = _dedup(scored)
    candidates: dict[int, list[ExtractedStance]] = {}  # id(gold stance) -> extracted stances matching it
    false_positives: list[ExtractedStance] = []
    for (unit, *_), x in extracted.items():
        texts = [x.topic, *x.topic_texts]  # the concept's label or the words as written
        hits = [g for g in gold_by_unit.get(unit, [])
                if g.actor == x.actor and x.polarity in g.polarity and topic_matches(g, texts)]
        if not hits:
            false_positives.append(x)
        for g in hits:
            candidates.setdefault(id(g), []).append(x)
    # One pair per gold stance found, with an extracted stance of the same type when there is one.
    matches = [
        Match(gold=g, extracted=next((x for x in xs if g.stance in x.stances), xs[0]))
        for g in gold.stances if (xs := candidates.get(id(g)))
    ]
    found = set(candidates)

    required = [g for g in gold.stances if g.required]
    n_found = sum(id(g) in found for g in required)
    n_correct = len(extracted) - len(false_positives)
    same_type = sum(m.same_type for m in matches)
    precision, recall = _ratio(n_correct, len(extracted)), _ratio(n_found, len(required))
    order = {doc: i for i, doc in enumerate(gold.docs)}
    false_positives.sort(key=lambda x: (order[x.doc], x.char_start if x.char_start is not None else -1))
    return Report(
        gold_path=gold.path, level=gold.level,
        precision=precision, recall=recall,
        f1=_ratio(2 * precision * recall, precision + recall),
        type_agreement=_ratio(same_type, len(matches)),
        n_gold=len(required), n_gold_found=n_found,
        n_extracted=len(extracted), n_extracted_correct=n_correct,
        n_pairs=len(matches), n_pairs_same_type=same_type,
        n_units=len(gold.sentences) if gold.level == "sentence" else len(docs),
        n_rows=len(rows), n_rows_scored=len(scored),
        misses=[g for g in required if id(g) not in found],
        false_positives=false_positives,
        matches=matches,
        docs=list(gold.docs),
    )


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _optional_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _add(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    return values if not value or value in values else (*values, value)
