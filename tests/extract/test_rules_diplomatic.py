"""Forms of stance common in diplomatic speeches, on hand-built parses: light verbs with stance nouns, calls,
causatives, prohibitions, readiness, gratitude, and nouns that wrap what they are about."""

from __future__ import annotations

from stancegraph.extract.rules import ActorRef
from support.parses import more_actors, parse, stances

from stancegraph.model import Stance

ZAF = ActorRef("ZAF", "South Africa")


def test_solidarity_reiterated_with_coordinated_addressees():
    # "We reiterate our solidarity with the Government and people of Cuba" (the parser hangs "with" on the verb)
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("reiterate", 1, "ROOT", "VERB", "reiterate", "VBP"),
        ("our", 3, "poss", "PRON", "our"),
        ("solidarity", 1, "dobj", "NOUN", "solidarity"),
        ("with", 1, "prep", "ADP", "with"),
        ("the", 6, "det", "DET", "the"),
        ("Government", 4, "pobj", "PROPN", "Government"),
        ("and", 6, "cc", "CCONJ", "and"),
        ("people", 6, "conj", "NOUN", "people"),
        ("of", 8, "prep", "ADP", "of"),
        ("Cuba", 9, "pobj", "PROPN", "Cuba"),
    ])
    assert stances(doc, ZAF) == [
        ("ZAF", Stance.SUPPORT, 1, "Government", []),
        ("ZAF", Stance.SUPPORT, 1, "people of Cuba", []),
    ]


def test_call_for_parsed_as_a_for_clause():
    # "My delegation calls for the application of the treaty to codify ...": "for" read as a clause marker
    doc = parse([
        ("My", 1, "poss", "PRON", "my"),
        ("delegation", 2, "nsubj", "NOUN", "delegation"),
        ("calls", 2, "ROOT", "VERB", "call"),
        ("for", 9, "mark", "SCONJ", "for"),
        ("the", 5, "det", "DET", "the"),
        ("application", 3, "pobj", "NOUN", "application"),
        ("of", 5, "prep", "ADP", "of"),
        ("the", 8, "det", "DET", "the"),
        ("treaty", 6, "pobj", "NOUN", "treaty"),
        ("codify", 2, "advcl", "VERB", "codify", "VB"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.DEMAND, 1, "application of the treaty", [])]


def test_a_wrapper_noun_keeps_what_it_is_about():
    # "We agree on the need to keep arms out"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("agree", 1, "ROOT", "VERB", "agree", "VBP"),
        ("on", 1, "prep", "ADP", "on"),
        ("the", 4, "det", "DET", "the"),
        ("need", 2, "pobj", "NOUN", "need"),
        ("to", 6, "aux", "PART", "to"),
        ("keep", 4, "acl", "VERB", "keep", "VB"),
        ("arms", 6, "dobj", "NOUN", "arm"),
        ("out", 6, "prt", "ADP", "out"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.SUPPORT, 1, "need to keep arms out", [])]


def test_making_an_actor_do_something_is_a_demand_made_of_it():
    # "We must make Iran abandon its programmes": not Iran's own rejection
    doc = parse([
        ("We", 2, "nsubj", "PRON", "we"),
        ("must", 2, "aux", "AUX", "must"),
        ("make", 2, "ROOT", "VERB", "make", "VB"),
        ("Iran", 4, "nsubj", "PROPN", "Iran"),
        ("abandon", 2, "ccomp", "VERB", "abandon", "VB"),
        ("its", 6, "poss", "PRON", "its"),
        ("programmes", 4, "dobj", "NOUN", "programme"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.DEMAND, -1, "programmes", ["IRN"])]


def test_no_intention_reaches_each_coordinated_action():
    # "We have no intention to use or threaten force"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("have", 1, "ROOT", "VERB", "have", "VBP"),
        ("no", 3, "det", "DET", "no"),
        ("intention", 1, "dobj", "NOUN", "intention"),
        ("to", 5, "aux", "PART", "to"),
        ("use", 3, "acl", "VERB", "use", "VB"),
        ("or", 5, "cc", "CCONJ", "or"),
        ("threaten", 5, "conj", "VERB", "threaten", "VB"),
        ("force", 7, "dobj", "NOUN", "force"),
    ])
    assert stances(doc, ZAF) == [
        ("ZAF", Stance.REJECT, -1, "use", []),
        ("ZAF", Stance.REJECT, -1, "threaten force", []),
    ]


