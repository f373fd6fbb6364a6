"""Whether a gold stance's topic terms occur in an extracted topic: word starts, ignoring case, accents,
hyphens and punctuation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .data import GoldStance


def words(text: str) -> list[str]:
    """Lower-case words of ``text``, accents dropped, any non-alphanumeric character a separator."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", plain.casefold())


def _forms(text: str) -> tuple[str, str]:
    """Two spellings: punctuation as a space ("pre emptive") and punctuation inside words dropped ("preemptive")."""
    split = " ".join(words(text))
    joined = " ".join(w for w in ("".join(words(chunk)) for chunk in text.split()) if w)
    return split, joined


def term_matches(term: str, text: str) -> bool:
    """True when ``term`` occurs at the start of a word of ``text``.

    Case, accents, hyphens and punctuation are ignored both ways; spaces still separate words.

    Examples
    --------
    >>> term_matches("pre-emptive", "pre emptive strike")
    True
    >>> term_matches("preemptive", "Pre-emptive strike")
    True
    >>> term_matches("abm", "anti-ballistic missile (ABM) shield")
    True
    >>> term_matches("strike", "airstrike")
    False
    >>> term_matches("cooperat", "co-operation with Russia")
    True
    """
    text_forms = [f" {form}" for form in _forms(text) if form]
    return any(
        f" {form}" in text_form
        for form in set(_forms(term)) if form
        for text_form in text_forms
    )


def topic_matches(gold: GoldStance, texts: Iterable[str]) -> bool:
    texts = list(texts)
    return any(term_matches(term, text) for term in gold.topic_terms for text in texts)
