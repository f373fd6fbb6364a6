"""Score extracted stances against a hand-coded gold file (see ``eval/FORMAT.md``).

Two gold formats are read, and told apart line by line:

- **document-level** lines (they have ``actor``): one stance a reader finds in a document, counted once per
  document. ``required`` ones count for recall; optional ones are correct if found but never missing.
- **sentence-level** lines (they have ``gold`` and ``start``/``end``): one sentence of a document with every
  stance in it, or none. Only extracted stances whose evidence lies in a gold sentence are scored.

A third kind, the persons gold (lines with ``person``), is read by :func:`load_persons`.

An extracted stance (a stance-table row) **matches** a gold stance when the actor ids are equal, its polarity is
one of the gold polarities, and one of the gold ``topic_terms`` occurs at the start of a word of its topic label
(document-level gold: or of its ``topic_text``). Case, accents, hyphens and punctuation are ignored, see
:func:`term_matches`. Matching is many-to-many: an extracted stance may match several gold stances (it counts
once for precision) and a gold stance may be matched by several extracted ones (it counts once for recall).

Extracted rows are deduplicated before precision is counted: per document by (actor id, polarity, topic label)
for document-level gold, per gold sentence for sentence-level gold; topic labels compare case- and
space-insensitively. Rows of documents that are not in the gold file, and (sentence-level) rows whose evidence
lies outside every gold sentence, are ignored and counted as such in the report.

Stance-type agreement is computed over matched pairs, one per gold stance found (required or not): the pair
agrees when an extracted stance matching that gold stance has its type (``stance`` of any row merged into it).

Ratios with a zero denominator are 0.0 (no extracted stances: precision 0.0, shown as ``(0/0)``; no required
gold stances: recall 0.0; no matched pairs: type agreement 0.0), and F1 is 0.0 when precision and recall are.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from stancegraph.errors import InputError
from stancegraph.model import Stance

__all__ = [
    "ExtractedStance",
    "Gold",
    "GoldPerson",
    "GoldSentence",
    "GoldStance",
    "Match",
    "Report",
    "load_gold",
    "load_persons",
    "score",
    "term_matches",
]

Level = Literal["document", "sentence"]

_FORMAT_FIX = "see eval/FORMAT.md for the gold file formats"
_ROW_FIX = "score rows of the stance table (stancegraph export --format jsonl)"


# --------------------------------------------------------------------------------------------- data


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


# ------------------------------------------------------------------------------------ term matching


def _words(text: str) -> list[str]:
    """Lower-case words of ``text``, accents dropped, any non-alphanumeric character a separator."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", plain.casefold())


def _forms(text: str) -> tuple[str, str]:
    """Two spellings: punctuation as a space ("pre emptive") and punctuation inside words dropped ("preemptive")."""
    split = " ".join(_words(text))
    joined = " ".join(w for w in ("".join(_words(chunk)) for chunk in text.split()) if w)
    return split, joined


def term_matches(term: str, text: str) -> bool:
    """True when ``term`` occurs at the start of a word of ``text``.

    Case, accents, hyphens and punctuation are ignored both ways; spaces still separate words.

    Examples
    --------
    >>> term_matches("pre-emptive", "pre emptive strike")
    True
    >>> term_matches("preemptive", "Pre-emptive strike")
    True
    >>> term_matches("abm", "anti-ballistic missile (ABM) shield")
    True
    >>> term_matches("strike", "airstrike")
    False
    >>> term_matches("cooperat", "co-operation with Russia")
    True
    """
    text_forms = [f" {form}" for form in _forms(text) if form]
    return any(
        f" {form}" in text_form
        for form in set(_forms(term)) if form
        for text_form in text_forms
    )


def _topic_matches(gold: GoldStance, texts: Iterable[str]) -> bool:
    texts = list(texts)
    return any(term_matches(term, text) for term in gold.topic_terms for text in texts)


# ------------------------------------------------------------------------------------------ loading


