"""Clean-up of web and PDF text, and the map from cleaned offsets back to the original."""

from __future__ import annotations

import random
import re

import pytest

from stancegraph.extract.cleanup import CleanText, clean_text
from support import SEEDS

SEED = SEEDS / "000_1343e8bf4947fd03.txt"

TYPOGRAPHIC_QUOTES = str.maketrans(
    {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032"} | {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}
)


def evidence(cleaned: CleanText, start: int, end: int) -> str:
    a, b = cleaned.original_span(start, end)
    return cleaned.original[a:b]


def span_of(cleaned: CleanText, needle: str) -> tuple[int, int]:
    start = cleaned.text.index(needle)
    return start, start + len(needle)


# --- characters -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("quote", ["\u2018", "\u2019", "\u201a", "\u201b", "\u2032"])
def test_typographic_single_quotes_become_apostrophes(quote):
    assert clean_text(f"a {quote}b c").text == "a 'b c"


@pytest.mark.parametrize("quote", ["\u201c", "\u201d", "\u201e", "\u201f", "\u2033", "\u00ab", "\u00bb"])
def test_typographic_double_quotes_become_ascii(quote):
    assert clean_text(f"a {quote}b c").text == 'a "b c'


def test_replaced_quotes_keep_one_to_one_offsets():
    cleaned = clean_text("NATO\u2019s chief called it \u2018unjustified\u2019 today")
    assert cleaned.text == "NATO's chief called it 'unjustified' today"
    assert len(cleaned.text) == len(cleaned.original)
    assert evidence(cleaned, *span_of(cleaned, "'unjustified'")) == "\u2018unjustified\u2019"


def test_closing_quote_glued_to_next_word_gets_a_space():
    cleaned = clean_text("to attack Russia,\u201dReuters quotes him")
    assert cleaned.text == 'to attack Russia," Reuters quotes him'


def test_closing_single_quote_after_punctuation_gets_a_space():
    assert clean_text("it was \u2018no,\u2019Lavrov said").text == "it was 'no,' Lavrov said"


def test_apostrophe_between_letters_gets_no_space():
    assert clean_text("Russia\u2019s and NATO\u2019s").text == "Russia's and NATO's"


def test_opening_quote_before_a_word_gets_no_space():
    assert clean_text("he said \u201cOur system\u201d here").text == 'he said "Our system" here'


def test_ascii_quotes_are_not_guessed_at():
    assert clean_text('Russia,"Reuters and "a"b').text == 'Russia,"Reuters and "a"b'


def test_inserted_space_maps_to_an_empty_span_before_the_next_word():
    cleaned = clean_text("Russia,\u201dReuters said")
    space = cleaned.text.index(" ")
    assert cleaned.original_span(space, space + 1) == (8, 8)
    # a span ending with the inserted space does not take in the next original character
    assert evidence(cleaned, 0, space + 1) == "Russia,\u201d"
    assert evidence(cleaned, space, len(cleaned.text)) == "Reuters said"


@pytest.mark.parametrize("space", ["\u00a0", "\u2002", "\u2009", "\u202f", "\u3000", "\u1680"])
def test_unicode_spaces_become_spaces(space):
    cleaned = clean_text(f"missile{space}defence")
    assert cleaned.text == "missile defence"
    assert evidence(cleaned, 0, len(cleaned.text)) == f"missile{space}defence"


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x9d"])
def test_control_characters_become_spaces(control):
    assert clean_text(f"a{control}b").text == "a b"


def test_tabs_and_newlines_are_kept():
    assert clean_text("a\tbc.\nde").text == "a\tbc.\nde"


def test_invisible_characters_and_soft_hyphens_inside_words_are_dropped():
    cleaned = clean_text("deve\u00adlop\u200bment of \ufeffNATO")
    assert cleaned.text == "development of NATO"
    assert evidence(cleaned, 0, 11) == "deve\u00adlop\u200bment"


def test_windows_and_old_mac_line_endings():
    cleaned = clean_text("One.\r\nTwo.\rThree.")
    assert cleaned.text == "One.\nTwo.\nThree."
    newline = cleaned.text.index("\n")
    assert cleaned.original_span(newline, newline + 1) == (4, 6)
    assert evidence(cleaned, 0, 9) == "One.\r\nTwo."


def test_unicode_line_and_paragraph_separators():
    assert clean_text("One.\u2028Two.\u2029Three.").text == "One.\nTwo.\n\nThree."


# --- line breaks ------------------------------------------------------------------------------------------


def test_hard_line_break_inside_a_sentence_is_joined():
    assert clean_text("NATO rejected a joint\nmissile defense system.").text == (
        "NATO rejected a joint missile defense system."
    )


def test_spaces_around_a_joined_break_collapse_to_one():
    cleaned = clean_text("NATO rejected a joint  \n   missile defense system.")
    assert cleaned.text == "NATO rejected a joint missile defense system."
    assert evidence(cleaned, *span_of(cleaned, "joint missile")) == "joint  \n   missile"


@pytest.mark.parametrize("end", [".", "!", "?", ":", ";", '."', ".\u201d", "?'", ".)"])
def test_break_after_the_end_of_a_sentence_is_kept(end):
    assert clean_text(f"Moscow objected{end}\nNATO replied.").text == f"Moscow objected{end}\nNATO replied.".translate(
        TYPOGRAPHIC_QUOTES
    )


@pytest.mark.parametrize("item", ["- second", "* second", "\u2022 second", "2. second", "2) second", "(b) second"])
def test_break_before_a_list_item_is_kept(item):
    assert clean_text(f"the first point\n{item} point").text == f"the first point\n{item} point"


@pytest.mark.parametrize("heading", ["BACKGROUND AND CONTEXT", "2.1 Missile defence", "## Missile defence"])
def test_break_before_a_heading_is_kept(heading):
    text = f"the end of a paragraph without a full stop\n{heading}\nThe next paragraph starts here and runs on."
    assert clean_text(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "As underscored by the targets of that Goal, we should\n\"strengthen relevant national institutions\" "
        "through international cooperation, for building capacity at all levels.",
        "the commitment of at least\n0.7 per cent of their gross national income to official development assistance",
        "the Presidents of Djibouti and Eritrea met on\n17 September in Jeddah, under the auspices of the King.",
    ],
)
def test_short_first_line_ending_mid_sentence_is_joined(text):
    assert "\n" not in clean_text(text).text


