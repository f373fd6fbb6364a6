"""Topic concepts across the store: phrases grouped by form, a codebook that comes first, statements and direct
edges pointed at their concept, and concepts kept up to date as documents come and go."""

from __future__ import annotations

import doctest

import pytest

from stancegraph.codebook import CodebookEntry
from stancegraph.graph.readwrite import concepts as concepts_module
from stancegraph.graph.readwrite.concepts import (
    PhraseUse,
    concepts_stale,
    group_phrases,
    refresh_concepts,
    stored_codebook,
    store_codebook,
)
from stancegraph.graph.readwrite.rows import stance_rows
from stancegraph.graph.readwrite.writer import remove_document, write_document
from stancegraph.graph.sparql.run import run_query
from stancegraph.graph.store import open_store
from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic


def test_the_doctests_pass():
    assert doctest.testmod(concepts_module).failed == 0


def uses(*pairs: tuple[str, str]) -> list[PhraseUse]:
    return [PhraseUse(f"s{i}", f"g{i}", phrase, actor, "oppose", "t") for i, (phrase, actor) in enumerate(pairs)]


@pytest.mark.parametrize(
    "variants",
    [
        ["Security Council reform", "the reform of the Security Council", "genuine Security Council reforms"],
        ["nuclear disarmament", "Nuclear Disarmament", "complete nuclear disarmament"],
        ["the two-State solution", "two-State solution", "a two State solution"],
        ["climate change", "the climate change", "urgent climate change"],
    ],
)
def test_the_same_content_words_in_any_order_case_or_number_are_one_concept(variants):
    label_of, concepts = group_phrases(uses(*((v, a) for v, a in zip(variants, ("A", "B", "C")))))
    assert len({label_of[v] for v in variants}) == 1
    assert len(concepts) == 1


def test_the_label_is_the_most_common_form_then_the_plainest():
    label_of, _ = group_phrases(uses(("genuine multilateralism", "A"), ("multilateralism", "B"),
                                     ("effective multilateralism", "C"), ("effective multilateralism", "D")))
    assert label_of["multilateralism"] == "effective multilateralism"
    label_of, _ = group_phrases(uses(("genuine multilateralism", "A"), ("multilateralism", "B")))
    assert label_of["genuine multilateralism"] == "multilateralism"


@pytest.mark.parametrize(
    "name, acronym",
    [("Joint Comprehensive Plan of Action", "JCPOA"), ("Sustainable Development Goals", "SDGs".rstrip("s")),
     ("Non-Aligned Movement", "NAM")],
)
def test_an_acronym_joins_the_name_it_abbreviates(name, acronym):
    label_of, _ = group_phrases(uses((name, "A"), (name, "B"), (acronym, "C")))
    assert label_of[acronym] == name


def test_an_acronym_that_fits_two_names_stays_apart():
    label_of, _ = group_phrases(uses(("Peace Agreement", "A"), ("Paris Agreement", "B"), ("PA", "C")))
    assert label_of["PA"] == "PA"


def test_a_rare_narrower_form_is_folded_into_its_common_broader_concept():
    common = [("missile defence system", a) for a in ("RUS", "CHN", "IRN")]
    label_of, concepts = group_phrases(uses(*common, ("European missile defence systems", "RUS")))
    assert label_of["European missile defence systems"] == "missile defence system"
    assert concepts["missile defence system"].phrases["European missile defence systems"] == 1


def test_a_common_narrower_form_stays_a_concept_under_its_broader_one():
    pairs = [("missile defence system", a) for a in ("RUS", "CHN", "IRN")]
    pairs += [("European missile defence system", a) for a in ("FRA", "DEU", "POL")]
    label_of, concepts = group_phrases(uses(*pairs))
    assert label_of["European missile defence system"] == "European missile defence system"
    assert concepts["European missile defence system"].broader == "missile defence system"


def test_a_narrower_form_is_never_folded_into_a_generic_head():
    pairs = [("efforts", a) for a in ("A", "B", "C")] + [("peacebuilding efforts", "D")]
    label_of, concepts = group_phrases(uses(*pairs))
    assert label_of["peacebuilding efforts"] == "peacebuilding efforts"
    assert concepts["efforts"].generic and not concepts["peacebuilding efforts"].generic


def test_a_different_head_is_no_narrower_form():
    pairs = [("nuclear weapons", a) for a in ("A", "B", "C")] + [("nuclear weapons test", "D")]
    label_of, _ = group_phrases(uses(*pairs))
    assert label_of["nuclear weapons test"] == "nuclear weapons test"


