"""A topic's core, the issue it names: rule by rule on hand-built parses, then through the trained pipeline."""

from __future__ import annotations

import doctest

import pytest
from stancegraph.extract import core
from stancegraph.extract.core import MAX_WORDS, topic_core
from stancegraph.extract.rules import ActorRef, Finding
from stancegraph.extract.syntax import clause_tokens, topic_tokens

from stancegraph.model import Document, Stance
from support.parses import parse


def words_of(tokens) -> str:
    return " ".join(t.text for t in tokens)


def clause_core(rows, root: int, *, keep_subject: bool = False) -> str:
    """The core of the clause ``root`` heads, read from its words as the rules read them."""
    doc = parse(rows)
    return words_of(topic_core(clause_tokens(doc[root], keep_subject=keep_subject)))


def noun_core(rows, root: int) -> str:
    """The core of the noun phrase ``root`` heads, read from its words as the rules read them."""
    doc = parse(rows)
    return words_of(topic_core(topic_tokens(doc[root])))


def test_the_doctests_of_the_core_module_pass():
    assert doctest.testmod(core).failed == 0


# --- 1. a clause reduces to its object ----------------------------------------------------------------------


def test_a_clause_reduces_to_its_direct_object_without_the_verb_and_the_place():
    rows = [
        ("deploy", 0, "ROOT", "VERB", "deploy", "VB"),
        ("missiles", 0, "dobj", "NOUN", "missile", "NNS"),
        ("in", 0, "prep", "ADP", "in"),
        ("Europe", 2, "pobj", "PROPN", "Europe"),
    ]
    assert clause_core(rows, 0) == "missiles"


def test_an_object_of_a_clause_keeps_its_issue_complement():
    # "ensure the protection of civilians"
    rows = [
        ("ensure", 0, "ROOT", "VERB", "ensure", "VB"),
        ("the", 2, "det", "DET", "the"),
        ("protection", 0, "dobj", "NOUN", "protection"),
        ("of", 2, "prep", "ADP", "of"),
        ("civilians", 3, "pobj", "NOUN", "civilian", "NNS"),
    ]
    assert clause_core(rows, 0) == "protection of civilians"


def test_a_generic_object_gives_way_to_the_object_of_a_preposition():
    # "back their words with legally-binding guarantees"
    rows = [
        ("back", 0, "ROOT", "VERB", "back", "VB"),
        ("their", 2, "poss", "PRON", "their"),
        ("words", 0, "dobj", "NOUN", "word", "NNS"),
        ("with", 0, "prep", "ADP", "with"),
        ("legally", 6, "advmod", "ADV", "legally"),
        ("-", 6, "punct", "PUNCT", "-"),
        ("binding", 7, "amod", "VERB", "bind", "VBG"),
        ("guarantees", 3, "pobj", "NOUN", "guarantee", "NNS"),
    ]
    assert clause_core(rows, 0) == "legally - binding guarantees"


def test_a_that_clause_reduces_to_its_object_not_its_subject():
    # "that Iran accept the inspections"
    rows = [
        ("that", 2, "mark", "SCONJ", "that"),
        ("Iran", 2, "nsubj", "PROPN", "Iran"),
        ("accept", 2, "ROOT", "VERB", "accept", "VB"),
        ("the", 4, "det", "DET", "the"),
        ("inspections", 2, "dobj", "NOUN", "inspection", "NNS"),
    ]
    assert clause_core(rows, 2) == "inspections"


def test_a_passive_clause_reduces_to_its_subject():
    # "the agreement must be respected"
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("agreement", 4, "nsubjpass", "NOUN", "agreement"),
        ("must", 4, "aux", "AUX", "must", "MD"),
        ("be", 4, "auxpass", "AUX", "be", "VB"),
        ("respected", 4, "ROOT", "VERB", "respect", "VBN"),
    ]
    assert clause_core(rows, 4, keep_subject=True) == "agreement"


def test_a_clause_without_an_object_keeps_its_verb_and_the_word_after_it():
    rows = [("work", 0, "ROOT", "VERB", "work", "VB"), ("together", 0, "advmod", "ADV", "together")]
    assert clause_core(rows, 0) == "work together"
    # "take steps": a generic object alone, kept with its verb
    rows = [("take", 0, "ROOT", "VERB", "take", "VB"), ("steps", 0, "dobj", "NOUN", "step", "NNS")]
    assert clause_core(rows, 0) == "take steps"