def test_title_line_above_a_paragraph_is_kept():
    text = (
        "NATO chief calls Russian threat unjustified\n"
        "NATO's chief has called Russia's threat of a pre-emptive strike on European missile defense systems "
        "'unjustified'."
    )
    assert clean_text(text).text == text


@pytest.mark.parametrize("abbreviation", ["U.S.", "e.g.", "Gen."])
def test_an_abbreviation_before_a_lowercase_word_ends_no_sentence(abbreviation):
    assert clean_text(f"officials of the {abbreviation}\nsaid so.").text == f"officials of the {abbreviation} said so."


def test_hyphen_at_a_line_end_between_lowercase_letters_is_removed():
    cleaned = clean_text("the deve-\nlopment of a shield")
    assert cleaned.text == "the development of a shield"
    assert evidence(cleaned, *span_of(cleaned, "development")) == "deve-\nlopment"
    assert evidence(cleaned, *span_of(cleaned, "deve")) == "deve"
    assert evidence(cleaned, *span_of(cleaned, "lopment")) == "lopment"


def test_hyphen_of_a_compound_the_text_writes_with_a_hyphen_is_kept():
    text = "an anti-ballistic shield and anti-\nballistic missiles"
    assert clean_text(text).text == "an anti-ballistic shield and anti-ballistic missiles"


def test_hyphen_before_a_capital_is_kept_without_a_space():
    assert clean_text("the Franco-\nGerman talks").text == "the Franco-German talks"


def test_soft_hyphen_at_a_line_end_joins_the_word():
    assert clean_text("the deve\u00ad\nlopment of").text == "the development of"


def test_paragraph_breaks_become_one_blank_line():
    cleaned = clean_text("First paragraph.\n  \n\n\t\nSecond paragraph.\n\nThird")
    assert cleaned.text == "First paragraph.\n\nSecond paragraph.\n\nThird"
    assert evidence(cleaned, *span_of(cleaned, "Second paragraph.")) == "Second paragraph."


def test_no_join_across_a_paragraph_break():
    assert clean_text("a sentence that stops\n\nand another").text == "a sentence that stops\n\nand another"