def test_the_codebook_comes_first_by_name_by_content_words_and_by_narrower_form():
    book = [CodebookEntry("ABM shield", ("missile defence system",)), CodebookEntry("world", exclude=True)]
    label_of, concepts = group_phrases(
        uses(("missile defence system", "A"), ("the missile defence systems", "B"),
             ("European missile defence system", "C"), ("ABM Shield", "D"), ("the world", "E")),
        book,
    )
    assert {label_of[p] for p in ("missile defence system", "the missile defence systems",
                                  "European missile defence system", "ABM Shield")} == {"ABM shield"}
    assert label_of["the world"] == "world" and concepts["world"].excluded
    assert concepts["ABM shield"].coded


def test_a_codebook_label_no_statement_uses_is_still_a_concept():
    _, concepts = group_phrases(uses(("peace", "A")), [CodebookEntry("disarmament", ("arms control",))])
    assert concepts["disarmament"].statements == 0 and concepts["disarmament"].coded


# --------------------------------------------------------------------------------------------- in a store

TEXT = "Russia opposes the shield. China opposes the shields. Iran opposes it. France backs the plan."


def triple(doc: str, actor: str, stance: Stance, phrase: str, start: int) -> StanceTriple:
    return StanceTriple(
        Actor(actor, actor, "state"), stance, Topic(phrase, phrase), Evidence(doc, TEXT[start : start + 10], start, start + 10)
    )


def write(store, doc: str, *triples: StanceTriple) -> None:
    write_document(store, Document(doc, TEXT), list(triples), extractor="x", pipeline="p")


@pytest.fixture
def store():
    with open_store(None) as opened:
        write(opened, "d1", triple("d1", "RUS", Stance.OPPOSE, "missile shield", 0),
              triple("d1", "FRA", Stance.SUPPORT, "missile shields", 27))
        write(opened, "d2", triple("d2", "CHN", Stance.OPPOSE, "the missile shield", 0),
              triple("d2", "IRN", Stance.OPPOSE, "European missile shield", 27))
        yield opened


def count(store, query: str) -> int:
    return int(run_query(store, query).rows[0]["n"].toPython())


def test_refresh_points_statements_and_direct_edges_at_their_concept(store):
    concepts, changes = refresh_concepts(store)
    assert set(concepts) == {"missile shield"}
    rows = list(stance_rows(store))
    assert {(r.topic, r.topic_id) for r in rows} == {("missile shield", "missile-shield")}
    assert {r.topic_text for r in rows} == {"missile shield", "missile shields", "the missile shield",
                                            "European missile shield"}
    assert {(c.phrase, c.after) for c in changes} == {
        ("missile shields", "missile shield"), ("the missile shield", "missile shield"),
        ("European missile shield", "missile shield")}
    edges = run_query(store, "SELECT ?a ?p ?t WHERE { GRAPH ?g { ?a ?p ?t } ?p rdfs:subPropertyOf sg:takesStanceOn }")
    assert {str(r["t"]).rsplit("/", 1)[1] for r in edges.rows} == {"missile-shield"}
    assert len(edges.rows) == 4  # one per actor and stance, in its document's graph


def test_a_concept_is_described_once_so_counting_by_label_counts_statements(store):
    refresh_concepts(store)
    assert count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s sg:topic ?t . ?t skos:prefLabel ?l }") == 4
    alt = run_query(store, 'SELECT ?alt WHERE { ?t skos:prefLabel "missile shield" ; skos:altLabel ?alt }')
    assert {str(r["alt"]) for r in alt.rows} == {"missile shields", "the missile shield", "European missile shield"}


def test_refreshing_again_changes_nothing(store):
    refresh_concepts(store)
    size = len(store)
    _, changes = refresh_concepts(store)
    assert changes == [] and len(store) == size


def test_removing_documents_groups_what_is_left_and_empties_the_concepts_at_the_end(store):
    refresh_concepts(store)
    remove_document(store, "d1")
    assert {r.topic for r in stance_rows(store)} == {"missile shield"}
    remove_document(store, "d2")
    assert count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/stancegraph/graph/concepts> { ?s ?p ?o } }") == 0


