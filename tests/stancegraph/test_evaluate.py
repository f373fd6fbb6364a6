"""Scoring extracted stances against gold files (docs/gold-format.md)."""

from __future__ import annotations

import doctest
import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any

import pytest

from stancegraph import evaluate
from stancegraph.errors import InputError
from stancegraph.evaluate import Gold, load_gold, load_persons, score, term_matches
from support import REPO, SHARED

SHARED_EVAL = SHARED / "eval"
needs_shared = pytest.mark.skipif(
    not SHARED_EVAL.is_dir(), reason=f"../shared/eval is absent ({SHARED_EVAL}): real gold files not available"
)

DOC = "d1"


def write_jsonl(path: Path, lines: list[Any]) -> Path:
    path.write_text("".join((ln if isinstance(ln, str) else json.dumps(ln)) + "\n" for ln in lines), "utf-8")
    return path


def gold_line(actor: str = "RUS", stance: str = "oppose", polarity: Any = (-1,), topic: str = "ABM shield",
              terms: Any = ("abm", "shield"), doc: str = DOC, **extra: Any) -> dict[str, Any]:
    line = {"doc": doc, "actor": actor, "stance": stance, "polarity": list(polarity), "topic": topic,
            "topic_terms": list(terms), "required": True, "evidence": f"{actor} {stance}s {topic}."}
    line.update(extra)
    return line


def row(actor: str = "RUS", stance: str = "oppose", polarity: int = -1, topic: str = "ABM shield",
        topic_text: str = "", doc: str = DOC, start: int = 0, end: int = 10, sentence: str = "") -> dict[str, Any]:
    return {"doc": doc, "actor_id": actor, "stance": stance, "polarity": polarity, "topic": topic,
            "topic_text": topic_text or topic, "sentence": sentence or f"{actor} {stance} {topic}",
            "char_start": start, "char_end": end, "targets": []}


def doc_gold(tmp_path: Path, *lines: dict[str, Any]) -> Gold:
    return load_gold(write_jsonl(tmp_path / "gold.jsonl", list(lines)))


def sentence_line(start: int, end: int, stances: list[dict[str, Any]], doc: str = DOC) -> dict[str, Any]:
    gold = [{k: v for k, v in s.items() if k not in ("doc", "required", "evidence")} for s in stances]
    return {"doc": doc, "start": start, "end": end, "sentence": "x" * (end - start), "speaker": "RUS", "gold": gold}


# ------------------------------------------------------------------------------------- term matching


@pytest.mark.parametrize(("term", "text", "expected"), [
    ("abm", "ABM shield", True),
    ("abm", "anti-ballistic missile (ABM) shield", True),
    ("strike", "airstrike", False),
    ("strike", "air strike", True),
    ("strike", "air-strike", True),
    ("pre-emptive", "pre emptive strike", True),
    ("pre-emptive", "preemptive strike", True),
    ("preemptive", "pre-emptive strike", True),
    ("cooperat", "co-operation", True),
    ("co-operat", "cooperation", True),
    ("anti", "an tiger", False),  # spaces still separate words
    ("guarantee", "legally-binding guarantees", True),
    ("shield", "shields", True),
    ("hield", "shield", False),
    ("68/262", "resolution 68/262", True),
    ("mh-17", "the MH17 crash", True),
    ("pena", "Peña Nieto", True),
    ("joint missile defense", "Joint  missile-defense system", True),
])
def test_term_matches_word_starts_ignoring_case_hyphens_punctuation(term: str, text: str, expected: bool) -> None:
    assert term_matches(term, text) is expected


def test_doctests() -> None:
    # testmod() passes over what a package re-exports: each module's examples run in the module that defines them
    modules = [evaluate, *(importlib.import_module(f"{evaluate.__name__}.{m.name}")
                           for m in pkgutil.iter_modules(evaluate.__path__))]
    results = [doctest.testmod(module) for module in modules]
    assert sum(r.failed for r in results) == 0
    assert sum(r.attempted for r in results) >= 5  # term_matches' own examples at least


# ----------------------------------------------------------------------------- document-level scoring


