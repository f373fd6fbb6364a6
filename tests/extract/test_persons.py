"""Officials resolved from the text, later mentions and pronouns, and who utters a quote (hand-built parses)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc
from stancegraph.extract.persons import resolve_speakers

VOCAB = spacy.blank("en").vocab


def build(rows, ents):
    words = [r[0] for r in rows]
    return Doc(
        VOCAB,
        words=words,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        ents=ents,
        sent_starts=[r[5] if len(r) > 5 else None for r in rows],
    )


def actor_ids(mapping):
    return lambda i: mapping.get(i)


def test_title_and_organisation_before_the_name_give_the_affiliation_and_role():
    # NATO Secretary General Anders Rasmussen spoke . Rasmussen added " we reject it " .
    rows = [
        ("NATO", 4, "compound", "PROPN", "NATO", True),
        ("Secretary", 4, "compound", "PROPN", "Secretary"),
        ("General", 4, "compound", "PROPN", "General"),
        ("Anders", 4, "compound", "PROPN", "Anders"),
        ("Rasmussen", 5, "nsubj", "PROPN", "Rasmussen"),
        ("spoke", 5, "ROOT", "VERB", "speak"),
        (".", 5, "punct", "PUNCT", "."),
        ("Rasmussen", 8, "nsubj", "PROPN", "Rasmussen", True),
        ("added", 8, "ROOT", "VERB", "add"),
        ('"', 11, "punct", "PUNCT", '"'),
        ("we", 11, "nsubj", "PRON", "we"),
        ("reject", 8, "ccomp", "VERB", "reject"),
        ("it", 11, "dobj", "PRON", "it"),
        ('"', 8, "punct", "PUNCT", '"'),
        (".", 8, "punct", "PUNCT", "."),
    ]
    ents = ["B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON"] + ["O"] * 7
    doc = build(rows, ents)
    speakers = resolve_speakers(doc, actor_ids({0: "NATO"}))
    [person] = speakers.persons
    assert (person.name, person.affiliation, person.role) == ("Anders Rasmussen", "NATO", "Secretary General")
    assert speakers.mention_of[7] is person  # the later surname
    assert speakers.utterer_of[10] is person  # "we" inside the quote he added
    assert 8 not in speakers.utterer_of  # the reporting verb itself is outside


def test_pronoun_refers_to_the_last_person_and_a_name_used_as_modifier_is_no_person():
    # US envoy Ellen Tauscher spoke . He continued . Iskander missiles were deployed .
    rows = [
        ("US", 3, "compound", "PROPN", "US", True),
        ("envoy", 3, "compound", "NOUN", "envoy"),
        ("Ellen", 3, "compound", "PROPN", "Ellen"),
        ("Tauscher", 4, "nsubj", "PROPN", "Tauscher"),
        ("spoke", 4, "ROOT", "VERB", "speak"),
        ("She", 6, "nsubj", "PRON", "she", True),
        ("continued", 6, "ROOT", "VERB", "continue"),
        ("Iskander", 8, "compound", "PROPN", "Iskander", True),
        ("missiles", 10, "nsubjpass", "NOUN", "missile"),
        ("were", 10, "auxpass", "AUX", "be"),
        ("deployed", 10, "ROOT", "VERB", "deploy"),
    ]
    ents = ["B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O"]
    doc = build(rows, ents)
    speakers = resolve_speakers(doc, actor_ids({0: "USA"}))
    assert [(p.name, p.affiliation, p.role) for p in speakers.persons] == [("Ellen Tauscher", "USA", "envoy")]
    assert speakers.mention_of[5].name == "Ellen Tauscher"
    assert 7 not in speakers.mention_of


def test_a_name_without_title_or_actor_has_no_affiliation():
    rows = [
        ("Jane", 1, "compound", "PROPN", "Jane", True),
        ("Doe", 2, "nsubj", "PROPN", "Doe"),
        ("spoke", 2, "ROOT", "VERB", "speak"),
    ]
    speakers = resolve_speakers(build(rows, ["B-PERSON", "I-PERSON", "O"]), actor_ids({}))
    assert [(p.name, p.affiliation) for p in speakers.persons] == [("Jane Doe", None)]


def test_an_official_named_by_role_alone_is_the_next_full_name():
    # Russia 's chief-of-staff spoke . Nikolay Makarov said " no " . / and no binding for a later single name
    rows = [
        ("Russia", 2, "poss", "PROPN", "Russia", True),
        ("'s", 0, "case", "PART", "'s"),
        ("chief", 3, "nsubj", "NOUN", "chief"),
        ("spoke", 3, "ROOT", "VERB", "speak"),
        (".", 3, "punct", "PUNCT", "."),
        ("Nikolay", 6, "compound", "PROPN", "Nikolay", True),
        ("Makarov", 7, "nsubj", "PROPN", "Makarov"),
        ("said", 7, "ROOT", "VERB", "say"),
        ("no", 7, "dobj", "INTJ", "no"),
        (".", 7, "punct", "PUNCT", "."),
    ]
    ents = ["B-GPE", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    speakers = resolve_speakers(build(rows, ents), actor_ids({0: "RUS"}))
    [person] = speakers.persons
    assert (person.name, person.affiliation, person.role) == ("Nikolay Makarov", "RUS", "chief")
    # without the role mention before it, the name speaks for nobody known
    speakers = resolve_speakers(build(rows, ents), actor_ids({}))
    assert speakers.persons[0].affiliation is None
