"""The stance rules on hand-built parses: no trained model needed, each phenomenon pinned down."""

from __future__ import annotations

from stancegraph.extract.rules import ActorRef, find_stances

from stancegraph.model import Stance
from support.parses import more_actors, parse, stances


def test_active_clause_with_object():
    doc = parse([
        ("Moscow", 1, "nsubj", "PROPN", "Moscow"),
        ("opposes", 1, "ROOT", "VERB", "oppose"),
        ("the", 3, "det", "DET", "the"),
        ("shield", 1, "dobj", "NOUN", "shield"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    assert stances(doc) == [("RUS", Stance.OPPOSE, -1, "shield", [])]


def test_participle_with_agent_is_the_agents_stance():
    # "NATO rejected a joint system proposed by the Kremlin"
    doc = parse([
        ("NATO", 1, "nsubj", "PROPN", "NATO"),
        ("rejected", 1, "ROOT", "VERB", "reject", "VBD"),
        ("a", 4, "det", "DET", "a"),
        ("joint", 4, "amod", "ADJ", "joint"),
        ("system", 1, "dobj", "NOUN", "system"),
        ("proposed", 4, "acl", "VERB", "propose", "VBN"),
        ("by", 5, "agent", "ADP", "by"),
        ("the", 8, "det", "DET", "the"),
        ("Kremlin", 6, "pobj", "PROPN", "Kremlin"),
    ])
    assert stances(doc) == [
        ("NATO", Stance.REJECT, -1, "joint system", ["RUS"]),  # rejecting what the Kremlin proposed
        ("RUS", Stance.PROPOSE, 1, "joint system", []),
    ]


def test_passive_clause_topic_is_the_passive_subject():
    # "The plan was rejected by Iran"
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("plan", 3, "nsubjpass", "NOUN", "plan"),
        ("was", 3, "auxpass", "AUX", "be"),
        ("rejected", 3, "ROOT", "VERB", "reject", "VBN"),
        ("by", 3, "agent", "ADP", "by"),
        ("Iran", 4, "pobj", "PROPN", "Iran"),
    ])
    assert stances(doc) == [("IRN", Stance.REJECT, -1, "plan", [])]


def test_negated_rule_out_is_consider_and_pronoun_resolves_to_the_reporter():
    # "Washington says it has not ruled out guarantees"
    doc = parse([
        ("Washington", 1, "nsubj", "PROPN", "Washington"),
        ("says", 1, "ROOT", "VERB", "say"),
        ("it", 5, "nsubj", "PRON", "it"),
        ("has", 5, "aux", "AUX", "have"),
        ("not", 5, "neg", "PART", "not"),
        ("ruled", 1, "ccomp", "VERB", "rule", "VBN"),
        ("out", 5, "prt", "ADP", "out"),
        ("guarantees", 5, "dobj", "NOUN", "guarantee"),
    ])
    assert stances(doc) == [("USA", Stance.CONSIDER, 0, "guarantees", [])]


def test_negated_threat_is_no_threat():
    # "NATO won't threaten Russia" -> nothing (and the object actor is no topic to threaten)
    doc = parse([
        ("NATO", 3, "nsubj", "PROPN", "NATO"),
        ("wo", 3, "aux", "AUX", "will"),
        ("n't", 3, "neg", "PART", "not"),
        ("threaten", 3, "ROOT", "VERB", "threaten", "VB"),
        ("Russia", 3, "dobj", "PROPN", "Russia"),
    ])
    assert stances(doc) == []


def test_promise_of_a_coercive_step_is_a_threat_and_conjoined_verb_shares_the_subject():
    # "Russia promised to deploy missiles and hinted at putting radar"
    doc = parse([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("promised", 1, "ROOT", "VERB", "promise", "VBD"),
        ("to", 3, "aux", "PART", "to"),
        ("deploy", 1, "xcomp", "VERB", "deploy", "VB"),
        ("missiles", 3, "dobj", "NOUN", "missile"),
        ("and", 3, "cc", "CCONJ", "and"),
        ("hinted", 3, "conj", "VERB", "hint", "VBD"),
        ("at", 6, "prep", "ADP", "at"),
        ("putting", 7, "pcomp", "VERB", "put", "VBG"),
        ("radar", 8, "dobj", "NOUN", "radar"),
    ])
    assert stances(doc) == [
        ("RUS", Stance.THREATEN, 1, "deploy missiles", []),
        ("RUS", Stance.THREATEN, 1, "putting radar", []),
    ]


def test_promise_of_a_peaceful_step_is_support():
    doc = parse([
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("promised", 1, "ROOT", "VERB", "promise", "VBD"),
        ("to", 3, "aux", "PART", "to"),
        ("cooperate", 1, "xcomp", "VERB", "cooperate", "VB"),
    ])
    assert stances(doc) == [("IRN", Stance.SUPPORT, 1, "cooperate", [])]


def test_addressees_from_a_coordinated_prepositional_phrase_are_targets():
    # "Moscow sought guarantees from Washington and NATO"
    doc = parse([
        ("Moscow", 1, "nsubj", "PROPN", "Moscow"),
        ("sought", 1, "ROOT", "VERB", "seek", "VBD"),
        ("guarantees", 1, "dobj", "NOUN", "guarantee"),
        ("from", 2, "prep", "ADP", "from"),
        ("Washington", 3, "pobj", "PROPN", "Washington"),
        ("and", 4, "cc", "CCONJ", "and"),
        ("NATO", 4, "conj", "PROPN", "NATO"),
    ])
    assert stances(doc) == [("RUS", Stance.DEMAND, 1, "guarantees", ["NATO", "USA"])]


def test_urge_actor_to_act_makes_the_object_a_target():
    # "NATO urged Iran to stop enrichment"
    doc = parse([
        ("NATO", 1, "nsubj", "PROPN", "NATO"),
        ("urged", 1, "ROOT", "VERB", "urge", "VBD"),
        ("Iran", 1, "dobj", "PROPN", "Iran"),
        ("to", 4, "aux", "PART", "to"),
        ("stop", 1, "xcomp", "VERB", "stop", "VB"),
        ("enrichment", 4, "dobj", "NOUN", "enrichment"),
    ])
    # a call to stop something is a stance against it, stored on the thing itself
    assert stances(doc) == [("NATO", Stance.DEMAND, -1, "enrichment", ["IRN"])]


def test_phrasal_call_for():
    doc = parse([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("called", 1, "ROOT", "VERB", "call", "VBD"),
        ("for", 1, "prep", "ADP", "for"),
        ("talks", 2, "pobj", "NOUN", "talk"),
    ])
    assert stances(doc) == [("RUS", Stance.DEMAND, 1, "talks", [])]


def test_first_person_belongs_to_the_documents_speaker():
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("support", 1, "ROOT", "VERB", "support", "VBP"),
        ("the", 3, "det", "DET", "the"),
        ("treaty", 1, "dobj", "NOUN", "treaty"),
    ])
    assert stances(doc) == []
    assert stances(doc, ActorRef("IRN", "IRN")) == [("IRN", Stance.SUPPORT, 1, "treaty", [])]


