"""One canonical topic per concept: variants merged by shared head and modifiers, and a user's topic file.

Within a document, "European missile defense systems" and "missile defense system" name one concept: same
head ("system"), and the modifiers of the one are among those of the other. The more general label is the
canonical one; every surface form stays as written (``topic_text``, ``skos:altLabel``). A topic file maps
labels the user chooses to their aliases ("ABM shield" for "missile defense system", "anti-missile shield").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from stancegraph.codebook import read_codebook
from stancegraph.topicforms import normal_form

__all__ = ["TopicForm", "TopicIndex", "load_topics", "merge_variants", "normal_form"]

@dataclass(frozen=True)
class TopicForm:
    """A topic as read: its label, the lemma of its head word, and the lemmas of its other content words."""

    label: str
    head: str
    modifiers: frozenset[str]


def merge_variants(forms: Iterable[TopicForm]) -> dict[str, str]:
    """Map each label to the label of the most general variant of it, if another one is more general.

    A variant is more general when it has the same head and a non-empty proper subset of the modifiers:
    "missile defense system" for "European missile defense systems" (not "system" alone: a bare head says too
    little). Labels equal but for case and punctuation map to the first one seen.

    >>> forms = [TopicForm("European missile defense systems", "system", frozenset({"european", "missile", "defense"})),
    ...          TopicForm("missile defense system", "system", frozenset({"missile", "defense"})),
    ...          TopicForm("MISSILE defense system", "system", frozenset({"missile", "defense"}))]
    >>> merge_variants(forms)
    {'European missile defense systems': 'missile defense system', 'MISSILE defense system': 'missile defense system'}
    """
    forms = list(dict.fromkeys(forms))
    first_of: dict[str, str] = {}
    for form in forms:
        first_of.setdefault(normal_form(form.label), form.label)
    out: dict[str, str] = {}
    for form in forms:
        general = [
            other
            for other in forms
            if other.head == form.head and other.modifiers and other.modifiers < form.modifiers
        ]
        target = first_of[normal_form(form.label)]
        if general:
            # the closest more general variant: the most modifiers, then the first seen
            best = max(general, key=lambda o: (len(o.modifiers), -forms.index(o)))
            target = first_of[normal_form(best.label)]
        if target != form.label:
            out[form.label] = target
    # follow chains: a -> b -> c becomes a -> c
    for label in list(out):
        seen = {label}
        while out[label] in out and out[label] not in seen:
            seen.add(out[label])
            out[label] = out[out[label]]
    return out


def _stem(word: str) -> str:
    """A plural's singular, roughly, the same on both sides of a comparison: "systems" -> "system"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class TopicIndex:
    """The user's topics: each label with its aliases, looked up by normal form, or by head and modifiers
    ("joint missile defense system" is an alias "missile defense system" with one more modifier)."""

    def __init__(self, entries: Iterable[tuple[str, Sequence[str]]] = ()):
        self._label_of: dict[str, str] = {}
        self._forms: list[tuple[str, frozenset[str], str]] = []  # (head, modifiers, label)
        for label, aliases in entries:
            for name in (label, *aliases):
                key = normal_form(name)
                self._label_of.setdefault(key, label)
                words = [_stem(w) for w in key.split()]
                if words:
                    self._forms.append((words[-1], frozenset(words[:-1]), label))

    def canonical_form(self, form: TopicForm) -> str | None:
        """The user's label whose name has the form's head and some of its modifiers (the most, if several)."""
        modifiers = {_stem(normal_form(m)) for m in form.modifiers}
        fitting = [(len(mods), label) for head, mods, label in self._forms
                   if head == _stem(form.head) and mods <= modifiers]
        return max(fitting, key=lambda f: f[0])[1] if fitting else None

    def __len__(self) -> int:
        return len(set(self._label_of.values()))

    def canonical(self, *names: str) -> str | None:
        """The user's label for the first of ``names`` that is one of its labels or aliases."""
        for name in names:
            label = self._label_of.get(normal_form(name))
            if label is not None:
                return label
        return None


def load_topics(path: str | Path) -> TopicIndex:
    """Read a topic file: a codebook (see ``stancegraph.codebook``), CSV with a ``label`` column and an
    optional ``aliases`` column (separated by ``|``)."""
    return TopicIndex((e.label, e.aliases) for e in read_codebook(path, option="--topics"))