def test_a_stored_codebook_is_followed_by_later_refreshes(store):
    book = [CodebookEntry("ABM shield", ("missile shield",), broader="missile defence"), CodebookEntry("plan", exclude=True)]
    store_codebook(store, book)
    assert stored_codebook(store) == book
    refresh_concepts(store)
    write(store, "d3", triple("d3", "USA", Stance.SUPPORT, "missile shield", 0))
    concepts, _ = refresh_concepts(store)
    assert {r.topic for r in stance_rows(store)} == {"ABM shield"}
    assert concepts["ABM shield"].broader == "missile defence" and "missile defence" in concepts
    assert count(store, 'SELECT (COUNT(*) AS ?n) WHERE { ?t skos:prefLabel "ABM shield" ; skos:broader ?b . ?b skos:prefLabel "missile defence" }') == 1


def test_a_codebook_round_trips_through_the_store(store):
    book = [CodebookEntry("ABM shield", ("missile shield", "shield"), broader="missile defence", exclude=False),
            CodebookEntry("missile defence"), CodebookEntry("plan", exclude=True)]
    store_codebook(store, book)
    assert stored_codebook(store) == sorted(book, key=lambda e: e.label)


def test_a_network_leaves_out_generic_and_excluded_topics_unless_asked(store):
    from stancegraph.graph.networks import build_network
    from stancegraph.graph.sparql.filters import Filters

    write(store, "d3", triple("d3", "USA", Stance.SUPPORT, "our efforts", 0))
    refresh_concepts(store)

    def topics(**kw) -> set[str]:
        g = build_network(store, "stance", filters=Filters(**kw))
        return {d.get("label") for _, d in g.nodes(data=True) if d.get("kind") == "topic"}

    assert topics() == {"missile shield"}
    assert topics(all_topics=True) == {"missile shield", "our efforts"}
    assert topics(topics=("our efforts",)) == {"our efforts"}
    assert len(list(stance_rows(store))) == 5  # the table keeps every stance


def test_a_written_document_describes_its_new_phrases_and_keeps_the_concepts_it_finds(store):
    assert concepts_stale(store)
    refresh_concepts(store)
    assert not concepts_stale(store)
    label = 'SELECT ?l WHERE { GRAPH <https://w3id.org/stancegraph/graph/concepts> { <%s> skos:prefLabel ?l } }'
    # a phrase the store has not seen is a concept of its own until the concepts are made again
    write(store, "d3", triple("d3", "USA", Stance.SUPPORT, "arms control", 0))
    rows = run_query(store, label % "https://w3id.org/stancegraph/id/topic/arms-control").rows
    assert [str(r["l"]) for r in rows] == ["arms control"]
    assert concepts_stale(store)  # not grouped yet: the next extraction groups it even if it writes nothing
    assert {r.topic for r in stance_rows(store) if r.doc == "d3"} == {"arms control"}
    # one whose concept exists keeps the concept's one label
    write(store, "d4", triple("d4", "USA", Stance.SUPPORT, "Missile Shield", 0))
    rows = run_query(store, label % "https://w3id.org/stancegraph/id/topic/missile-shield").rows
    assert [str(r["l"]) for r in rows] == ["missile shield"]


def test_a_generic_head_joins_the_concept_of_its_complement_and_never_labels_it():
    label_of, _ = group_phrases(uses(("Paris Agreement", "A"), ("the implementation of the Paris Agreement", "B"),
                                     ("the implementation of the Paris Agreement", "C"), ("efforts", "D")))
    assert label_of["the implementation of the Paris Agreement"] == "Paris Agreement"
    assert label_of["efforts"] == "efforts"


@pytest.mark.parametrize(
    "reversed_, issue",
    [("violate international law", "international law"), ("violations of international law", "international law"),
     ("undermining territorial integrity", "territorial integrity"), ("an end to the occupation", "occupation"),
     ("combating illicit trade", "illicit trade"), ("threats to peace", "peace")],
)
def test_a_word_that_reverses_the_issue_is_never_folded_away(reversed_, issue):
    pairs = [(issue, a) for a in ("A", "B", "C")] + [(reversed_, "D")]
    label_of, _ = group_phrases(uses(*pairs))
    assert label_of[reversed_] != label_of[issue]
    label_of, _ = group_phrases(uses((reversed_, "D")), [CodebookEntry(issue)])
    assert label_of[reversed_] != issue


def test_a_name_is_never_folded_into_a_common_noun_phrase():
    pairs = [("peace initiatives", a) for a in ("A", "B", "C")] + [("Arab Peace Initiative", "D")]
    label_of, _ = group_phrases(uses(*pairs))
    assert label_of["Arab Peace Initiative"] == "Arab Peace Initiative"