def test_negation_reaches_a_conjoined_verb():
    # "We do not tolerate or support war"
    doc = parse([
        ("We", 3, "nsubj", "PRON", "we"),
        ("do", 3, "aux", "AUX", "do"),
        ("not", 3, "neg", "PART", "not"),
        ("tolerate", 3, "ROOT", "VERB", "tolerate", "VB"),
        ("or", 3, "cc", "CCONJ", "or"),
        ("support", 3, "conj", "VERB", "support", "VB"),
        ("war", 5, "dobj", "NOUN", "war"),
    ])
    assert stances(doc, ActorRef("IRN", "IRN")) == [("IRN", Stance.OPPOSE, -1, "war", [])]


def test_possessive_organisation_head_noun_is_the_organisation():
    # "NATO's chief rejected the plan"
    doc = parse([
        ("NATO", 2, "poss", "PROPN", "NATO"),
        ("'s", 0, "case", "PART", "'s"),
        ("chief", 3, "nsubj", "NOUN", "chief"),
        ("rejected", 3, "ROOT", "VERB", "reject", "VBD"),
        ("the", 5, "det", "DET", "the"),
        ("plan", 3, "dobj", "NOUN", "plan"),
    ])
    assert stances(doc) == [("NATO", Stance.REJECT, -1, "plan", [])]


def test_hyphenated_words_stay_whole_in_topics():
    # "Moscow seeks legally-binding guarantees"
    doc = parse([
        ("Moscow", 1, "nsubj", "PROPN", "Moscow"),
        ("seeks", 1, "ROOT", "VERB", "seek"),
        ("legally", 4, "advmod", "ADV", "legally"),
        ("-", 4, "punct", "PUNCT", "-"),
        ("binding", 5, "amod", "ADJ", "binding"),
        ("guarantees", 1, "dobj", "NOUN", "guarantee"),
    ])
    assert stances(doc) == [("RUS", Stance.DEMAND, 1, "legally - binding guarantees", [])]


