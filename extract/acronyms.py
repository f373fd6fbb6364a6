"""Acronyms a document defines: "anti-ballistic missile (ABM)" makes "ABM" the name of the concept.

Topic labels then use the short form, so "anti-ballistic missile (ABM) shield" and "ABM shield" are one topic.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

__all__ = ["defined_acronyms", "shorten"]

_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,7}$")
_FUNCTION_WORDS = {"of", "and", "the", "for", "on", "in", "to"}  # "Plan of Action (JCPOA)" or "Treaty on ... (NPT)"


def defined_acronyms(doc: Doc) -> dict[str, str]:
    """Map each long form defined in ``doc`` ("anti-ballistic missile") to its acronym ("ABM")."""
    found: dict[str, str] = {}
    for i, tok in enumerate(doc):
        if tok.text != "(" or i + 2 >= len(doc) or doc[i + 2].text != ")":
            continue
        acronym = doc[i + 1].text
        if not _ACRONYM.match(acronym) or sum(c.isupper() for c in acronym) < 2:
            continue
        long_form = _long_form(doc, i, acronym)
        if long_form:
            found[long_form] = acronym
    return found


def _long_form(doc: Doc, paren: int, acronym: str) -> str | None:
    """The words before ``paren`` whose initials spell the acronym, hyphenated parts counting as words."""
    letters = [c.lower() for c in acronym if c.isupper()]
    words: list[str] = []
    start = paren
    while start > 0 and len(words) < len(letters) + 3:
        start -= 1
        tok = doc[start]
        if tok.text == "-" or not tok.is_alpha:
            if tok.text != "-":
                break
            continue
        words.insert(0, tok.text)
        every = [w[0].lower() for w in words]
        content = [w[0].lower() for w in words if w.lower() not in _FUNCTION_WORDS]
        if (every == letters or content == letters) and words[0].lower() not in _FUNCTION_WORDS:
            return doc[start:paren].text
    return None


def shorten(label: str, acronyms: dict[str, str]) -> str:
    """Replace every long form in ``label`` (and the acronym in parentheses after it) by the acronym."""
    for long_form, acronym in sorted(acronyms.items(), key=lambda kv: -len(kv[0])):
        pattern = re.compile(rf"\b{re.escape(long_form)}(?:\s*\(\s*{re.escape(acronym)}\s*\))?", re.IGNORECASE)
        label = pattern.sub(acronym, label)
    return label