def test_x_is_the_only_option_supports_x():
    # "Dialogue is the only option"
    doc = parse([
        ("Dialogue", 1, "nsubj", "NOUN", "dialogue"),
        ("is", 1, "ROOT", "AUX", "be"),
        ("the", 4, "det", "DET", "the"),
        ("only", 4, "amod", "ADJ", "only", "JJ"),
        ("option", 1, "attr", "NOUN", "option"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.SUPPORT, 1, "Dialogue", [])]
    assert stances(doc) == []  # nobody says it


def test_a_condemning_adjective_among_coordinated_ones():
    # "We regret the unilateral and illegal withdrawal of troops": the second adjective condemns
    doc = parse([
        ("It", 1, "nsubj", "PRON", "it"),
        ("continues", 1, "ROOT", "VERB", "continue"),
        ("the", 6, "det", "DET", "the"),
        ("unilateral", 6, "amod", "ADJ", "unilateral", "JJ"),
        ("and", 3, "cc", "CCONJ", "and"),
        ("illegal", 3, "conj", "ADJ", "illegal", "JJ"),
        ("withdrawal", 1, "dobj", "NOUN", "withdrawal"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.OPPOSE, -1, "unilateral withdrawal", [])]


def test_an_unjust_blockade_by_no_named_actor_is_still_opposed():
    # "The unjust blockade continues"
    doc = parse([
        ("The", 2, "det", "DET", "the"),
        ("unjust", 2, "amod", "ADJ", "unjust", "JJ"),
        ("blockade", 3, "nsubj", "NOUN", "blockade"),
        ("continues", 3, "ROOT", "VERB", "continue"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.OPPOSE, -1, "unjust blockade", [])]


def test_thanking_an_actor_for_its_rejection_gives_it_the_rejection():
    # "I thank the Assembly for its rejection of the embargo"
    doc = parse([
        ("I", 1, "nsubj", "PRON", "I"),
        ("thank", 1, "ROOT", "VERB", "thank", "VBP"),
        ("the", 3, "det", "DET", "the"),
        ("Assembly", 1, "dobj", "PROPN", "Assembly"),
        ("for", 1, "prep", "ADP", "for"),
        ("its", 6, "poss", "PRON", "its"),
        ("rejection", 4, "pobj", "NOUN", "rejection"),
        ("of", 6, "prep", "ADP", "of"),
        ("the", 9, "det", "DET", "the"),
        ("embargo", 7, "pobj", "NOUN", "embargo"),
    ])
    with more_actors(Assembly="UNGA"):
        assert ("UNGA", Stance.REJECT, -1, "embargo", []) in stances(doc, ZAF)


def test_never_seeking_something_rejects_it_and_saying_no_to_it_too():
    # "We will never seek hegemony"
    doc = parse([
        ("We", 3, "nsubj", "PRON", "we"),
        ("will", 3, "aux", "AUX", "will"),
        ("never", 3, "neg", "ADV", "never"),
        ("seek", 3, "ROOT", "VERB", "seek", "VB"),
        ("hegemony", 3, "dobj", "NOUN", "hegemony"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.REJECT, -1, "hegemony", [])]
    # "We say no to protectionism"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("say", 1, "ROOT", "VERB", "say", "VBP"),
        ("no", 1, "dobj", "DET", "no"),
        ("to", 1, "prep", "ADP", "to"),
        ("protectionism", 3, "pobj", "NOUN", "protectionism"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.REJECT, -1, "protectionism", [])]


def test_must_be_rejected_is_a_demand_against_it():
    # "Any politicization must be rejected"
    doc = parse([
        ("Any", 1, "det", "DET", "any"),
        ("politicization", 4, "nsubjpass", "NOUN", "politicization"),
        ("must", 4, "aux", "AUX", "must"),
        ("be", 4, "auxpass", "AUX", "be"),
        ("rejected", 4, "ROOT", "VERB", "reject", "VBN"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.DEMAND, -1, "politicization", [])]


def test_must_not_be_done_is_a_demand_against_doing_it():
    # "The river must not be monopolized"
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("river", 5, "nsubjpass", "NOUN", "river"),
        ("must", 5, "aux", "AUX", "must"),
        ("not", 5, "neg", "PART", "not"),
        ("be", 5, "auxpass", "AUX", "be"),
        ("monopolized", 5, "ROOT", "VERB", "monopolize", "VBN"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.DEMAND, -1, "river monopolized", [])]


def test_readiness_and_openness_are_stances_of_the_subject():
    # "Ethiopia stands ready to resolve the dispute" / "Ethiopia is open to initiatives"
    with more_actors(Ethiopia="ETH"):
        doc = parse([
            ("Ethiopia", 1, "nsubj", "PROPN", "Ethiopia"),
            ("stands", 1, "ROOT", "VERB", "stand"),
            ("ready", 1, "acomp", "ADJ", "ready", "JJ"),
            ("to", 4, "aux", "PART", "to"),
            ("resolve", 2, "xcomp", "VERB", "resolve", "VB"),
            ("the", 6, "det", "DET", "the"),
            ("dispute", 4, "dobj", "NOUN", "dispute"),
        ])
        assert stances(doc) == [("ETH", Stance.SUPPORT, 1, "resolve the dispute", [])]
        doc = parse([
            ("Ethiopia", 1, "nsubj", "PROPN", "Ethiopia"),
            ("is", 1, "ROOT", "AUX", "be"),
            ("open", 1, "acomp", "ADJ", "open", "JJ"),
            ("to", 2, "prep", "ADP", "to"),
            ("initiatives", 3, "pobj", "NOUN", "initiative"),
        ])
        assert stances(doc) == [("ETH", Stance.CONSIDER, 0, "initiatives", [])]


def test_my_administration_is_the_speaker_and_working_to_do_something_supports_it():
    # "My Administration works to revive the agreement" / "We work with partners"
    doc = parse([
        ("My", 1, "poss", "PRON", "my"),
        ("Administration", 2, "nsubj", "PROPN", "Administration"),
        ("works", 2, "ROOT", "VERB", "work"),
        ("to", 4, "aux", "PART", "to"),
        ("revive", 2, "xcomp", "VERB", "revive", "VB"),
        ("the", 6, "det", "DET", "the"),
        ("agreement", 4, "dobj", "NOUN", "agreement"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.SUPPORT, 1, "revive the agreement", [])]
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("work", 1, "ROOT", "VERB", "work", "VBP"),
        ("with", 1, "prep", "ADP", "with"),
        ("partners", 2, "pobj", "NOUN", "partner"),
    ])
    assert stances(doc, ZAF) == []


def test_invite_an_actor_to_act_is_a_demand_addressed_to_it():
    # "We invite Iran to return to the table"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("invite", 1, "ROOT", "VERB", "invite", "VBP"),
        ("Iran", 1, "dobj", "PROPN", "Iran"),
        ("to", 4, "aux", "PART", "to"),
        ("return", 1, "xcomp", "VERB", "return", "VB"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.DEMAND, 1, "return", ["IRN"])]


def test_the_wider_lexicon_table_is_well_formed_and_read():
    from importlib import resources

    from stancegraph.extract import lexicon

    table = (resources.files("stancegraph.extract") / "data" / "stance_lexicon.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in table.splitlines()[1:]]
    assert len(rows) > 200
    assert all(len(r) == 4 and r[0] == r[0].lower() and r[3] for r in rows)
    keys = [(r[0], r[1]) for r in rows]
    assert len(keys) == len(set(keys))
    assert lexicon.lookup("laud") is Stance.SUPPORT and lexicon.lookup("renege", "on") is Stance.REJECT
    assert lexicon.lookup("support") is Stance.SUPPORT  # the core entries stay as they are


def test_a_phrasal_entry_of_the_table_reads_its_prepositional_object():
    # "France rallied behind the plan"
    doc = parse([
        ("France", 1, "nsubj", "PROPN", "France"),
        ("rallied", 1, "ROOT", "VERB", "rally", "VBD"),
        ("behind", 1, "prep", "ADP", "behind"),
        ("the", 4, "det", "DET", "the"),
        ("plan", 2, "pobj", "NOUN", "plan"),
    ])
    with more_actors(France="FRA"):
        assert stances(doc) == [("FRA", Stance.SUPPORT, 1, "plan", [])]


def test_a_single_function_word_is_no_topic():
    # "Luxembourg regrets that": the parser left the clause elsewhere
    doc = parse([
        ("Luxembourg", 1, "nsubj", "PROPN", "Luxembourg"),
        ("regrets", 1, "ROOT", "VERB", "regret"),
        ("that", 1, "dobj", "SCONJ", "that"),
    ])
    with more_actors(Luxembourg="LUX"):
        assert stances(doc) == []


def test_a_hyphenated_actor_participle_is_the_actors_stance_on_the_noun():
    # "a US-backed shield" / "the Saudi-led coalition"
    def doc_of(actor, participle, lemma, noun):
        return parse([
            ("a", 4, "det", "DET", "a"),
            (actor, 3, "npadvmod", "PROPN", actor),
            ("-", 3, "punct", "PUNCT", "-"),
            (participle, 4, "amod", "VERB", lemma, "VBN"),
            (noun, 4, "ROOT", "NOUN", noun),
        ])

    with more_actors(US="USA", Saudi="SAU"):
        assert stances(doc_of("US", "backed", "back", "shield")) == [("USA", Stance.SUPPORT, 1, "US - backed shield", [])]
        assert stances(doc_of("Saudi", "led", "lead", "coalition")) == [
            ("SAU", Stance.SUPPORT, 1, "Saudi - led coalition", [])
        ]
        assert stances(doc_of("Saudi", "seen", "see", "coalition")) == []


def test_according_to_an_actor_makes_it_the_one_who_says_so_and_a_news_agency_nobody():
    # "According to Moscow, the shield is illegal" / "According to Reuters, the shield is illegal"
    def doc_of(source):
        return parse([
            ("According", 5, "prep", "VERB", "accord", "VBG"),
            ("to", 0, "prep", "ADP", "to"),
            (source, 1, "pobj", "PROPN", source),
            ("the", 4, "det", "DET", "the"),
            ("shield", 5, "nsubj", "NOUN", "shield"),
            ("is", 5, "ROOT", "AUX", "be"),
            ("illegal", 5, "acomp", "ADJ", "illegal", "JJ"),
        ])

    assert stances(doc_of("Moscow"), ZAF) == [("RUS", Stance.OPPOSE, -1, "shield", [])]
    assert stances(doc_of("Reuters"), ZAF) == []


def test_there_is_no_justification_for_x_opposes_x_and_no_alternative_to_y_supports_y():
    def doc_of(noun, prep, what):
        return parse([
            ("There", 1, "expl", "PRON", "there"),
            ("is", 1, "ROOT", "AUX", "be"),
            ("no", 3, "det", "DET", "no"),
            (noun, 1, "attr", "NOUN", noun),
            (prep, 3, "prep", "ADP", prep),
            (what, 4, "pobj", "NOUN", what),
        ])

    assert stances(doc_of("justification", "for", "blockade"), ZAF) == [("ZAF", Stance.OPPOSE, -1, "blockade", [])]
    assert stances(doc_of("alternative", "to", "dialogue"), ZAF) == [("ZAF", Stance.SUPPORT, 1, "dialogue", [])]
    assert stances(doc_of("news", "for", "blockade"), ZAF) == []


def test_saying_no_to_a_thing_named_is_rejecting_it():
    # "We say no new coal mines"
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("say", 1, "ROOT", "VERB", "say", "VBP"),
        ("no", 4, "det", "DET", "no"),
        ("new", 4, "amod", "ADJ", "new", "JJ"),
        ("mines", 1, "dobj", "NOUN", "mine"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.REJECT, -1, "new mines", [])]


def test_supporting_a_call_to_do_something_is_a_stance_on_doing_it():
    # "We support the call to reform the Council", with "to reform" on the noun or hung on the verb
    def doc_of(head, dep):
        return parse([
            ("We", 1, "nsubj", "PRON", "we"),
            ("support", 1, "ROOT", "VERB", "support", "VBP"),
            ("the", 3, "det", "DET", "the"),
            ("call", 1, "dobj", "NOUN", "call"),
            ("to", 5, "aux", "PART", "to"),
            ("reform", head, dep, "VERB", "reform", "VB"),
            ("the", 7, "det", "DET", "the"),
            ("Council", 5, "dobj", "PROPN", "Council"),
        ])

    assert ("ZAF", Stance.SUPPORT, 1, "reform the Council", []) in stances(doc_of(3, "acl"), ZAF)
    assert ("ZAF", Stance.SUPPORT, 1, "reform the Council", []) in stances(doc_of(1, "advcl"), ZAF)


def test_x_must_reject_y_is_the_speakers_demand_not_xs_rejection():
    # "Moscow must reject these actions" / "We must support the authorities"
    doc = parse([
        ("Moscow", 2, "nsubj", "PROPN", "Moscow"),
        ("must", 2, "aux", "AUX", "must"),
        ("reject", 2, "ROOT", "VERB", "reject", "VB"),
        ("these", 4, "det", "DET", "these"),
        ("actions", 2, "dobj", "NOUN", "action"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.DEMAND, -1, "actions", ["RUS"])]
    assert stances(doc) == []  # nobody to demand it: not Moscow's own rejection either
    doc = parse([
        ("We", 2, "nsubj", "PRON", "we"),
        ("must", 2, "aux", "AUX", "must"),
        ("support", 2, "ROOT", "VERB", "support", "VB"),
        ("the", 4, "det", "DET", "the"),
        ("authorities", 2, "dobj", "NOUN", "authority"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.SUPPORT, 1, "authorities", [])]


def test_a_hedge_is_recorded():
    # "Moscow may consider a strike"
    from stancegraph.extract.rules import find_stances

    doc = parse([
        ("Moscow", 2, "nsubj", "PROPN", "Moscow"),
        ("may", 2, "aux", "AUX", "may"),
        ("consider", 2, "ROOT", "VERB", "consider", "VB"),
        ("a", 4, "det", "DET", "a"),
        ("strike", 2, "dobj", "NOUN", "strike"),
    ])
    [finding] = find_stances(doc[:], lambda tok: ActorRef("RUS", "Moscow") if tok.text == "Moscow" else None)
    assert (finding.stance, finding.hedged, finding.negated) == (Stance.CONSIDER, True, False)


def test_coordinated_passive_agents_are_two_actors():
    # "The draft was jointly proposed by China and Brazil"
    doc = parse([
        ("The", 1, "det", "DET", "the"),
        ("draft", 4, "nsubjpass", "NOUN", "draft"),
        ("was", 4, "auxpass", "AUX", "be"),
        ("jointly", 4, "advmod", "ADV", "jointly"),
        ("proposed", 4, "ROOT", "VERB", "propose", "VBN"),
        ("by", 4, "agent", "ADP", "by"),
        ("China", 5, "pobj", "PROPN", "China"),
        ("and", 6, "cc", "CCONJ", "and"),
        ("Brazil", 6, "conj", "PROPN", "Brazil"),
    ])
    with more_actors(China="CHN", Brazil="BRA"):
        assert stances(doc) == [("CHN", Stance.PROPOSE, 1, "draft", []), ("BRA", Stance.PROPOSE, 1, "draft", [])]


def test_a_day_named_in_a_demand_is_never_its_topic():
    # "Russia demanded on Thursday that NATO halt the deployment"
    doc = parse([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("demanded", 1, "ROOT", "VERB", "demand", "VBD"),
        ("on", 1, "prep", "ADP", "on"),
        ("Thursday", 2, "pobj", "PROPN", "Thursday"),
        ("that", 6, "mark", "SCONJ", "that"),
        ("NATO", 6, "nsubj", "PROPN", "NATO"),
        ("halt", 1, "ccomp", "VERB", "halt", "VB"),
        ("the", 8, "det", "DET", "the"),
        ("deployment", 6, "dobj", "NOUN", "deployment"),
    ])
    found = stances(doc)
    assert found and all("Thursday" not in topic for _, _, _, topic, _ in found)
    assert ("RUS", Stance.DEMAND, -1, "deployment", ["NATO"]) in found  # the addressee is a target


def test_a_negated_clause_under_an_evaluation_turns_the_polarity_and_a_time_phrase_is_skipped():
    # "It is essential that we do not overlook people"
    doc = parse([
        ("It", 1, "nsubj", "PRON", "it"),
        ("is", 1, "ROOT", "AUX", "be"),
        ("essential", 1, "acomp", "ADJ", "essential", "JJ"),
        ("that", 7, "mark", "SCONJ", "that"),
        ("we", 7, "nsubj", "PRON", "we"),
        ("do", 7, "aux", "AUX", "do"),
        ("not", 7, "neg", "PART", "not"),
        ("overlook", 1, "ccomp", "VERB", "overlook", "VB"),
        ("people", 7, "dobj", "NOUN", "people"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.SUPPORT, -1, "overlook people", [])]
    # "We fight for years against terrorism": the first "for" says when
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("fight", 1, "ROOT", "VERB", "fight", "VBP"),
        ("for", 1, "prep", "ADP", "for"),
        ("years", 2, "pobj", "NOUN", "year"),
        ("against", 1, "prep", "ADP", "against"),
        ("terrorism", 4, "pobj", "NOUN", "terrorism"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.OPPOSE, -1, "terrorism", [])]


def test_what_a_call_asks_of_its_addressee_is_not_the_addressees_own_stance():
    # "We urge Iran to reject terrorism": ZAF's demand, not Iran's rejection
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("urge", 1, "ROOT", "VERB", "urge", "VBP"),
        ("Iran", 1, "dobj", "PROPN", "Iran"),
        ("to", 4, "aux", "PART", "to"),
        ("reject", 1, "xcomp", "VERB", "reject", "VB"),
        ("terrorism", 4, "dobj", "NOUN", "terrorism"),
    ])
    assert stances(doc, ZAF) == [("ZAF", Stance.DEMAND, 1, "reject terrorism", ["IRN"])]


def test_as_opposed_to_is_a_contrast():
    doc = parse([
        ("We", 1, "nsubj", "PRON", "we"),
        ("walk", 1, "ROOT", "VERB", "walk", "VBP"),
        ("as", 3, "advmod", "ADV", "as"),
        ("opposed", 1, "advcl", "VERB", "oppose", "VBN"),
        ("to", 3, "prep", "ADP", "to"),
        ("planes", 4, "pobj", "NOUN", "plane"),
    ])
    assert stances(doc, ZAF) == []
