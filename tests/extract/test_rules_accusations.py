"""Criticism without a stance verb, on hand-built parses: the acts a speaker accuses another actor of, the
feelings that are a stance, calls to end something, and "it" standing for an actor."""

from __future__ import annotations

from stancegraph.extract.coref import resolve_it
from stancegraph.extract.rules import ActorRef
from support.parses import more_actors, parse, stances

from stancegraph.model import Stance

UKR = ActorRef("UKR", "Ukraine")
GBR = ActorRef("GBR", "United Kingdom")


def test_the_doer_of_a_hostile_act_is_the_subject_of_the_verb_that_uses_it():
    # "Russia imposes its will by using intimidation and aggression", said by Ukraine
    doc = parse([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("imposes", 1, "ROOT", "VERB", "impose"),
        ("its", 3, "poss", "PRON", "its"),
        ("will", 1, "dobj", "NOUN", "will"),
        ("by", 1, "prep", "ADP", "by"),
        ("using", 4, "pcomp", "VERB", "use", "VBG"),
        ("intimidation", 5, "dobj", "NOUN", "intimidation"),
        ("and", 6, "cc", "CCONJ", "and"),
        ("aggression", 6, "conj", "NOUN", "aggression"),
    ])
    found = stances(doc, UKR)
    assert ("UKR", Stance.OPPOSE, -1, "intimidation", ["RUS"]) in found
    assert ("UKR", Stance.OPPOSE, -1, "aggression", ["RUS"]) in found
    assert stances(doc, ActorRef("RUS", "Russia")) == []  # nobody accuses itself


def test_a_hostile_act_suffered_names_no_doer():
    # "Ukraine suffers aggression": suffering is not doing
    doc = parse([
        ("Ukraine", 1, "nsubj", "PROPN", "Ukraine"),
        ("suffers", 1, "ROOT", "VERB", "suffer"),
        ("aggression", 1, "dobj", "NOUN", "aggression"),
    ])
    with more_actors(Ukraine="UKR"):
        assert stances(doc, GBR) == []


def test_what_an_actors_decision_constitutes_is_its_act():
    # "The decision of Russia constitutes a violation of law"
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("decision", 4, "nsubj", "NOUN", "decision"),
        ("of", 1, "prep", "ADP", "of"),
        ("Russia", 2, "pobj", "PROPN", "Russia"),
        ("constitutes", 4, "ROOT", "VERB", "constitute"),
        ("a", 6, "det", "DET", "a"),
        ("violation", 4, "dobj", "NOUN", "violation"),
        ("of", 6, "prep", "ADP", "of"),
        ("law", 7, "pobj", "NOUN", "law"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "violation of law", ["RUS"])]