def test_topic_matches_label_or_text(tmp_path: Path) -> None:
    gold = doc_gold(tmp_path, gold_line(terms=["abm"]))
    by_text = score(gold, [row(topic="missile defence", topic_text="anti-ballistic missile (ABM) shield")])
    assert by_text.recall == by_text.precision == 1.0
    neither = score(gold, [row(topic="missile defence", topic_text="missile defence")])
    assert neither.recall == neither.precision == 0.0


def test_polarity_list_and_actor(tmp_path: Path) -> None:
    gold = doc_gold(tmp_path, gold_line(actor="RUS", stance="threaten", polarity=[1, 0], topic="pre-emptive strike",
                                        terms=["pre-emptive", "strike"]))
    for polarity, found in [(1, True), (0, True), (-1, False)]:
        report = score(gold, [row(stance="threaten", polarity=polarity, topic="preemptive strike")])
        assert report.recall == (1.0 if found else 0.0), polarity
    assert score(gold, [row(actor="NATO", stance="threaten", polarity=1, topic="strike")]).recall == 0.0


def test_required_and_optional(tmp_path: Path) -> None:
    gold = doc_gold(tmp_path, gold_line(), gold_line(actor="USA", stance="support", polarity=[1], required=False))
    only_optional = score(gold, [row(actor="USA", stance="support", polarity=1)])
    assert (only_optional.n_gold, only_optional.n_gold_found, only_optional.recall) == (1, 0, 0.0)
    assert only_optional.precision == 1.0  # an optional stance is correct
    assert [m.actor for m in only_optional.misses] == ["RUS"]  # the optional one is never missing
    none = score(gold, [])
    assert [m.actor for m in none.misses] == ["RUS"]


def test_dedup_by_actor_polarity_topic(tmp_path: Path) -> None:
    gold = doc_gold(tmp_path, gold_line())
    rows = [row(), row(stance="reject", topic="abm  Shield", start=50, end=60),  # same key: one stance
            row(actor="USA", topic="Russia"), row(actor="USA", topic="russia", start=90, end=99)]
    report = score(gold, rows)
    assert (report.n_extracted, report.n_extracted_correct) == (2, 1)
    assert report.precision == 0.5
    (false,) = report.false_positives
    assert (false.actor, false.rows) == ("USA", 2)
    (match,) = report.matches
    assert match.extracted.stances == ("oppose", "reject") and match.same_type


def test_precision_counts_only_gold_documents(tmp_path: Path) -> None:
    gold = doc_gold(tmp_path, gold_line())
    report = score(gold, [row(), row(actor="USA", doc="unannotated"), row(actor="FRA", doc="other")])
    assert (report.n_extracted, report.precision) == (1, 1.0)
    assert (report.n_rows, report.n_rows_scored) == (3, 1)
    assert "1 document in the gold file" in report.scope and "2 extracted rows elsewhere ignored" in report.scope


def test_false_stance_in_gold_doc_costs_precision(tmp_path: Path) -> None:
    report = score(doc_gold(tmp_path, gold_line()), [row(), row(actor="USA", topic="ABM shield")])
    assert (report.precision, report.recall) == (0.5, 1.0)
    assert report.f1 == pytest.approx(2 / 3)


def test_one_extracted_stance_may_match_several_gold(tmp_path: Path) -> None:
    gold = doc_gold(tmp_path, gold_line(stance="threaten", polarity=[1], topic="pre-emptive strike",
                                        terms=["pre-emptive"]),
                    gold_line(stance="demand", polarity=[1], topic="pre-emptive deployment", terms=["pre-emptive"]))
    report = score(gold, [row(stance="threaten", polarity=1, topic="pre-emptive strike")])
    assert (report.recall, report.n_pairs, report.n_pairs_same_type) == (1.0, 2, 1)
    assert report.type_agreement == 0.5


def test_type_agreement_prefers_a_same_type_match(tmp_path: Path) -> None:
    gold = doc_gold(tmp_path, gold_line(stance="threaten", polarity=[1, 0], topic="strike", terms=["strike"]))
    rows = [row(stance="consider", polarity=0, topic="strike"), row(stance="threaten", polarity=1, topic="strike")]
    report = score(gold, rows)
    assert (report.n_pairs, report.type_agreement, report.precision) == (1, 1.0, 1.0)
    assert report.matches[0].extracted.polarity == 1