def test_a_sentence_without_an_actor_gives_nothing():
    doc = parse([
        ("Officials", 1, "nsubj", "NOUN", "official"),
        ("rejected", 1, "ROOT", "VERB", "reject", "VBD"),
        ("it", 1, "dobj", "PRON", "it"),
    ])
    assert stances(doc) == []


def test_call_on_an_addressee_that_is_no_actor_takes_the_complement_as_topic():
    # "We call upon the international community to support the treaty"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("call", 1, "ROOT", "VERB", "call", "VBP"),
        ("upon", 1, "prep", "ADP", "upon"),
        ("the", 5, "det", "DET", "the"),
        ("international", 5, "amod", "ADJ", "international"),
        ("community", 2, "pobj", "NOUN", "community"),
        ("to", 7, "aux", "PART", "to"),
        ("support", 1, "xcomp", "VERB", "support", "VB"),
        ("the", 9, "det", "DET", "the"),
        ("treaty", 7, "dobj", "NOUN", "treaty"),
    ])
    assert stances(doc, ActorRef("ARG", "ARG")) == [("ARG", Stance.DEMAND, 1, "support the treaty", [])]


def test_call_for_lifting_an_embargo_is_against_the_embargo():
    # "We call for the lifting of the embargo on Cuba"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("call", 1, "ROOT", "VERB", "call", "VBP"),
        ("for", 1, "prep", "ADP", "for"),
        ("the", 4, "det", "DET", "the"),
        ("lifting", 2, "pobj", "NOUN", "lifting"),
        ("of", 4, "prep", "ADP", "of"),
        ("the", 7, "det", "DET", "the"),
        ("embargo", 5, "pobj", "NOUN", "embargo"),
        ("on", 7, "prep", "ADP", "on"),
        ("Cuba", 8, "pobj", "PROPN", "Cuba"),
    ])
    with more_actors(Cuba="CUB"):
        assert stances(doc, ActorRef("SLB", "SLB")) == [("SLB", Stance.DEMAND, -1, "embargo on Cuba", ["CUB"])]


def test_relative_pronoun_topic_is_its_antecedent():
    # "the convention, which was proposed by India"
    doc = parse([
        ("the", 1, "det", "DET", "the"),
        ("convention", 1, "ROOT", "NOUN", "convention"),
        (",", 1, "punct", "PUNCT", ","),
        ("which", 5, "nsubjpass", "PRON", "which", "WDT"),
        ("was", 5, "auxpass", "AUX", "be"),
        ("proposed", 1, "relcl", "VERB", "propose", "VBN"),
        ("by", 5, "agent", "ADP", "by"),
        ("India", 6, "pobj", "PROPN", "India"),
    ])
    with more_actors(India="IND"):
        assert stances(doc) == [("IND", Stance.PROPOSE, 1, "convention", [])]


def test_nominal_stance_with_a_possessive_holder():
    # "Russia's opposition to the shield"
    doc = parse([
        ("Russia", 2, "poss", "PROPN", "Russia"),
        ("'s", 0, "case", "PART", "'s"),
        ("opposition", 2, "ROOT", "NOUN", "opposition"),
        ("to", 2, "prep", "ADP", "to"),
        ("the", 5, "det", "DET", "the"),
        ("shield", 3, "pobj", "NOUN", "shield"),
    ])
    assert stances(doc) == [("RUS", Stance.OPPOSE, -1, "shield", [])]


def test_nominal_stance_of_the_speaker_and_of_a_pronoun_subject():
    # "We reiterate our call for dialogue" / "It emphasizes its rejection of the annexation"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("reiterate", 1, "ROOT", "VERB", "reiterate", "VBP"),
        ("our", 3, "poss", "PRON", "our"),
        ("call", 1, "dobj", "NOUN", "call"),
        ("for", 3, "prep", "ADP", "for"),
        ("dialogue", 4, "pobj", "NOUN", "dialogue"),
    ])
    assert stances(doc, ActorRef("ARG", "ARG")) == [("ARG", Stance.DEMAND, 1, "dialogue", [])]
    doc = parse([
        ("It", 1, "nsubj", "PRON", "it"),
        ("emphasizes", 1, "ROOT", "VERB", "emphasize"),
        ("its", 3, "poss", "PRON", "its"),
        ("rejection", 1, "dobj", "NOUN", "rejection"),
        ("of", 3, "prep", "ADP", "of"),
        ("the", 7, "det", "DET", "the"),
        ("Russian", 7, "amod", "ADJ", "Russian"),
        ("annexation", 4, "pobj", "NOUN", "annexation"),
    ])
    with more_actors(Russian="RUS"):
        assert stances(doc, ActorRef("SYR", "SYR")) == [("SYR", Stance.REJECT, -1, "Russian annexation", ["RUS"])]