def test_a_trailing_by_agent_is_shared_by_coordinated_acts():
    # "They prepared a referendum and annexation of Crimea by Russia"
    doc = parse([
        ("They", 1, "nsubj", "PRON", "they"),
        ("prepared", 1, "ROOT", "VERB", "prepare", "VBD"),
        ("a", 3, "det", "DET", "a"),
        ("referendum", 1, "dobj", "NOUN", "referendum"),
        ("and", 3, "cc", "CCONJ", "and"),
        ("annexation", 3, "conj", "NOUN", "annexation"),
        ("of", 5, "prep", "ADP", "of"),
        ("Crimea", 6, "pobj", "PROPN", "Crimea"),
        ("by", 3, "prep", "ADP", "by"),
        ("Russia", 8, "pobj", "PROPN", "Russia"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "annexation of Crimea", ["RUS"])]


def _since_annexed(mark: str):
    # "... since Russia annexed Crimea" / "... if Russia annexed Crimea"
    return parse([
        ("Weeks", 1, "nsubj", "NOUN", "week"),
        ("passed", 1, "ROOT", "VERB", "pass", "VBD"),
        (mark, 4, "mark", "SCONJ", mark),
        ("Russia", 4, "nsubj", "PROPN", "Russia"),
        ("annexed", 1, "advcl", "VERB", "annex", "VBD"),
        ("Crimea", 4, "dobj", "PROPN", "Crimea"),
    ])


def test_an_accusation_in_a_subordinate_clause_counts_but_not_in_a_condition():
    assert stances(_since_annexed("since"), UKR) == [("UKR", Stance.OPPOSE, -1, "annexed Crimea", ["RUS"])]
    assert stances(_since_annexed("if"), UKR) == []


def test_the_subject_of_being_ready_to_violate_is_the_doer():
    # "Russia is prepared to violate the law"
    doc = parse([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("is", 1, "ROOT", "AUX", "be"),
        ("prepared", 1, "acomp", "ADJ", "prepared", "JJ"),
        ("to", 4, "aux", "PART", "to"),
        ("violate", 2, "xcomp", "VERB", "violate", "VB"),
        ("the", 6, "det", "DET", "the"),
        ("law", 4, "dobj", "NOUN", "law"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "violate the law", ["RUS"])]


def test_being_troubled_by_something_is_a_stance_against_it():
    # "My delegation is troubled by Russia's veto"
    doc = parse([
        ("My", 1, "poss", "PRON", "my"),
        ("delegation", 3, "nsubjpass", "NOUN", "delegation"),
        ("is", 3, "auxpass", "AUX", "be"),
        ("troubled", 3, "ROOT", "VERB", "trouble", "VBN"),
        ("by", 3, "agent", "ADP", "by"),
        ("Russia", 7, "poss", "PROPN", "Russia"),
        ("'s", 5, "case", "PART", "'s"),
        ("veto", 4, "pobj", "NOUN", "veto"),
    ])
    assert stances(doc, GBR) == [("GBR", Stance.OPPOSE, -1, "veto", ["RUS"])]
    # "We are alarmed at the escalation"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("are", 1, "ROOT", "AUX", "be"),
        ("alarmed", 1, "acomp", "ADJ", "alarmed", "JJ"),
        ("at", 2, "prep", "ADP", "at"),
        ("the", 5, "det", "DET", "the"),
        ("escalation", 3, "pobj", "NOUN", "escalation"),
    ])
    assert stances(doc, GBR) == [("GBR", Stance.OPPOSE, -1, "escalation", [])]


def test_a_troubling_decision_is_opposed_and_aims_at_its_maker():
    # "Russia's decision is unsettling"
    doc = parse([
        ("Russia", 2, "poss", "PROPN", "Russia"),
        ("'s", 0, "case", "PART", "'s"),
        ("decision", 3, "nsubj", "NOUN", "decision"),
        ("is", 3, "ROOT", "AUX", "be"),
        ("unsettling", 3, "acomp", "ADJ", "unsettling", "JJ"),
    ])
    assert stances(doc, GBR) == [("GBR", Stance.OPPOSE, -1, "decision", ["RUS"])]


def test_the_stance_of_an_actor_named_dangerous_aims_at_that_actor():
    # "We face a dangerous stance of Russia"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("face", 1, "ROOT", "VERB", "face", "VBP"),
        ("a", 4, "det", "DET", "a"),
        ("dangerous", 4, "amod", "ADJ", "dangerous", "JJ"),
        ("stance", 1, "dobj", "NOUN", "stance"),
        ("of", 4, "prep", "ADP", "of"),
        ("Russia", 5, "pobj", "PROPN", "Russia"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "dangerous stance of Russia", ["RUS"])]