PDF_PAGE = (
    "1.2 Missile defence\r\n"
    "The Alliance reaffirmed its commitment to the deve-\r\n"
    "lopment of a missile defence capability, and Russia\r\n"
    "objected to the \u201cshield\u201d. Moscow has long sought\u00a0legally-binding\r\n"
    "guarantees from Washington and NATO that the\r\n"
    "systems will not target Russia:\r\n"
    "- first, a pledge that wraps\r\n"
    "  onto a second line;\r\n"
    "- second, a treaty.\r\n"
    "\r\n"
    "\x0cThe talks con-\r\n"
    "tinued in Brussels.\r\n"
)


def test_pdf_page_is_cleaned_into_sentences():
    assert clean_text(PDF_PAGE).text == (
        "1.2 Missile defence\n"
        "The Alliance reaffirmed its commitment to the development of a missile defence capability, and Russia "
        'objected to the "shield". Moscow has long sought legally-binding guarantees from Washington and NATO '
        "that the systems will not target Russia:\n"
        "- first, a pledge that wraps onto a second line;\n"
        "- second, a treaty.\n\n"
        "The talks continued in Brussels.\n"
    )


def test_pdf_sentences_map_back_to_the_page():
    cleaned = clean_text(PDF_PAGE)
    expected = {
        "The Alliance reaffirmed its commitment to the development of a missile defence capability":
            "The Alliance reaffirmed its commitment to the deve-\r\nlopment of a missile defence capability",
        'and Russia objected to the "shield".': "and Russia\r\nobjected to the \u201cshield\u201d.",
        "Moscow has long sought legally-binding guarantees": (
            "Moscow has long sought\u00a0legally-binding\r\nguarantees"
        ),
        "The talks continued in Brussels.": "The talks con-\r\ntinued in Brussels.",
    }
    for sentence, original in expected.items():
        assert evidence(cleaned, *span_of(cleaned, sentence)) == original


# --- boilerplate ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Related posts:",
        "Related articles",
        "RELATED STORIES",
        "Views: 0",
        "1,024 views",
        "Share this:",
        "Like this:",
        "Like Loading...",
        "Tags: NATO, Russia, missile defence",
        "Categories: World",
        "Read more",
        "Read more: NATO rejects Russian proposal",
        "Advertisement",
        "Comments",
        "12 comments",
        "Leave a reply",
        "Print",
        "Email",
        "Facebook",
        "Click to share on Twitter (Opens in new window)",
        "\u00a9 2012 Autonomous Nonprofit Organization",
        "* * *",
    ],
)
def test_trailing_boilerplate_line_is_dropped(line):
    cleaned = clean_text(f"NATO rejected the proposal.\n{line}\n")
    assert cleaned.text == "NATO rejected the proposal."
    assert cleaned.original_span(0, len(cleaned.text)) == (0, 27)


def test_trailing_boilerplate_stops_at_the_first_real_line():
    text = "NATO rejected it.\nRelated posts:\nRussia objected to the shield.\nShare this:\n\nViews: 0\n"
    assert clean_text(text).text == "NATO rejected it.\nRelated posts:\nRussia objected to the shield."


def test_long_line_that_starts_like_boilerplate_is_text():
    line = "Comments made by the Russian military chief of staff " * 3
    assert clean_text(f"NATO rejected it.\n{line}").text.endswith(line)


def test_boilerplate_words_inside_sentences_are_kept():
    text = "Russia will print the treaty.\nMoscow will email NATO the comments"
    assert clean_text(text).text == text


def test_text_of_only_boilerplate_becomes_empty():
    cleaned = clean_text("Related posts:\nViews: 0")
    assert cleaned.text == ""
    assert cleaned.original_span(0, 0) == (0, 0)


# --- the seed article -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> CleanText:
    with open(SEED, encoding="utf-8", newline="") as handle:
        return clean_text(handle.read())


def test_seed_loses_its_boilerplate_and_typographic_quotes(seed):
    assert "Related posts" not in seed.text and "Views" not in seed.text
    assert seed.text.endswith('after we start cooperating."')
    assert not set(seed.text) & set("\u2018\u2019\u201c\u201d")
    assert 'to attack Russia," Reuters quotes him' in seed.text
    # it has one paragraph a line, each ending a sentence: no line is joined
    assert seed.text.count("\n") == seed.original.count("\n") - 2


def without_space_after_quotes(text: str) -> str:
    return re.sub(r'(?<=")\s', "", text)


