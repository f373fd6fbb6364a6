"""Evidence offsets end to end, on real stance sentences mixed with generated noise.

Documents are built from stance sentences (templates with gazetteer actors, and the seed article's lines) with
control characters, typographic quotes, soft hyphens, hard line breaks, Unicode spaces, emoji, right-to-left
text and zero-width characters put between and inside the sentences. Whatever the noise, every stance's
evidence is ``text[char_start:char_end]`` of the text exactly as given, before and after the store, the actor
and topic as written are in it, and the store exports N-Quads that rdflib and pyoxigraph both read.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from support.fuzz import examples
from hypothesis import event, given
from hypothesis import strategies as st
from pyoxigraph import RdfFormat, parse
from rdflib import Dataset
from stancegraph.graph.readwrite.export import export_rdf
from stancegraph.graph.readwrite.rows import stance_rows
from stancegraph.graph.store import open_store
from stancegraph.graph.readwrite.writer import write_document

from stancegraph.model import Document

pytestmark = pytest.mark.model  # about 6 s for the 100 documents, the pipeline loaded once

TEMPLATES = (
    "Russia opposes the deployment of the ABM shield in Europe.",
    "NATO rejected a joint missile defense system proposed by the Kremlin.",
    "Washington says it has not ruled out legally-binding guarantees.",
    "China strongly condemned the new sanctions against Iran.",
    "The European Union supports the Iran nuclear deal.",
    "France called for an end to the blockade of Gaza.",
    "Moscow has long sought legally-binding guarantees from Washington and NATO.",
    "Germany and Japan welcomed the peace agreement.",
)
NOISE = (
    "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9d",
    "\u2018", "\u2019", "\u201c", "\u201d", "\u00ab", "\u00bb",
    "\u00ad", "\u00ad\n", "-\n", "\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029",
    "\u00a0", "\u2009", "\u202f", "\u3000", "\t",
    "\U0001f600", "\U0001f1f7\U0001f1fa", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200f", "\u202e", "\u2066",
    " ", "  ", "<b>", "&amp;", "\nViews: 0",
)
# What the clean-up may change between a stance's words in the evidence and the words themselves.
IGNORED = re.compile(r"[\s\u00ad\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'\"-]")


def squeeze(text: str) -> str:
    """The text without white space, controls, format characters, quotes and hyphens."""
    return "".join(c for c in IGNORED.sub("", text) if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp"))


@pytest.fixture(scope="module")
def extractor():
    from stancegraph.extract.extractor import Extractor

    return Extractor()


@pytest.fixture(scope="module")
def seed_lines(seeds_dir):
    text = (seeds_dir / "000_1343e8bf4947fd03.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if len(line.split()) > 8]


@st.composite
def noisy_document(draw, sentences):
    """A document of 1-4 sentences with noise between them and, in some, inside them."""
    noise = st.lists(st.sampled_from(NOISE), min_size=1, max_size=3).map("".join)
    parts = []
    for sentence in draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=4)):
        if draw(st.booleans()):  # noise inside the sentence, at a word boundary or inside a word
            cut = draw(st.integers(1, len(sentence) - 1))
            sentence = sentence[:cut] + draw(noise) + sentence[cut:]
        parts.append(sentence)
        parts.append(draw(st.one_of(st.just(" "), noise)))
    return draw(st.one_of(st.just(""), noise)) + "".join(parts)


def check_evidence(text: str, triples) -> None:
    for triple in triples:
        evidence = triple.evidence
        assert 0 <= evidence.char_start < evidence.char_end <= len(text)
        assert text[evidence.char_start : evidence.char_end] == evidence.sentence
        # the words that named the actor and the topic are in the evidence, whatever the clean-up changed
        assert squeeze(triple.actor.text or triple.actor.label) in squeeze(evidence.sentence), triple
        assert squeeze(triple.topic.text) in squeeze(evidence.sentence), triple


def check_store(doc: Document, triples, extraction) -> None:
    with open_store(None) as store:
        write_document(store, doc, triples, extractor="fuzz", pipeline="fuzz", persons=extraction.persons)
        rows = list(stance_rows(store))
        nquads = export_rdf(store, "nquads")
    assert len(rows) == len({(t.evidence.char_start, t.actor.id, t.stance, t.topic.label, t.topic.text) for t in triples})
    for row in rows:
        assert doc.text[row["char_start"] : row["char_end"]] == row["sentence"]
    # every exported line is read back by both RDF libraries
    assert len(Dataset().parse(data=nquads, format="nquads")) == nquads.count("\n")
    assert sum(1 for _ in parse(nquads, format=RdfFormat.N_QUADS)) == nquads.count("\n")


@examples(100)
@given(data=st.data())
def test_evidence_offsets_point_at_the_evidence_in_noisy_text(extractor, seed_lines, data):
    text = data.draw(noisy_document(list(TEMPLATES) + seed_lines))
    doc = Document("fuzz", text)
    [extraction] = extractor.extract([doc])
    event(f"stances found: {'none' if not extraction.stances else 'some'}")
    check_evidence(text, extraction.stances)
    check_store(doc, extraction.stances, extraction)


def test_the_templates_without_noise_give_stances(extractor):
    """The sentences the noise is put into are stance sentences: the property above is not about empty output."""
    text = " ".join(TEMPLATES)
    [extraction] = extractor.extract([Document("clean", text)])
    found = {(t.actor.id, t.stance.value) for t in extraction.stances}
    assert {("RUS", "oppose"), ("NATO", "reject"), ("USA", "consider"), ("CHN", "oppose")} <= found
    check_evidence(text, extraction.stances)
