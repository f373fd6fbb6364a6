"""Acronyms defined in a document shorten topic labels."""

from __future__ import annotations

import spacy
from stancegraph.extract.acronyms import defined_acronyms, shorten

NLP = spacy.blank("en")


def test_long_form_with_hyphenated_words_is_found():
    doc = NLP("Moscow opposes a US-backed anti-ballistic missile (ABM) shield along its borders.")
    assert defined_acronyms(doc) == {"anti-ballistic missile": "ABM"}


def test_function_words_do_not_count_as_initials():
    doc = NLP("the Treaty on the Non-Proliferation of Nuclear Weapons (NPT) and the Joint Comprehensive Plan of Action (JCPOA)")
    found = defined_acronyms(doc)
    assert found["Joint Comprehensive Plan of Action"] == "JCPOA"


def test_a_parenthesis_that_is_no_acronym_of_the_words_before_is_ignored():
    assert defined_acronyms(NLP("a draft resolution (S/2014/189) was vetoed")) == {}
    assert defined_acronyms(NLP("the missile defence plan (EU) was discussed")) == {}


def test_shorten_replaces_the_long_form_and_its_parenthesis():
    acronyms = {"anti-ballistic missile": "ABM"}
    assert shorten("deployment of anti-ballistic missile (ABM) shield", acronyms) == "deployment of ABM shield"
    assert shorten("Anti-ballistic missile shield", acronyms) == "ABM shield"
    assert shorten("missile shield", acronyms) == "missile shield"