def test_copula_with_an_evaluative_adjective_is_the_speakers_stance():
    # "The occupation is illegal." in a speech of Syria
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("occupation", 2, "nsubj", "NOUN", "occupation"),
        ("is", 2, "ROOT", "AUX", "be", "VBZ"),
        ("illegal", 2, "acomp", "ADJ", "illegal", "JJ"),
    ])
    assert stances(doc) == []  # nobody to hold it without a speaker
    assert stances(doc, ActorRef("SYR", "SYR")) == [("SYR", Stance.OPPOSE, -1, "occupation", [])]


def test_negated_positive_evaluation_is_opposition():
    # "This approach is not acceptable."
    doc = parse([
        ("This", 1, "det", "DET", "this"),
        ("approach", 2, "nsubj", "NOUN", "approach"),
        ("is", 2, "ROOT", "AUX", "be", "VBZ"),
        ("not", 2, "neg", "PART", "not"),
        ("acceptable", 2, "acomp", "ADJ", "acceptable", "JJ"),
    ])
    assert stances(doc, ActorRef("CUB", "CUB")) == [("CUB", Stance.OPPOSE, -1, "approach", [])]


def test_called_x_unjustified():
    # "NATO called the threat unjustified"
    doc = parse([
        ("NATO", 1, "nsubj", "PROPN", "NATO"),
        ("called", 1, "ROOT", "VERB", "call", "VBD"),
        ("the", 3, "det", "DET", "the"),
        ("threat", 1, "dobj", "NOUN", "threat"),
        ("unjustified", 1, "oprd", "ADJ", "unjustified", "JJ"),
    ])
    assert stances(doc) == [("NATO", Stance.OPPOSE, -1, "threat", [])]


def test_the_best_way_is_to_cooperate():
    # "The best way would be to cooperate" said by Russia
    doc = parse([
        ("The", 2, "det", "DET", "the"),
        ("best", 2, "amod", "ADJ", "good", "JJS"),
        ("way", 4, "nsubj", "NOUN", "way"),
        ("would", 4, "aux", "AUX", "would", "MD"),
        ("be", 4, "ROOT", "AUX", "be", "VB"),
        ("to", 6, "aux", "PART", "to"),
        ("cooperate", 4, "xcomp", "VERB", "cooperate", "VB"),
    ])
    assert stances(doc, ActorRef("RUS", "RUS")) == [("RUS", Stance.SUPPORT, 1, "cooperate", [])]


def test_first_person_inside_a_quote_belongs_to_the_quotes_speaker():
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("reject", 1, "ROOT", "VERB", "reject", "VBP"),
        ("the", 3, "det", "DET", "the"),
        ("plan", 1, "dobj", "NOUN", "plan"),
    ])

    def actor_of(tok):
        return None

    quoted = ActorRef("NATO", "We", person="Anders Fogh Rasmussen")
    found = find_stances(doc[:], actor_of, ActorRef("USA", "USA"), lambda tok: quoted)
    assert [(f.actors[0].id, f.stance, f.speaker.person) for f in found] == [
        ("NATO", Stance.REJECT, "Anders Fogh Rasmussen")
    ]


def test_what_comments_say_is_what_is_evaluated():
    # "Rasmussen described comments that Moscow may consider a strike as unjustified" (NATO for Rasmussen)
    doc = parse([
        ("NATO", 1, "nsubj", "PROPN", "NATO"),
        ("described", 1, "ROOT", "VERB", "describe", "VBD"),
        ("comments", 1, "dobj", "NOUN", "comment", "NNS"),
        ("that", 6, "mark", "SCONJ", "that"),
        ("Moscow", 6, "nsubj", "PROPN", "Moscow"),
        ("may", 6, "aux", "AUX", "may", "MD"),
        ("consider", 2, "acl", "VERB", "consider", "VB"),
        ("a", 8, "det", "DET", "a"),
        ("strike", 6, "dobj", "NOUN", "strike"),
        ("as", 6, "prep", "ADP", "as"),
        ("unjustified", 9, "amod", "ADJ", "unjustified", "JJ"),
    ])
    found = stances(doc)
    assert ("NATO", Stance.OPPOSE, -1, "Moscow may consider a strike", ["RUS"]) in found
    # the inner verb keeps its own reading: Moscow considers a strike, it does not oppose it
    assert ("RUS", Stance.CONSIDER, 0, "strike", []) in found
    assert len(found) == 2


