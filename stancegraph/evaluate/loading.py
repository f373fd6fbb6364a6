"""Reading gold files: document-level and sentence-level stance gold, and persons gold."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from stancegraph.errors import InputError
from stancegraph.jsonlines import json_objects
from stancegraph.model import Stance

from .data import Gold, GoldPerson, GoldSentence, GoldStance, Level
from .matching import words

_FORMAT_FIX = "see docs/gold-format.md for the gold file formats"


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
    for where, obj in json_objects(text.splitlines(), str(path), fix="write one JSON object per line"):
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
    if not terms or not all(isinstance(t, str) and words(t) for t in terms):
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