def test_a_verb_that_acts_against_its_object_stays_so_that_the_sign_holds():
    # supporting "to combat terrorism" is no support of terrorism
    rows = [("combat", 0, "ROOT", "VERB", "combat", "VB"), ("terrorism", 0, "dobj", "NOUN", "terrorism")]
    assert clause_core(rows, 0) == "combat terrorism"
    # "human rights are violated"
    rows = [
        ("human", 1, "amod", "ADJ", "human"),
        ("rights", 3, "nsubjpass", "NOUN", "right", "NNS"),
        ("are", 3, "auxpass", "AUX", "be", "VBP"),
        ("violated", 3, "ROOT", "VERB", "violate", "VBN"),
    ]
    assert clause_core(rows, 3, keep_subject=True) == "human rights violated"


def test_a_verb_that_acts_against_a_clause_stays_too():
    # "stop paying lip service to the principle"
    rows = [
        ("stop", 0, "ROOT", "VERB", "stop", "VB"),
        ("paying", 0, "xcomp", "VERB", "pay", "VBG"),
        ("lip", 3, "compound", "NOUN", "lip"),
        ("service", 1, "dobj", "NOUN", "service"),
    ]
    assert clause_core(rows, 0) == "stop lip service"


def test_a_gerund_complement_of_a_noun_reads_as_a_clause():
    # "a model of combating drug trafficking"
    rows = [
        ("a", 1, "det", "DET", "a"),
        ("model", 1, "ROOT", "NOUN", "model"),
        ("of", 1, "prep", "ADP", "of"),
        ("combating", 2, "pcomp", "VERB", "combat", "VBG"),
        ("drug", 5, "compound", "NOUN", "drug"),
        ("trafficking", 3, "dobj", "NOUN", "trafficking"),
    ]
    assert noun_core(rows, 1) == "model of combating drug trafficking"


def test_a_fronted_phrase_frames_the_clause_and_is_not_its_issue():
    # "In addition, the Council must adapt"
    rows = [
        ("In", 5, "prep", "ADP", "in"),
        ("addition", 0, "pobj", "NOUN", "addition"),
        ("the", 3, "det", "DET", "the"),
        ("Council", 5, "nsubj", "PROPN", "Council"),
        ("must", 5, "aux", "AUX", "must", "MD"),
        ("adapt", 5, "ROOT", "VERB", "adapt", "VB"),
    ]
    assert clause_core(rows, 5, keep_subject=True) == "Council"


# --- 2. wrappers ------------------------------------------------------------------------------------------


def test_a_wrapper_reduces_to_its_complement():
    # "the full implementation of the nuclear agreement"
    rows = [
        ("the", 2, "det", "DET", "the"),
        ("full", 2, "amod", "ADJ", "full"),
        ("implementation", 2, "ROOT", "NOUN", "implementation"),
        ("of", 2, "prep", "ADP", "of"),
        ("the", 6, "det", "DET", "the"),
        ("nuclear", 6, "amod", "ADJ", "nuclear"),
        ("agreement", 3, "pobj", "NOUN", "agreement"),
    ]
    assert noun_core(rows, 2) == "nuclear agreement"
    # "the need for dialogue"
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("need", 1, "ROOT", "NOUN", "need"),
        ("for", 1, "prep", "ADP", "for"),
        ("dialogue", 2, "pobj", "NOUN", "dialogue"),
    ]
    assert noun_core(rows, 1) == "dialogue"


def test_a_wrapper_with_an_infinitive_reduces_to_the_clause_object():
    # "efforts to strengthen the treaty"
    rows = [
        ("efforts", 0, "ROOT", "NOUN", "effort", "NNS"),
        ("to", 2, "aux", "PART", "to", "TO"),
        ("strengthen", 0, "acl", "VERB", "strengthen", "VB"),
        ("the", 4, "det", "DET", "the"),
        ("treaty", 2, "dobj", "NOUN", "treaty"),
    ]
    assert noun_core(rows, 0) == "treaty"


def test_whose_act_a_wrapper_is_is_not_its_issue():
    # "the proposal of my colleague": a stance on it is no stance on the colleague
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("proposal", 1, "ROOT", "NOUN", "proposal"),
        ("of", 1, "prep", "ADP", "of"),
        ("my", 4, "poss", "PRON", "my"),
        ("colleague", 2, "pobj", "NOUN", "colleague"),
    ]
    assert noun_core(rows, 1) == "proposal of colleague"