def test_naming_a_hostile_act_opposes_it_and_targets_the_doer():
    # "We condemn Russian aggression" -> the condemnation; "Russian aggression continues" -> the naming itself
    doc = parse([
        ("Russian", 1, "amod", "ADJ", "russian", "JJ"),
        ("aggression", 2, "nsubj", "NOUN", "aggression"),
        ("continues", 2, "ROOT", "VERB", "continue"),
    ])
    with more_actors(Russian="RUS"):
        assert stances(doc, ActorRef("UKR", "UKR")) == [("UKR", Stance.OPPOSE, -1, "Russian aggression", ["RUS"])]
        assert stances(doc, ActorRef("RUS", "RUS")) == []  # nobody accuses itself
        doc = parse([
            ("We", 1, "nsubj", "PRON", "we"),
            ("condemn", 1, "ROOT", "VERB", "condemn", "VBP"),
            ("Russian", 3, "amod", "ADJ", "russian", "JJ"),
            ("aggression", 1, "dobj", "NOUN", "aggression"),
        ])
        # one stance, not a second one for the act inside the condemnation's topic
        assert stances(doc, ActorRef("UKR", "UKR")) == [("UKR", Stance.OPPOSE, -1, "Russian aggression", ["RUS"])]


def test_an_accusation_by_description_targets_the_doer():
    # "Russia has annexed Crimea" said by Ukraine
    doc = parse([
        ("Russia", 2, "nsubj", "PROPN", "Russia"),
        ("has", 2, "aux", "AUX", "have"),
        ("annexed", 2, "ROOT", "VERB", "annex", "VBN"),
        ("Crimea", 2, "dobj", "PROPN", "Crimea"),
    ])
    assert stances(doc, ActorRef("UKR", "UKR")) == [("UKR", Stance.OPPOSE, -1, "annexed Crimea", ["RUS"])]


def test_a_question_asserts_no_stance():
    doc = parse([
        ("Does", 2, "aux", "AUX", "do"),
        ("Russia", 2, "nsubj", "PROPN", "Russia"),
        ("support", 2, "ROOT", "VERB", "support", "VB"),
        ("peace", 2, "dobj", "NOUN", "peace"),
        ("?", 2, "punct", "PUNCT", "?"),
    ])
    assert stances(doc) == []


def test_a_call_not_to_do_something_is_against_it():
    # "We call on Russia not to escalate the conflict"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("call", 1, "ROOT", "VERB", "call", "VBP"),
        ("on", 1, "prep", "ADP", "on"),
        ("Russia", 2, "pobj", "PROPN", "Russia"),
        ("not", 6, "neg", "PART", "not"),
        ("to", 6, "aux", "PART", "to"),
        ("escalate", 1, "xcomp", "VERB", "escalate", "VB"),
        ("the", 8, "det", "DET", "the"),
        ("conflict", 6, "dobj", "NOUN", "conflict"),
    ])
    assert stances(doc, ActorRef("LTU", "LTU")) == [("LTU", Stance.DEMAND, -1, "escalate the conflict", ["RUS"])]


def test_seeking_to_do_something_is_an_aim_not_a_demand():
    doc = parse([
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("sought", 1, "ROOT", "VERB", "seek", "VBD"),
        ("to", 3, "aux", "PART", "to"),
        ("expand", 1, "xcomp", "VERB", "expand", "VB"),
        ("trade", 3, "dobj", "NOUN", "trade"),
    ])
    assert stances(doc) == [("IRN", Stance.SUPPORT, 1, "expand trade", [])]


def test_coordinated_topics_are_split():
    # "China rejects unilateralism and protectionism"
    doc = parse([
        ("China", 1, "nsubj", "PROPN", "China"),
        ("rejects", 1, "ROOT", "VERB", "reject"),
        ("unilateralism", 1, "dobj", "NOUN", "unilateralism"),
        ("and", 2, "cc", "CCONJ", "and"),
        ("protectionism", 2, "conj", "NOUN", "protectionism"),
    ])
    with more_actors(China="CHN"):
        assert stances(doc) == [
            ("CHN", Stance.REJECT, -1, "unilateralism", []),
            ("CHN", Stance.REJECT, -1, "protectionism", []),
        ]