def test_put_an_end_to_something_and_pull_back_forces_are_against_them():
    # "We call on Russia to put an end to the actions"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("call", 1, "ROOT", "VERB", "call", "VBP"),
        ("on", 1, "prep", "ADP", "on"),
        ("Russia", 2, "pobj", "PROPN", "Russia"),
        ("to", 5, "aux", "PART", "to"),
        ("put", 1, "xcomp", "VERB", "put", "VB"),
        ("an", 7, "det", "DET", "an"),
        ("end", 5, "dobj", "NOUN", "end"),
        ("to", 7, "prep", "ADP", "to"),
        ("the", 10, "det", "DET", "the"),
        ("actions", 8, "pobj", "NOUN", "action"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.DEMAND, -1, "actions", ["RUS"])]
    # "Russia must pull back its forces" (the parser reads "back" as an adverb)
    doc = parse([
        ("Russia", 2, "nsubj", "PROPN", "Russia"),
        ("must", 2, "aux", "AUX", "must"),
        ("pull", 2, "ROOT", "VERB", "pull", "VB"),
        ("back", 2, "advmod", "ADV", "back"),
        ("its", 5, "poss", "PRON", "its"),
        ("forces", 2, "dobj", "NOUN", "force"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.DEMAND, -1, "forces", ["RUS"])]


def test_call_on_an_addressee_with_the_infinitive_hung_as_an_adverbial_clause():
    # "We call on Russia immediately to withdraw": the parser makes "to withdraw" an advcl of "call"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("call", 1, "ROOT", "VERB", "call", "VBP"),
        ("on", 1, "prep", "ADP", "on"),
        ("Russia", 2, "pobj", "PROPN", "Russia"),
        ("immediately", 1, "advmod", "ADV", "immediately"),
        ("to", 6, "aux", "PART", "to"),
        ("negotiate", 1, "advcl", "VERB", "negotiate", "VB"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.DEMAND, 1, "negotiate", ["RUS"])]


def _actor_at(doc):
    names = {"Russia": "RUS", "Government": "HUN"}
    return lambda i: names.get(doc[i].text)


def test_it_refers_to_the_last_subject_when_that_names_one_actor():
    # "Russia raised prices. It blocks goods. The resolution passed. It calls for calm."
    doc = parse([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("raised", 1, "ROOT", "VERB", "raise", "VBD"),
        ("prices", 1, "dobj", "NOUN", "price"),
        ("It", 4, "nsubj", "PRON", "it"),
        ("blocks", 4, "ROOT", "VERB", "block"),
        ("goods", 4, "dobj", "NOUN", "good"),
        ("The", 7, "det", "DET", "the"),
        ("resolution", 8, "nsubj", "NOUN", "resolution"),
        ("passed", 8, "ROOT", "VERB", "pass", "VBD"),
        ("It", 10, "nsubj", "PRON", "it"),
        ("calls", 10, "ROOT", "VERB", "call"),
    ])
    assert resolve_it(doc, _actor_at(doc)) == {3: 0}


def test_extraposed_it_and_it_after_two_actors_refer_to_nothing():
    # "Russia and Ukraine met. It is time." / "Russia acted. It is unacceptable."
    doc = parse([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("acted", 1, "ROOT", "VERB", "act", "VBD"),
        ("It", 3, "nsubj", "PRON", "it"),
        ("is", 3, "ROOT", "AUX", "be"),
        ("unacceptable", 3, "acomp", "ADJ", "unacceptable", "JJ"),
    ])
    assert resolve_it(doc, _actor_at(doc)) == {}
    doc = parse([
        ("Russia", 3, "nsubj", "PROPN", "Russia"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("Russia", 0, "conj", "PROPN", "Russia"),
        ("met", 3, "ROOT", "VERB", "meet", "VBD"),
        ("It", 5, "nsubj", "PRON", "it"),
        ("left", 5, "ROOT", "VERB", "leave", "VBD"),
    ])
    assert resolve_it(doc, _actor_at(doc)) == {}


def test_it_through_a_government_noun():
    # "The Hungarian Government said no. Its position is firm."
    doc = parse([
        ("The", 2, "det", "DET", "the"),
        ("Hungarian", 2, "amod", "ADJ", "hungarian", "JJ"),
        ("Government", 3, "nsubj", "NOUN", "government"),
        ("refused", 3, "ROOT", "VERB", "refuse", "VBD"),
        ("Its", 5, "poss", "PRON", "its"),
        ("position", 6, "nsubj", "NOUN", "position"),
        ("holds", 6, "ROOT", "VERB", "hold"),
    ])
    names = {"Hungarian": "HUN"}
    assert resolve_it(doc, lambda i: names.get(doc[i].text)) == {4: 1}


def test_a_hostile_act_named_without_a_doer_is_the_last_accused_actors():
    # "... The occupation continues." after a sentence accusing Russia
    from stancegraph.extract.rules import accused_in, find_stances

    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("occupation", 2, "nsubj", "NOUN", "occupation"),
        ("continues", 2, "ROOT", "VERB", "continue"),
    ])
    none = find_stances(doc[:], lambda tok: None, UKR)
    assert none == []  # no doer, nobody accused before: no stance
    found = find_stances(doc[:], lambda tok: None, UKR, accused=ActorRef("RUS", "Russia"))
    assert [(f.actors[0].id, f.polarity, [t.id for t in f.targets]) for f in found] == [("UKR", -1, ["RUS"])]
    assert accused_in(found).id == "RUS"