def test_measures_against_something_are_not_unwrapped():
    # supporting "measures against terrorism" is no support of terrorism
    rows = [
        ("measures", 0, "ROOT", "NOUN", "measure", "NNS"),
        ("against", 0, "prep", "ADP", "against"),
        ("terrorism", 1, "pobj", "NOUN", "terrorism"),
    ]
    assert noun_core(rows, 0) == "measures against terrorism"


# --- 3. generic heads -------------------------------------------------------------------------------------


def test_a_generic_head_takes_its_complement():
    # "the role of the United Nations"
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("role", 1, "ROOT", "NOUN", "role"),
        ("of", 1, "prep", "ADP", "of"),
        ("the", 5, "det", "DET", "the"),
        ("United", 5, "compound", "PROPN", "United"),
        ("Nations", 2, "pobj", "PROPN", "Nations"),
    ]
    assert noun_core(rows, 1) == "United Nations"


def test_a_generic_head_named_with_a_bare_verb_or_noun_stays_whole():
    # "the responsibility to protect": the topic's words stop at the head, the core reaches the doctrine
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("responsibility", 1, "ROOT", "NOUN", "responsibility"),
        ("to", 3, "aux", "PART", "to", "TO"),
        ("protect", 1, "acl", "VERB", "protect", "VB"),
    ]
    doc = parse(rows)
    assert words_of(topic_tokens(doc[1])) == "responsibility"
    assert noun_core(rows, 1) == "responsibility to protect"
    # "the terms of reference"
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("terms", 1, "ROOT", "NOUN", "term", "NNS"),
        ("of", 1, "prep", "ADP", "of"),
        ("reference", 2, "pobj", "NOUN", "reference"),
    ]
    assert noun_core(rows, 1) == "terms of reference"


def test_a_generic_head_alone_stays():
    rows = [("our", 1, "poss", "PRON", "our"), ("efforts", 1, "ROOT", "NOUN", "effort", "NNS")]
    assert noun_core(rows, 1) == "efforts"


# --- 4. names stay whole ----------------------------------------------------------------------------------


def test_a_name_keeps_its_prepositions_and_coordination():
    # "the Organization for Security and Cooperation in Europe": the topic's words lose "and ..." and "in ..."
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("Organization", 1, "ROOT", "PROPN", "Organization"),
        ("for", 1, "prep", "ADP", "for"),
        ("Security", 2, "pobj", "PROPN", "Security"),
        ("and", 3, "cc", "CCONJ", "and"),
        ("Cooperation", 3, "conj", "PROPN", "Cooperation"),
        ("in", 5, "prep", "ADP", "in"),
        ("Europe", 6, "pobj", "PROPN", "Europe"),
    ]
    doc = parse(rows)
    assert words_of(topic_tokens(doc[1])) == "Organization for Security"
    assert noun_core(rows, 1) == "Organization for Security and Cooperation in Europe"


def test_both_sides_of_between_stay():
    rows = [
        ("agreement", 0, "ROOT", "NOUN", "agreement"),
        ("between", 0, "prep", "ADP", "between"),
        ("the", 4, "det", "DET", "the"),
        ("United", 4, "compound", "PROPN", "United"),
        ("States", 1, "pobj", "PROPN", "States"),
        ("and", 4, "cc", "CCONJ", "and"),
        ("Iran", 4, "conj", "PROPN", "Iran"),
    ]
    assert noun_core(rows, 0) == "agreement between the United States and Iran"


def test_a_numbered_document_keeps_its_number_and_year():
    # "the implementation of resolution 2231 (2015)"
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("implementation", 1, "ROOT", "NOUN", "implementation"),
        ("of", 1, "prep", "ADP", "of"),
        ("resolution", 2, "pobj", "NOUN", "resolution"),
        ("2231", 3, "nummod", "NUM", "2231", "CD"),
        ("(", 3, "punct", "PUNCT", "("),
        ("2015", 3, "appos", "NUM", "2015", "CD"),
        (")", 3, "punct", "PUNCT", ")"),
    ]
    assert noun_core(rows, 1) == "resolution 2231 ( 2015 )"


# --- 5. side phrases go, long phrases are trimmed ---------------------------------------------------------


