import doctest

import pytest

from stancegraph import topicforms
from stancegraph.topicforms import is_generic, issue_form, normal_form, phrase_form, stem


def test_the_doctests_pass():
    assert doctest.testmod(topicforms).failed == 0


@pytest.mark.parametrize(
    "word, expected",
    [("systems", "system"), ("policies", "policy"), ("crisis", "crisis"), ("process", "process"), ("us", "us")],
)
def test_stem_gives_a_plural_its_singular_and_leaves_other_words(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(
    "phrase, head",
    [
        ("missile defence systems", "system"),
        ("the reform of the Security Council", "reform"),
        ("Security Council reform", "reform"),
        ("an end to the occupation", "end"),
        ("effective multilateralism", "multilateralism"),
    ],
)
def test_the_head_is_the_last_content_word_before_a_preposition(phrase, head):
    assert phrase_form(phrase).head == head


def test_word_order_and_evaluative_modifiers_do_not_change_the_content_words():
    assert set(phrase_form("the reform of the Security Council").words) == set(
        phrase_form("genuine Security Council reform").words
    )
    assert phrase_form("European missile defence systems").modifiers == {"european", "missile", "defense"}


@pytest.mark.parametrize("phrase", ["the world", "our efforts", "an important role", "these actions", "People"])
def test_a_generic_head_alone_is_generic(phrase):
    assert is_generic(phrase)


@pytest.mark.parametrize(
    "phrase", ["climate change", "the United States", "efforts to end the conflict", "the role of women", "terrorism"]
)
def test_a_phrase_that_names_an_issue_is_not_generic(phrase):
    assert not is_generic(phrase)


def test_normal_form_ignores_case_punctuation_and_a_leading_determiner():
    assert normal_form("The 'Paris Agreement'!") == normal_form("paris agreement")


@pytest.mark.parametrize(
    "phrase, issue",
    [
        ("the full implementation of the Paris Agreement", "Paris Agreement"),
        ("our efforts to combat terrorism", "combat terrorism"),
        ("an end to the occupation", "an end to the occupation"),  # an end reverses the issue: not generic
        ("the role of the United Nations", "United Nations"),
        ("Security Council reform", "Security Council reform"),
        ("our efforts", "our efforts"),
        ("the need for action", "the need for action"),  # the complement is generic too: nothing to take
    ],
)
def test_a_generic_head_with_a_complement_names_its_complement(phrase, issue):
    assert issue_form(phrase) == phrase_form(issue)


@pytest.mark.parametrize(
    "british, american",
    [("missile defence", "missile defense"), ("the programmes", "program"), ("stabilisation", "stabilization"),
     ("organisations", "organization"), ("labour rights", "labor right")],
)
def test_british_and_american_spellings_have_one_form(british, american):
    assert phrase_form(british).words == phrase_form(american).words


@pytest.mark.parametrize("word", ["promise", "exercise", "enterprise", "crisis", "premises"])
def test_words_that_end_in_ise_everywhere_keep_it(word):
    assert "iz" not in stem(word)