def test_of_names_the_victim_of_an_invasion_but_the_doer_of_aggression():
    # "We condemn the invasion of Ukraine" / "We condemn the aggression of Russia"
    def condemn(noun, lemma, country):
        return parse([
            ("We", 1, "nsubj", "PRON", "we"),
            ("condemn", 1, "ROOT", "VERB", "condemn", "VBP"),
            ("the", 3, "det", "DET", "the"),
            (noun, 1, "dobj", "NOUN", lemma),
            ("of", 3, "prep", "ADP", "of"),
            (country, 4, "pobj", "PROPN", country),
        ])

    with more_actors(Ukraine="UKR"):
        assert stances(condemn("invasion", "invasion", "Ukraine"), GBR) == [
            ("GBR", Stance.OPPOSE, -1, "invasion of Ukraine", [])
        ]
    assert stances(condemn("aggression", "aggression", "Russia"), GBR) == [
        ("GBR", Stance.OPPOSE, -1, "aggression of Russia", ["RUS"])
    ]


def test_agents_from_a_state_stand_for_it():
    # "Agents from Russia seized buildings"
    doc = parse([
        ("Agents", 3, "nsubj", "NOUN", "agent"),
        ("from", 0, "prep", "ADP", "from"),
        ("Russia", 1, "pobj", "PROPN", "Russia"),
        ("seized", 3, "ROOT", "VERB", "seize", "VBD"),
        ("buildings", 3, "dobj", "NOUN", "building"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "seized buildings", ["RUS"])]


def test_an_act_done_illegally_is_opposed_and_aims_at_the_doer():
    # "Russian troops illegally deployed to Crimea"
    doc = parse([
        ("Russian", 1, "amod", "ADJ", "russian", "JJ"),
        ("troops", 3, "nsubj", "NOUN", "troop"),
        ("illegally", 3, "advmod", "ADV", "illegally"),
        ("deployed", 3, "ROOT", "VERB", "deploy", "VBD"),
        ("to", 3, "prep", "ADP", "to"),
        ("Crimea", 4, "pobj", "PROPN", "Crimea"),
    ])
    with more_actors(Russian="RUS"):
        assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "deployed to Crimea", ["RUS"])]
        assert stances(doc, ActorRef("RUS", "Russia")) == []


def test_x_is_a_threat_opposes_x_and_aims_at_its_actor():
    # "Russia's stance is a threat"
    doc = parse([
        ("Russia", 2, "poss", "PROPN", "Russia"),
        ("'s", 0, "case", "PART", "'s"),
        ("stance", 3, "nsubj", "NOUN", "stance"),
        ("is", 3, "ROOT", "AUX", "be"),
        ("a", 5, "det", "DET", "a"),
        ("threat", 3, "attr", "NOUN", "threat"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "stance", ["RUS"])]


def test_efforts_to_undermine_belong_to_their_possessor():
    # "Russia made a secret of Russia's efforts to undermine the process"
    doc = parse([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("hides", 1, "ROOT", "VERB", "hide"),
        ("Russia", 4, "poss", "PROPN", "Russia"),
        ("'s", 2, "case", "PART", "'s"),
        ("efforts", 1, "dobj", "NOUN", "effort"),
        ("to", 6, "aux", "PART", "to"),
        ("undermine", 4, "acl", "VERB", "undermine", "VB"),
        ("the", 8, "det", "DET", "the"),
        ("process", 6, "dobj", "NOUN", "process"),
    ])
    assert ("UKR", Stance.OPPOSE, -1, "undermine the process", ["RUS"]) in stances(doc, UKR)
    # "plans to undermine" with nobody named: no accusation
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("need", 1, "ROOT", "VERB", "need", "VBP"),
        ("plans", 1, "dobj", "NOUN", "plan"),
        ("to", 4, "aux", "PART", "to"),
        ("undermine", 2, "acl", "VERB", "undermine", "VB"),
        ("networks", 4, "dobj", "NOUN", "network"),
    ])
    assert all(polarity > 0 for _, _, polarity, _, _ in stances(doc, UKR))