def held(phrase: str, *rare: str) -> list[PhraseUse]:
    """``phrase`` held by three actors, each of ``rare`` by one other."""
    return uses(*[(phrase, a) for a in ("A", "B", "C")], *[(r, f"R{i}") for i, r in enumerate(rare)])


@pytest.mark.parametrize(
    "rare, issue",
    [("respect for international law", "international law"), ("the menace of terrorism", "terrorism"),
     ("discussions on climate change", "climate change"), ("Venezuelan aggression", "aggression"),
     ("the brotherly Syrian people", "Syrian people"), ("a culture of transparency", "transparency")],
)
def test_a_rare_form_joins_a_common_concept_that_is_its_head_or_its_complement(rare, issue):
    label_of, concepts = group_phrases(held(issue, rare))
    assert label_of[rare] == issue
    assert concepts[issue].phrases[rare] == 1


@pytest.mark.parametrize(
    "rare, issue",
    [("a nuclear weapons test", "nuclear weapons"),  # a modifier's issue
     ("the Somali security forces", "security"),
     ("an association agreement with the European Union", "European Union"),  # what a name has
     ("the United Nations target of development assistance", "United Nations"),
     ("the peacekeeping engagement with the UN", "UN"),
     ("Arab Peace Initiative", "peace"),  # a name of its own
     ("an end to the economic blockade", "economic blockade"),  # a word that reverses the issue
     ("support to peacekeeping operations", "United Nations support"),  # its complement is not a modifier
     ("the transition to a low-carbon economy", "economy")],  # a part of its complement
)
def test_a_rare_form_stays_apart_from_a_concept_that_is_only_a_part_of_it(rare, issue):
    label_of, concepts = group_phrases(held(issue, rare))
    assert label_of[rare] != label_of[issue]
    assert rare not in concepts[label_of[issue]].phrases


@pytest.mark.parametrize(
    "forms",
    [["eradicate poverty", "eradicating poverty", "the eradication of poverty"],
     ["protection of civilians", "protecting civilians", "protect civilians"],
     ["annexation of Crimea", "annex Crimea"]],
)
def test_a_verb_and_its_ing_and_ion_forms_are_one_issue(forms):
    label_of, concepts = group_phrases(uses(*((f, a) for f, a in zip(forms, "ABC"))))
    assert len({label_of[f] for f in forms}) == 1


@pytest.mark.parametrize("pair", [("faction leaders", "fact leaders"), ("the question of Palestine", "quest of Palestine"),
                                  ("formation of a government", "form of a government")])
def test_a_noun_is_not_cut_to_a_shorter_word_that_is_no_verb_of_it(pair):
    label_of, _ = group_phrases(uses((pair[0], "A"), (pair[1], "B")))
    assert label_of[pair[0]] != label_of[pair[1]]


def test_words_extraction_read_as_no_issue_make_a_generic_concept_when_most_uses_say_so():
    def use(i: int, phrase: str, generic: bool) -> PhraseUse:
        return PhraseUse(f"s{i}", "g", phrase, f"A{i}", "support", "t", generic=generic)

    _, concepts = group_phrases([use(0, "continue", True), use(1, "continue", True), use(2, "continuing", False)])
    assert concepts["continue"].generic
    _, concepts = group_phrases([use(0, "relief", True), use(1, "relief", False), use(2, "reliefs", False)])
    assert not concepts["relief"].generic
    # a codebook's label is the researcher's: never generic for the flags
    _, concepts = group_phrases([use(0, "continue", True)], [CodebookEntry("continue")])
    assert not concepts["continue"].generic


def test_the_flag_of_no_issue_is_stored_and_read_back():
    with open_store(None) as opened:
        t = StanceTriple(Actor("RUS", "Russia", "state"), Stance.SUPPORT, Topic("continue", "continue", issue=False),
                         Evidence("d1", TEXT[:10], 0, 10))
        write(opened, "d1", t, triple("d1", "FRA", Stance.SUPPORT, "missile shield", 27))
        concepts, _ = refresh_concepts(opened)
        assert concepts["continue"].generic and not concepts["missile shield"].generic
        assert count(opened, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s sg:topicGeneric true } }") == 1
        assert count(opened, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?c { ?t sg:generic true ; skos:prefLabel 'continue' } }") == 1