def test_seed_sentences_map_back_to_the_article(seed):
    sentences = list(re.finditer(r"[^\s.!?][^.!?\n]*[.!?]+\"?", seed.text))
    assert len(sentences) >= 15
    for match in sentences:
        original = evidence(seed, *match.span())
        # the only differences are the quote characters and the space put after a glued closing quote
        assert without_space_after_quotes(original.translate(TYPOGRAPHIC_QUOTES)) == without_space_after_quotes(
            match.group()
        )


def test_seed_evidence_sentence_is_found_verbatim(seed):
    sentence = "However, last October NATO rejected a joint missile defense system proposed by the Kremlin"
    a, b = seed.original_span(*span_of(seed, sentence))
    assert seed.original[a:b] == sentence
    assert a == seed.original.index(sentence)
    whole = seed.original_span(0, len(seed.text))
    assert seed.original[whole[0] : whole[1]].endswith("start cooperating.\u201d")


# --- the guarantee ----------------------------------------------------------------------------------------

PIECES = [
    "abc", "Xyz", "kq", "Moscow", " ", " ", ".", ",", "-", ":", "\n", "\n", "\r\n", "\r", "\t", "\n\n",
    "\u2018", "\u2019", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2032", "\u2033",
    "\u00a0", "\u2009", "\u3000", "\x00", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
    "\u00ad", "\u200b", "\ufeff", "- ", "1. ", "ABCD", "\nViews: 0", "\nShare this:",
]
REMOVED = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff-]")


def normalise(text: str) -> str:
    """What no clean-up may change: text without whitespace, hyphens and quote styles."""
    return REMOVED.sub("", text.translate(TYPOGRAPHIC_QUOTES))


@pytest.mark.parametrize("seed_value", range(40))
def test_every_span_maps_to_the_original_it_came_from(seed_value):
    rng = random.Random(seed_value)
    original = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 80)))
    cleaned = clean_text(original)
    n = len(cleaned.text)
    previous = (0, 0)
    for start in range(n + 1):
        a, b = cleaned.original_span(start, start)
        assert 0 <= a == b <= len(original)
        assert a >= previous[0]
        previous = (a, b)
    for _ in range(200):
        start = rng.randint(0, n)
        end = rng.randint(start, n)
        a, b = cleaned.original_span(start, end)
        assert 0 <= a <= b <= len(original)
        assert normalise(original[a:b]) == normalise(cleaned.text[start:end])
        if end < n:
            assert cleaned.original_span(start, end + 1)[1] >= b
    # runs of letters are copied, never changed: they map to themselves (or across a joined hyphenation)
    for match in re.finditer(r"[A-Za-z]+", cleaned.text):
        a, b = cleaned.original_span(*match.span())
        assert re.sub(r"[\u00ad\u200b\ufeff]|-?\u00ad?[ \t]*(\r\n|[\r\n\x85\u2028])[ \t]*", "", original[a:b]) == (
            match.group()
        )
        for start in range(match.start(), match.end()):
            a, b = cleaned.original_span(start, start + 1)
            assert original[a:b] == cleaned.text[start]


def test_out_of_range_span_is_refused():
    cleaned = clean_text("abc")
    with pytest.raises(IndexError):
        cleaned.original_span(2, 4)
    with pytest.raises(IndexError):
        cleaned.original_span(2, 1)


def test_pdf_page_furniture_around_a_page_break_is_dropped():
    text = (
        "This is our identity. However, it\n15-29425 31/34\n\x0c\nA/70/PV.15 28/09/2015\nalso poses a challenge."
        " Our national\n14/55 15-29658\n\x0c\n01/10/2015 A/70/PV.22\ndevelopment plan ends here.\n\x0c\nNext page."
    )
    clean = clean_text(text)
    assert "it also poses a challenge" in clean.text
    assert "national development plan" in clean.text
    assert "A/70/PV" not in clean.text and "31/34" not in clean.text
    assert "here.\nNext page." in clean.text or "here. Next page." in clean.text
    start = clean.text.index("also")
    a, b = clean.original_span(start, start + len("also poses"))
    assert text[a:b] == "also poses"
    start = clean.text.index("it also")
    a, b = clean.original_span(start, start + len("it also"))
    assert text[a:b].startswith("it") and text[a:b].endswith("also")


def test_a_document_symbol_inside_a_sentence_is_kept():
    text = "As I said before the Assembly (see A/70/PV.13), no country can act alone."
    assert clean_text(text).text == text