def test_what_a_group_backed_by_an_actor_does_is_laid_at_its_door():
    # "Militias backed by Russia seized buildings"
    doc = parse([
        ("Militias", 4, "nsubj", "NOUN", "militia"),
        ("backed", 0, "acl", "VERB", "back", "VBN"),
        ("by", 1, "agent", "ADP", "by"),
        ("Russia", 2, "pobj", "PROPN", "Russia"),
        ("seized", 4, "ROOT", "VERB", "seize", "VBD"),
        ("buildings", 4, "dobj", "NOUN", "building"),
    ])
    # the participle is read too ("backed by Russia": Russia's support of the militias)
    assert ("UKR", Stance.OPPOSE, -1, "seized buildings", ["RUS"]) in stances(doc, UKR)


def test_a_reduced_relative_parsed_as_the_main_verb_still_names_the_actor_behind_the_group():
    # "Groups, headed by Russia, seize buildings": the parser made "headed" the main verb and "seize" its conjunct
    doc = parse([
        ("Groups", 1, "nsubj", "NOUN", "group"),
        ("headed", 1, "ROOT", "VERB", "head", "VBN"),
        ("by", 1, "agent", "ADP", "by"),
        ("Russia", 2, "pobj", "PROPN", "Russia"),
        ("seize", 1, "conj", "VERB", "seize", "VBP"),
        ("buildings", 4, "dobj", "NOUN", "building"),
    ])
    assert ("UKR", Stance.OPPOSE, -1, "seize buildings", ["RUS"]) in stances(doc, UKR)


def test_what_an_actors_text_would_allow_is_laid_at_its_door():
    # "The language proposed by the United States would allow arbitrary decisions"
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("language", 7, "nsubj", "NOUN", "language"),
        ("proposed", 1, "acl", "VERB", "propose", "VBN"),
        ("by", 2, "agent", "ADP", "by"),
        ("Washington", 3, "pobj", "PROPN", "Washington"),
        ("would", 7, "aux", "AUX", "would"),
        ("really", 7, "advmod", "ADV", "really"),
        ("allow", 7, "ROOT", "VERB", "allow", "VB"),
        ("arbitrary", 9, "amod", "ADJ", "arbitrary", "JJ"),
        ("decisions", 7, "dobj", "NOUN", "decision"),
    ])
    assert ("UKR", Stance.OPPOSE, -1, "arbitrary decisions", ["USA"]) in stances(doc, UKR)


def test_sending_groups_in_order_to_destabilize_is_the_senders_act():
    # "Russia sends subversive groups in order to destabilize the region"
    doc = parse([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("sends", 1, "ROOT", "VERB", "send"),
        ("subversive", 3, "amod", "ADJ", "subversive", "JJ"),
        ("groups", 1, "dobj", "NOUN", "group"),
        ("in", 1, "prep", "ADP", "in"),
        ("order", 4, "pobj", "NOUN", "order"),
        ("to", 7, "aux", "PART", "to"),
        ("destabilize", 5, "acl", "VERB", "destabilize", "VB"),
        ("the", 9, "det", "DET", "the"),
        ("region", 7, "dobj", "NOUN", "region"),
    ])
    found = stances(doc, UKR)
    assert ("UKR", Stance.OPPOSE, -1, "destabilize the region", ["RUS"]) in found
    assert ("UKR", Stance.OPPOSE, -1, "subversive groups", ["RUS"]) in found