def test_type_agreement(tmp_path: Path) -> None:
    gold = doc_gold(tmp_path, gold_line(), gold_line(actor="NATO", stance="reject", topic="joint system",
                                                     terms=["joint"]))
    report = score(gold, [row(stance="oppose"), row(actor="NATO", stance="oppose", topic="joint system")])
    assert (report.n_pairs, report.n_pairs_same_type, report.type_agreement) == (2, 1, 0.5)
    assert (report.precision, report.recall) == (1.0, 1.0)


def test_zero_denominators(tmp_path: Path) -> None:
    report = score(doc_gold(tmp_path, gold_line()), [])
    assert (report.precision, report.recall, report.f1, report.type_agreement) == (0.0, 0.0, 0.0, 0.0)
    assert "precision 0.000 (0/0)" in report.format_text()
    optional_only = score(doc_gold(tmp_path, gold_line(required=False)), [row()])
    assert (optional_only.n_gold, optional_only.recall, optional_only.precision) == (0, 0.0, 1.0)


def test_rows_from_csv_are_converted(tmp_path: Path) -> None:
    csv_row = {**row(), "polarity": "-1", "char_start": "0", "char_end": "10"}
    assert score(doc_gold(tmp_path, gold_line()), [csv_row]).recall == 1.0


def test_bad_row_is_a_one_line_error(tmp_path: Path) -> None:
    bad = row()
    del bad["actor_id"]
    with pytest.raises(InputError, match=r"stance row 1: .*'actor_id'"):
        score(doc_gold(tmp_path, gold_line()), [bad])
    with pytest.raises(InputError, match=r"stance row 1: 'polarity' must be an integer"):
        score(doc_gold(tmp_path, gold_line()), [{**row(), "polarity": "negative"}])


# ----------------------------------------------------------------------------- sentence-level scoring


def test_sentence_span_belongs_when_mostly_inside(tmp_path: Path) -> None:
    gold = load_gold(write_jsonl(tmp_path / "s.jsonl", [sentence_line(100, 200, [gold_line()])]))
    assert gold.level == "sentence"
    cases = [((100, 200), True), ((120, 180), True), ((60, 160), True),  # 60 of 100 chars inside
             ((50, 150), False),  # exactly half is not mostly
             ((150, 260), False), ((0, 90), False), ((150, 150), True), ((200, 200), False)]
    for (start, end), inside in cases:
        report = score(gold, [row(start=start, end=end)])
        assert report.n_rows_scored == int(inside), (start, end)
        assert report.recall == (1.0 if inside else 0.0), (start, end)


def test_sentence_level_matches_the_label_or_the_words_as_written(tmp_path: Path) -> None:
    """A topic is a concept of the corpus: its label need not be the sentence's words, which the row keeps."""
    gold = load_gold(write_jsonl(tmp_path / "s.jsonl", [sentence_line(0, 50, [gold_line(terms=["abm"])])]))
    report = score(gold, [row(topic="missile defence", topic_text="ABM shield", start=0, end=50)])
    assert (report.recall, report.precision) == (1.0, 1.0)
    report = score(gold, [row(topic="ABM treaty", topic_text="the treaty", start=0, end=50)])
    assert (report.recall, report.precision) == (1.0, 1.0)
    report = score(gold, [row(topic="missile defence", topic_text="the shield", start=0, end=50)])
    assert (report.recall, report.precision) == (0.0, 0.0)


def test_empty_gold_sentence_penalises_precision(tmp_path: Path) -> None:
    gold = load_gold(write_jsonl(tmp_path / "s.jsonl", [
        sentence_line(0, 50, [gold_line()]),
        sentence_line(60, 100, []),
    ]))
    rows = [row(start=0, end=50), row(actor="USA", start=60, end=100), row(actor="USA", start=65, end=90),
            row(actor="FRA", start=200, end=300)]  # outside every gold sentence: ignored
    report = score(gold, rows)
    assert (report.n_extracted, report.n_extracted_correct, report.precision) == (2, 1, 0.5)
    assert (report.n_rows, report.n_rows_scored) == (4, 3)
    assert "2 gold sentences" in report.scope
    assert 'FALSE  USA oppose -1 "ABM shield"' in report.format_text()