def test_where_and_when_are_not_part_of_a_clause_core():
    # "reform the Security Council at this session"
    rows = [
        ("reform", 0, "ROOT", "VERB", "reform", "VB"),
        ("the", 3, "det", "DET", "the"),
        ("Security", 3, "compound", "PROPN", "Security"),
        ("Council", 0, "dobj", "PROPN", "Council"),
        ("at", 0, "prep", "ADP", "at"),
        ("this", 6, "det", "DET", "this"),
        ("session", 4, "pobj", "NOUN", "session"),
    ]
    assert clause_core(rows, 0) == "Security Council"


def test_a_long_noun_phrase_loses_its_deepest_complements():
    # "the elimination of the threat of the use of nuclear weapons against non-nuclear States"
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("elimination", 1, "ROOT", "NOUN", "elimination"),
        ("of", 1, "prep", "ADP", "of"),
        ("the", 4, "det", "DET", "the"),
        ("threat", 2, "pobj", "NOUN", "threat"),
        ("of", 4, "prep", "ADP", "of"),
        ("the", 7, "det", "DET", "the"),
        ("use", 5, "pobj", "NOUN", "use"),
        ("of", 7, "prep", "ADP", "of"),
        ("nuclear", 10, "amod", "ADJ", "nuclear"),
        ("weapons", 8, "pobj", "NOUN", "weapon", "NNS"),
        ("against", 10, "prep", "ADP", "against"),
        ("non-nuclear", 13, "amod", "ADJ", "non-nuclear"),
        ("States", 11, "pobj", "NOUN", "state", "NNS"),
    ]
    doc = parse(rows)
    assert len(topic_tokens(doc[1])) > MAX_WORDS
    found = noun_core(rows, 1)
    assert found.startswith("elimination of the threat")
    assert len(found.split()) <= MAX_WORDS


# --- 6. determiners, possessives and evaluative modifiers go ----------------------------------------------


def test_leading_determiners_possessives_and_evaluative_modifiers_go():
    rows = [
        ("the", 2, "det", "DET", "the"),
        ("effective", 2, "amod", "ADJ", "effective"),
        ("multilateralism", 2, "ROOT", "NOUN", "multilateralism"),
    ]
    assert noun_core(rows, 2) == "multilateralism"
    # "Russia's illegal annexation of Crimea": whose act goes, what the act is stays
    rows = [
        ("Russia", 3, "poss", "PROPN", "Russia"),
        ("'s", 0, "case", "PART", "'s", "POS"),
        ("illegal", 3, "amod", "ADJ", "illegal"),
        ("annexation", 3, "ROOT", "NOUN", "annexation"),
        ("of", 3, "prep", "ADP", "of"),
        ("Crimea", 4, "pobj", "PROPN", "Crimea"),
    ]
    assert noun_core(rows, 3) == "illegal annexation of Crimea"


def test_a_finding_without_a_core_labels_its_whole_topic():
    doc = parse([("sanctions", 0, "ROOT", "NOUN", "sanction", "NNS")])
    finding = Finding([ActorRef("RUS", "Russia")], Stance.OPPOSE, -1, [doc[0]], doc[0])
    assert finding.core_tokens == finding.topic_tokens


def test_no_words_give_no_core():
    assert topic_core([]) == []


# --- through the trained pipeline -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor():
    from stancegraph.extract.extractor import Extractor

    return Extractor()


def topics(extractor, text: str) -> list[tuple[str, str]]:
    """(label, text as written) of each stance in ``text``, said by France."""
    return [(t.topic.label, t.topic.text) for t in extractor.extract_one(Document("d", text, speaker="France"))]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "label", "written"),
    [
        ("We urge Russia to deploy missiles in Europe.", "missiles", "deploy missiles in Europe"),
        (
            "We call on the nuclear powers to back their words with legally-binding guarantees.",
            "legally-binding guarantees",
            "back their words with legally-binding guarantees",
        ),
        ("We support efforts to combat terrorism.", "combat terrorism", "efforts to combat terrorism"),
        (
            "The international community should now focus its efforts on resolving the North Korean nuclear issue.",
            "North Korean nuclear issue",
            None,
        ),
    ],
)
def test_a_clause_topic_is_labelled_with_its_object(extractor, sentence, label, written):
    found = topics(extractor, sentence)
    assert label in [lab for lab, _ in found]
    if written is not None:
        assert (label, written) in found


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("We support the full implementation of resolution 2231 (2015).", "resolution 2231 (2015)"),
        ("We support the establishment of a Palestinian State.", "Palestinian State"),
        ("We support efforts to eliminate nuclear weapons.", "eliminate nuclear weapons"),
        (
            "We welcome the proposal of my colleague, aimed at regulating the use of the veto.",
            "use of the veto",
        ),
        ("We welcome the initiative of France.", "initiative of France"),
    ],
)
def test_a_wrapped_topic_is_labelled_with_what_it_wraps(extractor, sentence, label):
    assert label in [lab for lab, _ in topics(extractor, sentence)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("We support the role of the United Nations in the region.", "United Nations"),
        ("We support the responsibility to protect.", "responsibility to protect"),
        ("We support the Organization for Security and Co-operation in Europe.",
         "Organization for Security and Co-operation in Europe"),
        ("We welcome the agreement between the United States and Iran.", "agreement between the United States and Iran"),
        ("We support the Convention on the Rights of Persons with Disabilities.",
         "Convention on the Rights of Persons with Disabilities"),
    ],
)
def test_generic_heads_take_their_complement_and_names_stay_whole(extractor, sentence, label):
    assert label in [lab for lab, _ in topics(extractor, sentence)]