def test_a_condemning_adjective_is_the_speakers_opposition_aimed_at_the_doer():
    # "The inhuman sanctions imposed by Washington hurt civilians" said by Syria
    doc = parse([
        ("The", 2, "det", "DET", "the"),
        ("inhuman", 2, "amod", "ADJ", "inhuman", "JJ"),
        ("sanctions", 6, "nsubj", "NOUN", "sanction", "NNS"),
        ("imposed", 2, "acl", "VERB", "impose", "VBN"),
        ("by", 3, "agent", "ADP", "by"),
        ("Washington", 4, "pobj", "PROPN", "Washington"),
        ("hurt", 6, "ROOT", "VERB", "hurt", "VBP"),
        ("civilians", 6, "dobj", "NOUN", "civilian", "NNS"),
    ])
    assert stances(doc, ActorRef("SYR", "SYR")) == [("SYR", Stance.OPPOSE, -1, "inhuman sanctions", ["USA"])]
    assert stances(doc, ActorRef("USA", "USA")) == []  # the doer does not condemn itself


def test_a_modal_end_is_a_demand_against_the_thing():
    # "The war must end." / "The embargo must be lifted." said by Cuba
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("war", 3, "nsubj", "NOUN", "war"),
        ("must", 3, "aux", "AUX", "must", "MD"),
        ("end", 3, "ROOT", "VERB", "end", "VB"),
    ])
    assert stances(doc, ActorRef("CUB", "CUB")) == [("CUB", Stance.DEMAND, -1, "war", [])]
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("embargo", 4, "nsubjpass", "NOUN", "embargo"),
        ("must", 4, "aux", "AUX", "must", "MD"),
        ("be", 4, "auxpass", "AUX", "be", "VB"),
        ("lifted", 4, "ROOT", "VERB", "lift", "VBN"),
    ])
    assert stances(doc, ActorRef("CUB", "CUB")) == [("CUB", Stance.DEMAND, -1, "embargo", [])]


def test_a_modal_clause_about_an_actor_is_a_demand_addressed_to_it():
    # "Iran should return to the table." said by Germany; said by Iran it is no demand
    doc = parse([
        ("Iran", 2, "nsubj", "PROPN", "Iran"),
        ("should", 2, "aux", "AUX", "should", "MD"),
        ("return", 2, "ROOT", "VERB", "return", "VB"),
        ("to", 2, "prep", "ADP", "to"),
        ("the", 5, "det", "DET", "the"),
        ("table", 3, "pobj", "NOUN", "table"),
    ])
    assert stances(doc, ActorRef("DEU", "DEU")) == [("DEU", Stance.DEMAND, 1, "Iran should return to the table", ["IRN"])]
    assert stances(doc, ActorRef("IRN", "IRN")) == []


def test_it_is_time_to_lift_the_embargo():
    doc = parse([
        ("It", 1, "nsubj", "PRON", "it"),
        ("is", 1, "ROOT", "AUX", "be", "VBZ"),
        ("time", 1, "attr", "NOUN", "time"),
        ("to", 4, "aux", "PART", "to"),
        ("lift", 2, "relcl", "VERB", "lift", "VB"),
        ("the", 6, "det", "DET", "the"),
        ("embargo", 4, "dobj", "NOUN", "embargo"),
    ])
    assert stances(doc, ActorRef("MEX", "MEX")) == [("MEX", Stance.DEMAND, -1, "embargo", [])]


def test_no_intention_to_attack_is_a_rejection():
    # "NATO does not have any intention to attack Russia"
    doc = parse([
        ("NATO", 3, "nsubj", "PROPN", "NATO"),
        ("does", 3, "aux", "AUX", "do"),
        ("not", 3, "neg", "PART", "not"),
        ("have", 3, "ROOT", "VERB", "have", "VB"),
        ("any", 5, "det", "DET", "any"),
        ("intention", 3, "dobj", "NOUN", "intention"),
        ("to", 7, "aux", "PART", "to"),
        ("attack", 5, "acl", "VERB", "attack", "VB"),
        ("Russia", 7, "dobj", "PROPN", "Russia"),
    ])
    # Russia is who would be attacked, not whose action is criticised: no target
    assert stances(doc) == [("NATO", Stance.REJECT, -1, "attack Russia", [])]
