"""The written form of a topic phrase, read without a parser: its normal form, its words, its head.

Shared by extraction (which reduces a topic to its core) and by the concepts of the graph (which group the
phrases of a whole store and re-map them from a codebook without parsing again). Word lists that say what is
not an issue on its own live here too, so that both sides use one definition.

>>> normal_form("The anti-missile 'shield'")
'anti missile shield'
>>> phrase_form("the reform of the Security Councils")
PhraseForm(words=('reform', 'security', 'council'), head='reform')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "EVALUATIVE_MODIFIERS",
    "GENERIC_HEADS",
    "PhraseForm",
    "is_generic",
    "issue_form",
    "normal_form",
    "phrase_form",
    "stem",
]

_LEADING = re.compile(r"^(?:the|a|an|this|that|these|those|its|their|our|his|her)\s+", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[\-‐–—_/'‘’\"“”.,;:()\[\]!?]+")

#: Nouns that name no issue on their own: alone, a topic with one of these heads is generic ("the world",
#: "our efforts", "this initiative"); with a complement, the complement is the issue ("efforts to end the
#: conflict" is about the conflict).
GENERIC_HEADS = frozenset(
    """world people peoples country countries nation nations state states action actions effort efforts role
    initiative initiatives responsibility responsibilities thing things way ways issue issues matter matters
    question questions situation situations problem problems case cases area areas part parts kind kinds type
    types form forms level levels aspect aspects term terms fact facts need needs work works step steps measure
    measures process processes idea ideas point points view views approach approaches time times year years
    everything everyone anything anyone something someone nothing one ones all others other everybody
    community communities side sides party parties member members government governments leader leaders
    principle principles commitment commitments obligation obligations interest interests
    activity activities event events development developments attempt attempts decision decisions
    statement statements call calls position positions policy policies stance proposal proposals
    plan plans task tasks goal goals objective objectives aim aims purpose purposes result results
    outcome outcomes consequence consequences opportunity opportunities challenge challenges
    act acts system systems solution solutions respect implementation establishment strengthening expansion
    claim claims support more programme programmes program programs value values agreement agreements
    resolution resolutions organization organizations organisation organisations right rights change changes
    session sessions possibility possibilities focus deal deals contribution contributions progress
    framework frameworks mechanism mechanisms instrument instruments body bodies institution institutions end
    word words region regions condition conditions
    """.split()
)

#: Modifiers that grade or praise an issue without saying which one it is: "effective multilateralism" and
#: "genuine multilateralism" are multilateralism.
EVALUATIVE_MODIFIERS = frozenset(
    """effective genuine true real full fuller strong stronger robust meaningful lasting durable sustained
    comprehensive complete total further greater increased enhanced renewed continued continuing ongoing
    current present existing new recent important crucial critical vital essential key major serious grave
    urgent immediate prompt swift timely necessary appropriate proper adequate sufficient concrete tangible
    significant substantial inclusive broad broader wide wider whole entire overall general
    such very more most own same various certain particular specific
    greatest utmost best
    """.split()
)

_STOP = frozenset("the a an of in on for to and or with by at from as into this that these those its their our".split())
_PREPOSITIONS = frozenset("of on for to with by at from in into against about over between towards toward".split())


def normal_form(text: str) -> str:
    """Case, hyphens, quotes, punctuation and a leading determiner ignored: "The anti-missile 'shield'" ->
    "anti missile shield"."""
    text = _PUNCTUATION.sub(" ", text.lower())
    return _LEADING.sub("", " ".join(text.split()))


def stem(word: str) -> str:
    """A plural's singular, roughly, the same on both sides of a comparison: "systems" -> "system",
    "policies" -> "policy"; "crisis", "process" and "us" stay."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_HEADS)


@dataclass(frozen=True)
class PhraseForm:
    """A phrase's content words (stemmed, in order, evaluative modifiers left out) and its head: the last
    content word before the first preposition ("reform of the Security Council" -> "reform")."""

    words: tuple[str, ...]
    head: str

    @property
    def modifiers(self) -> frozenset[str]:
        return frozenset(self.words) - {self.head}


def phrase_form(text: str) -> PhraseForm:
    words = normal_form(text).split()
    before = []
    for word in words:
        if word in _PREPOSITIONS and before:
            break
        if word not in _STOP:
            before.append(word)
    head = stem(before[-1]) if before else ""
    content = tuple(stem(w) for w in words if w not in _STOP and w not in EVALUATIVE_MODIFIERS)
    if head and head not in content:
        content = (*content, head)
    return PhraseForm(content, head)


def issue_form(text: str) -> PhraseForm:
    """The form of the issue a phrase names: a generic head that has a complement names its complement
    ("the implementation of the Paris Agreement", "efforts to end the conflict" -> the Paris Agreement, the
    conflict); any other phrase names itself.

    >>> issue_form("the full implementation of the Paris Agreement")
    PhraseForm(words=('paris', 'agreement'), head='agreement')
    >>> issue_form("Security Council reform").head
    'reform'
    """
    form = phrase_form(text)
    if form.head not in _GENERIC_STEMS:
        return form
    words = normal_form(text).split()
    for i, word in enumerate(words):
        if word in _PREPOSITIONS and i > 0:
            rest = " ".join(words[i + 1 :])
            inner = phrase_form(rest)
            if inner.words and not set(inner.words) <= _GENERIC_STEMS:
                return issue_form(rest)
            break
    return form


def is_generic(text: str) -> bool:
    """A phrase that is only a generic head, maybe with evaluative modifiers: "the world", "our efforts",
    "important role"."""
    form = phrase_form(text)
    return bool(form.words) and set(form.words) <= _GENERIC_STEMS