def test_sentence_level_dedup_is_per_sentence(tmp_path: Path) -> None:
    gold = load_gold(write_jsonl(tmp_path / "s.jsonl", [
        sentence_line(0, 50, [gold_line()]), sentence_line(60, 100, [gold_line()]),
    ]))
    report = score(gold, [row(start=0, end=50), row(start=0, end=50)])
    assert (report.n_extracted, report.n_gold, report.n_gold_found) == (1, 2, 1)
    assert [(m.start, m.end) for m in report.misses] == [(60, 100)]


# ------------------------------------------------------------------------------------------ report


def test_report_text_and_dict(tmp_path: Path) -> None:
    gold = doc_gold(tmp_path, gold_line(), gold_line(actor="NATO", stance="reject", topic="joint system",
                                                     terms=["joint"]))
    report = score(gold, [row(stance="reject", sentence="Moscow opposes the ABM shield."),
                          row(actor="USA", stance="support", polarity=1, topic="Russia",
                              sentence="Washington backs Russia.")])
    text = report.format_text()
    summary = text.splitlines()[:4]
    assert summary == ["precision 0.500 (1/2)", "recall 0.500 (1/2)", "f1 0.500",
                       "stance-type agreement 0.000 (0/1 matched pairs)"]
    assert f"== {DOC}" in text
    assert 'MISSED NATO reject "joint system"' in text and "evidence: NATO rejects joint system." in text
    assert 'FALSE  USA support +1 "Russia"' in text and "evidence: Washington backs Russia." in text
    assert 'TYPE   RUS "ABM shield": gold oppose, extracted reject' in text
    assert "MISSED" not in report.format_text(verbose=False)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["counts"]["extracted"] == 2 and data["precision"] == 0.5
    assert data["misses"][0]["actor"] == "NATO" and data["false_positives"][0]["sentence"] == "Washington backs Russia."
    assert data["matches"][0]["same_type"] is False


# ------------------------------------------------------------------------------------------ loading


def test_format_detection(tmp_path: Path) -> None:
    doc_level = doc_gold(tmp_path, gold_line(), gold_line(doc="d2"))
    assert (doc_level.level, doc_level.docs, len(doc_level.stances)) == ("document", (DOC, "d2"), 2)
    sent = load_gold(write_jsonl(tmp_path / "s.jsonl", [sentence_line(0, 5, [gold_line()]), sentence_line(9, 12, [])]))
    assert (sent.level, len(sent.sentences), len(sent.stances)) == ("sentence", 2, 1)
    assert sent.stances[0].evidence == "xxxxx" and sent.stances[0].required


def test_scalar_polarity_and_terms_are_accepted(tmp_path: Path) -> None:
    line = {**gold_line(), "polarity": -1, "topic_terms": "abm"}
    (stance,) = doc_gold(tmp_path, line).stances
    assert (stance.polarity, stance.topic_terms) == ((-1,), ("abm",))


def _error(tmp_path: Path, lines: list[Any]) -> str:
    path = write_jsonl(tmp_path / "bad.jsonl", lines)
    with pytest.raises(InputError) as info:
        load_gold(path)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_error_malformed_json(tmp_path: Path) -> None:
    message = _error(tmp_path, [gold_line(), "", '{"doc": "d1", "actor": '])
    assert "bad.jsonl:3: malformed JSON: Expecting value at column 24" in message


def test_error_not_an_object(tmp_path: Path) -> None:
    assert "bad.jsonl:1: expected a JSON object, found an array" in _error(tmp_path, ["[1, 2]"])


@pytest.mark.parametrize("field", ["doc", "stance", "polarity", "topic", "topic_terms"])
def test_error_missing_field(tmp_path: Path, field: str) -> None:
    line = gold_line()
    del line[field]
    assert f"bad.jsonl:2: missing field '{field}'" in _error(tmp_path, [gold_line(), line])


def test_error_missing_sentence_field(tmp_path: Path) -> None:
    line = sentence_line(0, 5, [])
    del line["start"]
    assert "bad.jsonl:1: missing field 'start'" in _error(tmp_path, [line])
    inner = sentence_line(0, 5, [gold_line()])
    del inner["gold"][0]["topic_terms"]
    assert "bad.jsonl:1: gold[0]: missing field 'topic_terms'" in _error(tmp_path, [inner])


