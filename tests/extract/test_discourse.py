"""Across sentences, with the trained pipeline: an accusation carried to the next sentences, and "it" for the
last actor subject."""

from __future__ import annotations

import pytest

from stancegraph.model import Document

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor():
    from stancegraph.extract.extractor import Extractor

    return Extractor()


def stances(extractor, text: str, speaker: str = "Ukraine"):
    found = extractor.extract_one(Document("d", text, speaker=speaker))
    return [(t.actor.id, t.polarity, t.topic.label, sorted(a.id for a in t.targets)) for t in found]


def test_a_criticism_right_after_an_accusation_aims_at_the_accused(extractor, pipeline_version):
    found = stances(extractor, "Russia has annexed Crimea. Such actions are contrary to international law.")
    # the label is the topic's core: "such" points back and is no part of the issue (the text stays "Such actions")
    assert ("UKR", -1, "actions", ["RUS"]) in found
    # with something else in between, the accusation has lapsed
    found = stances(
        extractor,
        "Russia has annexed Crimea. The weather was fine. The harvest was good. We met in Geneva. "
        "Such actions are contrary to international law.",
    )
    assert ("UKR", -1, "actions", []) in found


def test_it_is_the_last_actor_subject(extractor, pipeline_version):
    found = stances(extractor, "Russia raised the price of gas. It rejects the entry of goods at the border.")
    assert ("RUS", -1, "entry of goods", []) in found
    found = stances(extractor, "The resolution was adopted. It rejects the entry of goods at the border.")
    assert not any(actor == "RUS" for actor, *_ in found)


def test_rejecting_what_another_actor_proposed_is_aimed_at_it(extractor, pipeline_version):
    found = stances(
        extractor, "The United States submitted a draft resolution. Russia rejected the draft resolution.", speaker=""
    )
    assert ("RUS", -1, "draft resolution", ["USA"]) in found