def test_a_relative_clause_accuses_its_antecedent_and_a_time_phrase_is_no_topic():
    # "On Monday, the unit of Russia that infiltrated the territory was detained"
    doc = parse([
        ("On", 8, "prep", "ADP", "on"),
        ("Monday", 0, "pobj", "PROPN", "Monday"),
        ("the", 3, "det", "DET", "the"),
        ("unit", 8, "nsubjpass", "NOUN", "unit"),
        ("of", 3, "prep", "ADP", "of"),
        ("Russia", 4, "pobj", "PROPN", "Russia"),
        ("that", 7, "nsubj", "PRON", "that"),
        ("infiltrated", 3, "relcl", "VERB", "infiltrate", "VBD"),
        ("detained", 8, "ROOT", "VERB", "detain", "VBN"),
        ("on", 7, "prep", "ADP", "on"),
        ("Monday", 9, "pobj", "PROPN", "Monday"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "infiltrated", ["RUS"])]


def test_a_hyphenated_condemning_adjective_aims_at_the_actor_it_names():
    # "the self-proclaimed Kyiv authorities"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("met", 1, "ROOT", "VERB", "meet", "VBD"),
        ("the", 7, "det", "DET", "the"),
        ("self", 5, "npadvmod", "NOUN", "self"),
        ("-", 5, "punct", "PUNCT", "-"),
        ("proclaimed", 7, "amod", "VERB", "proclaim", "VBN"),
        ("Kyiv", 7, "compound", "PROPN", "Kyiv"),
        ("authorities", 1, "dobj", "NOUN", "authority"),
    ])
    with more_actors(Kyiv="UKR"):
        assert stances(doc, ActorRef("RUS", "Russia")) == [
            ("RUS", Stance.OPPOSE, -1, "self - proclaimed Kyiv authorities", ["UKR"])
        ]


def test_spreading_lies_on_a_border_aims_at_the_liar_not_the_place():
    # "Russian media spread lies on the border of Ukraine"
    doc = parse([
        ("Russian", 1, "amod", "ADJ", "russian", "JJ"),
        ("media", 2, "nsubj", "NOUN", "media"),
        ("spread", 2, "ROOT", "VERB", "spread", "VBD"),
        ("lies", 2, "dobj", "NOUN", "lie"),
        ("on", 3, "prep", "ADP", "on"),
        ("Ukraine", 4, "pobj", "PROPN", "Ukraine"),
    ])
    with more_actors(Russian="RUS", Ukraine="UKR"):
        assert stances(doc, GBR) == [("GBR", Stance.OPPOSE, -1, "lies on Ukraine", ["RUS"])]


def test_a_condemned_noun_with_nobody_speaking_gives_nothing_and_after_an_accusation_aims_at_the_accused():
    # "Those are terrorist operations"
    from stancegraph.extract.rules import find_stances

    doc = parse([
        ("Those", 1, "nsubj", "PRON", "those"),
        ("are", 1, "ROOT", "AUX", "be"),
        ("terrorist", 3, "amod", "ADJ", "terrorist", "JJ"),
        ("operations", 1, "attr", "NOUN", "operation"),
    ])
    assert find_stances(doc[:], lambda tok: None, None, accused=ActorRef("RUS", "Russia")) == []
    found = find_stances(doc[:], lambda tok: None, UKR, accused=ActorRef("RUS", "Russia"))
    assert [(f.actors[0].id, f.polarity, [t.id for t in f.targets]) for f in found] == [("UKR", -1, ["RUS"])]


def test_the_propaganda_of_an_actor_is_its_own_and_a_pretext_it_invokes_too():
    # "We reject the propaganda of Russia" / "Moscow invokes a pretext"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("see", 1, "ROOT", "VERB", "see", "VBP"),
        ("the", 3, "det", "DET", "the"),
        ("propaganda", 1, "dobj", "NOUN", "propaganda"),
        ("of", 3, "prep", "ADP", "of"),
        ("Russia", 4, "pobj", "PROPN", "Russia"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "propaganda of Russia", ["RUS"])]
    doc = parse([
        ("Moscow", 1, "nsubj", "PROPN", "Moscow"),
        ("invokes", 1, "ROOT", "VERB", "invoke"),
        ("a", 3, "det", "DET", "a"),
        ("pretext", 1, "dobj", "NOUN", "pretext"),
    ])
    assert stances(doc, UKR) == [("UKR", Stance.OPPOSE, -1, "pretext", ["RUS"])]