def _read_jsonl(path: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (``file:line``, object) for every non-blank line; InputError for anything unreadable or empty."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such gold file", where=str(path), fix="check the path") from None
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text ({err.reason})", where=str(path), fix="save it as UTF-8") from None
    except OSError as err:
        raise InputError(f"cannot read the gold file: {err.strerror}", where=str(path)) from None
    seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"not valid JSON: {err.msg} at column {err.colno}", where=where,
                             fix="write one JSON object per line") from None
        if not isinstance(obj, dict):
            raise InputError(f"expected a JSON object, found {type(obj).__name__}", where=where,
                             fix="write one JSON object per line") from None
        seen = True
        yield where, obj
    if not seen:
        raise InputError("the gold file is empty", where=str(path), fix=_FORMAT_FIX)


def _line_kind(obj: Mapping[str, Any], where: str) -> str:
    if "person" in obj:
        return "persons"
    if "gold" in obj or ("start" in obj and "end" in obj and "actor" not in obj):
        return "sentence"
    if "actor" in obj:
        return "document"
    raise InputError(
        "cannot tell the format: a line needs 'actor' (document-level), 'gold' with 'start'/'end'"
        " (sentence-level) or 'person' (persons)", where=where, fix=_FORMAT_FIX)


def _need(obj: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str, ctx: str = "") -> Any:
    if key not in obj:
        raise InputError(f"{ctx}missing field '{key}'", where=where, fix=_FORMAT_FIX)
    value = obj[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise InputError(f"{ctx}field '{key}' has the wrong type ({type(value).__name__})", where=where,
                         fix=_FORMAT_FIX)
    if isinstance(value, str) and not value.strip():
        raise InputError(f"{ctx}field '{key}' is empty", where=where, fix=_FORMAT_FIX)
    return value


def _gold_stance(obj: Mapping[str, Any], where: str, ctx: str = "", **extra: Any) -> GoldStance:
    """Validate the stance fields shared by both formats (``doc`` comes from ``extra`` or ``obj``)."""
    actor = _need(obj, "actor", str, where, ctx)
    try:
        stance = Stance.parse(_need(obj, "stance", str, where, ctx)).value
    except ValueError as err:
        raise InputError(f"{ctx}{err}", where=where, fix=_FORMAT_FIX) from None
    polarity = _need(obj, "polarity", (list, int), where, ctx)
    polarity = [polarity] if isinstance(polarity, int) else polarity
    if not polarity or any(isinstance(p, bool) or p not in (-1, 0, 1) for p in polarity):
        raise InputError(f"{ctx}'polarity' must be a non-empty list of -1, 0, 1, not {obj['polarity']!r}",
                         where=where, fix=_FORMAT_FIX)
    topic = _need(obj, "topic", str, where, ctx)
    terms = _need(obj, "topic_terms", (list, str), where, ctx)
    terms = [terms] if isinstance(terms, str) else terms
    if not terms or not all(isinstance(t, str) and _words(t) for t in terms):
        raise InputError(f"{ctx}'topic_terms' must be a non-empty list of words, not {obj['topic_terms']!r}",
                         where=where, fix=_FORMAT_FIX)
    targets = obj.get("targets") or []
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise InputError(f"{ctx}'targets' must be a list of actor ids", where=where, fix=_FORMAT_FIX)
    return GoldStance(actor=actor, stance=stance, polarity=tuple(polarity), topic=topic,
                      topic_terms=tuple(terms), targets=tuple(targets), where=where, **extra)


def _document_line(obj: Mapping[str, Any], where: str) -> GoldStance:
    required = obj.get("required", True)
    if not isinstance(required, bool):
        raise InputError(f"'required' must be true or false, not {required!r}", where=where, fix=_FORMAT_FIX)
    evidence = obj.get("evidence") or ""
    return _gold_stance(obj, where, doc=_need(obj, "doc", str, where), required=required, evidence=str(evidence))


def _sentence_line(obj: Mapping[str, Any], where: str) -> GoldSentence:
    doc = _need(obj, "doc", str, where)
    start = _need(obj, "start", int, where)
    end = _need(obj, "end", int, where)
    if not 0 <= start <= end:
        raise InputError(f"'start' {start} and 'end' {end} are not a span", where=where, fix=_FORMAT_FIX)
    sentence = obj.get("sentence") or ""
    if sentence and len(sentence) != end - start:
        raise InputError(f"'sentence' has {len(sentence)} characters but end - start is {end - start}",
                         where=where, fix="text[start:end] must equal sentence")
    speaker = obj.get("speaker")
    items = _need(obj, "gold", list, where)
    stances = []
    for i, item in enumerate(items):
        ctx = f"gold[{i}]: "
        if not isinstance(item, dict):
            raise InputError(f"{ctx}expected a JSON object", where=where, fix=_FORMAT_FIX)
        stances.append(_gold_stance(item, where, ctx, doc=doc, evidence=sentence, start=start, end=end))
    return GoldSentence(doc=doc, start=start, end=end, sentence=sentence,
                        speaker=speaker if isinstance(speaker, str) else None, stances=tuple(stances), where=where)


def load_gold(path: str | Path) -> Gold:
    """Read a document-level or sentence-level gold file, telling the format from its lines.

    Raises :class:`~stancegraph.errors.InputError` (one line, naming ``file:line``) for malformed JSON, missing
    or ill-typed fields, a file mixing formats, a persons file, or an empty file.
    """
    first: tuple[str, str] | None = None
    stances: list[GoldStance] = []
    sentences: list[GoldSentence] = []
    for where, obj in _read_jsonl(path):
        kind = _line_kind(obj, where)
        if kind == "persons":
            raise InputError("this line lists a person, not a stance", where=where,
                             fix="read persons gold with load_persons()")
        if first is None:
            first = (kind, where)
        elif kind != first[0]:
            raise InputError(f"{kind}-level line in a file that began {first[0]}-level at {first[1]}", where=where,
                             fix="keep document-level and sentence-level gold in separate files")
        if kind == "document":
            stances.append(_document_line(obj, where))
        else:
            sentence = _sentence_line(obj, where)
            sentences.append(sentence)
            stances.extend(sentence.stances)
    assert first is not None  # _read_jsonl refuses empty files
    level: Level = "document" if first[0] == "document" else "sentence"
    return Gold(path=str(path), level=level, stances=tuple(stances), sentences=tuple(sentences))


def load_persons(path: str | Path) -> list[GoldPerson]:
    """Read a persons gold file: ``{"doc", "person", "affiliation", "role"}`` per line."""
    persons = []
    for where, obj in _read_jsonl(path):
        if "person" not in obj:
            raise InputError("not a persons line (no 'person' field)", where=where,
                             fix="read stance gold with load_gold()")
        persons.append(GoldPerson(
            doc=_need(obj, "doc", str, where),
            person=_need(obj, "person", str, where),
            affiliation=_need(obj, "affiliation", str, where),
            role=str(obj.get("role") or ""),
            where=where,
        ))
    return persons


# ------------------------------------------------------------------------------------------ scoring


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
    """Score stance-table ``rows`` against ``gold`` as ``eval/FORMAT.md`` describes.

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

    use_text = gold.level == "document"
    extracted = _dedup(scored)
    candidates: dict[int, list[ExtractedStance]] = {}  # id(gold stance) -> extracted stances matching it
    false_positives: list[ExtractedStance] = []
    for (unit, *_), x in extracted.items():
        texts = [x.topic, *x.topic_texts] if use_text else [x.topic]
        hits = [g for g in gold_by_unit.get(unit, [])
                if g.actor == x.actor and x.polarity in g.polarity and _topic_matches(g, texts)]
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


# ------------------------------------------------------------------------------------------ helpers


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _optional_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _add(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    return values if not value or value in values else (*values, value)


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