@pytest.mark.parametrize(("change", "expected"), [
    ({"stance": "dislike"}, "unknown stance 'dislike'"),
    ({"polarity": [2]}, "'polarity' must be a non-empty list"),
    ({"polarity": []}, "'polarity' must be a non-empty list"),
    ({"topic_terms": []}, "'topic_terms' must be a non-empty list"),
    ({"topic_terms": ["--"]}, "'topic_terms' must be a non-empty list"),
    ({"required": "yes"}, "'required' must be true or false"),
    ({"actor": 3}, "field 'actor' has the wrong type"),
    ({"targets": "NATO"}, "'targets' must be a list"),
])
def test_error_bad_values(tmp_path: Path, change: dict[str, Any], expected: str) -> None:
    assert expected in _error(tmp_path, [{**gold_line(), **change}])


def test_error_sentence_offsets(tmp_path: Path) -> None:
    assert "are not a span" in _error(tmp_path, [{**sentence_line(0, 5, []), "start": 9}])
    assert "'sentence' has 3 characters but end - start is 5" in _error(
        tmp_path, [{**sentence_line(0, 5, []), "sentence": "abc"}])


def test_error_mixed_formats(tmp_path: Path) -> None:
    message = _error(tmp_path, [gold_line(), sentence_line(0, 5, [])])
    assert "bad.jsonl:2: sentence-level line in a file that began document-level at" in message
    assert "bad.jsonl:1" in message


def test_error_unknown_line_kind(tmp_path: Path) -> None:
    assert "bad.jsonl:1: cannot tell the format" in _error(tmp_path, [{"doc": "d1", "topic": "x"}])


def test_error_empty_file(tmp_path: Path) -> None:
    message = _error(tmp_path, ["", "  "])
    assert "the gold file is empty (see docs/gold-format.md for the gold file formats)" in message
    assert (REPO / "docs" / "gold-format.md").is_file()


def test_error_missing_file_and_persons_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such gold file"):
        load_gold(tmp_path / "nope.jsonl")
    persons = write_jsonl(tmp_path / "p.jsonl", [{"doc": DOC, "person": "Anders Fogh Rasmussen",
                                                  "affiliation": "NATO", "role": "Secretary General"}])
    with pytest.raises(InputError, match=r"p\.jsonl:1: .*load_persons"):
        load_gold(persons)
    (person,) = load_persons(persons)
    assert (person.person, person.affiliation, person.role) == ("Anders Fogh Rasmussen", "NATO", "Secretary General")
    with pytest.raises(InputError, match=r"gold\.jsonl:1: not a persons line"):
        load_persons(write_jsonl(tmp_path / "gold.jsonl", [gold_line()]))


# -------------------------------------------------------------------------------- the real gold files


def rows_from_gold(gold: Gold) -> list[dict[str, Any]]:
    """One stance-table row per gold stance, as a perfect extractor would write it."""
    return [
        row(actor=g.actor, stance=g.stance, polarity=g.polarity[0], topic=g.topic, doc=g.doc,
            start=g.start or 0, end=g.end or 0, sentence=g.evidence)
        for g in gold.stances
    ]


@needs_shared
@pytest.mark.parametrize("name", ["seed.gold.jsonl", "ungdc-dev.gold.jsonl"])
def test_real_gold_files_load_and_score_their_own_stances(name: str) -> None:
    gold = load_gold(SHARED_EVAL / name)
    assert gold.stances and gold.docs
    report = score(gold, rows_from_gold(gold))
    assert report.n_gold == sum(g.required for g in gold.stances) > 0
    assert (report.recall, report.precision, report.type_agreement) == (1.0, 1.0, 1.0), report.format_text()
    assert report.misses == [] and report.false_positives == []


@needs_shared
def test_real_persons_gold_loads() -> None:
    persons = load_persons(SHARED_EVAL / "seed.persons.gold.jsonl")
    assert persons and all(p.doc and p.person and p.affiliation for p in persons)
    with pytest.raises(InputError, match="load_persons"):
        load_gold(SHARED_EVAL / "seed.persons.gold.jsonl")