@pytest.mark.model
def test_the_text_as_written_stays_the_whole_topic(extractor):
    found = topics(extractor, "We support the full implementation of resolution 2231 (2015).")
    assert ("resolution 2231 (2015)", "full implementation of resolution 2231") in found


@pytest.mark.model
def test_labels_on_long_topics_stay_short(extractor):
    text = (
        "We support the proposal to voluntarily restrain the use of the veto in the Security Council in situations "
        "involving mass atrocity crimes. We call on all States to build good relations with their neighbours on "
        "the basis of the principles of friendship and mutual respect. We support the outcome of the work of the "
        "tripartite review commission on the situation in the region. In order to consolidate the position of the "
        "United Nations at the centre of global governance, the Security Council must reform its working methods."
    )
    found = extractor.extract_one(Document("d", text, speaker="France"))
    assert found
    for stance in found:
        assert len(stance.topic.label.split()) <= MAX_WORDS, stance.topic
    assert "order" not in [s.topic.label for s in found]  # a fronted "In order to" is no topic


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "label", "polarity"),
    [
        ("It is crucial that the use of force be avoided.", "use of force avoided", 1),
        ("We urge the Government to revoke the decree.", "revoke decree", 1),
        ("We call on the occupying Power to withdraw its troops.", "troops", -1),
        ("We demand that they lift the sanctions.", "sanctions", -1),
        ("We call on all sides to refrain from the use of force.", "use of force", -1),
    ],
)
def test_a_verb_that_undoes_its_object_keeps_the_sign_right(extractor, sentence, label, polarity):
    """Asking that a decree be revoked or force avoided is no support for the decree or for force: the label
    keeps the verb, or the stance turns against the object."""
    from stancegraph.model import Document

    [(_, triples, _)] = list(extractor.extract([Document("d", sentence, speaker="FRA")]))
    assert [(t.topic.label, t.polarity) for t in triples] == [(label, polarity)]


@pytest.mark.parametrize(
    "rows, root, issue",
    [
        ([("work", 0, "ROOT", "VERB", "work", "VB"), ("together", 0, "advmod", "ADV", "together")], 0, False),
        ([("take", 0, "ROOT", "VERB", "take", "VB"), ("steps", 0, "dobj", "NOUN", "step", "NNS")], 0, False),
        ([("continue", 0, "ROOT", "VERB", "continue", "VB")], 0, False),
        ([("our", 1, "poss", "PRON", "our"), ("efforts", 1, "ROOT", "NOUN", "effort", "NNS")], 1, False),
        ([("vital", 0, "ROOT", "ADJ", "vital", "JJ")], 0, False),
        ([("end", 0, "ROOT", "VERB", "end", "VB"), ("the", 2, "det", "DET", "the"),
          ("occupation", 0, "dobj", "NOUN", "occupation", "NN")], 0, True),
        ([("nuclear", 1, "amod", "ADJ", "nuclear", "JJ"), ("disarmament", 1, "ROOT", "NOUN", "disarmament", "NN")], 1, True),
    ],
)
def test_a_core_says_whether_it_names_an_issue(rows, root, issue):
    doc = parse(rows)
    tokens = clause_tokens(doc[root]) if rows[root][3] == "VERB" else topic_tokens(doc[root])
    found = core.read_core(tokens)
    assert found.usable is issue
    assert found.tokens == topic_core(tokens)
