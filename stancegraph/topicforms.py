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
    "REVERSING_WORDS",
    "VAGUE_HEADS",
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
    word words region regions condition conditions implementation establishment strengthening
    reality realities attention future path paths light respect report reports
    """.split()
)

#: Heads too vague to be an issue alone, though with their words they name one ("the agreement", "the system",
#: "rights" alone; "the Paris Agreement", "the rights of women" are issues): alone, such a topic is generic,
#: but extraction keeps their complements with them.
VAGUE_HEADS = frozenset(
    """act acts system systems solution solutions expansion
    claim claims support more programme programmes program programs value values agreement agreements
    resolution resolutions organization organizations organisation organisations right rights change changes
    session sessions possibility possibilities focus deal deals contribution contributions progress
    framework frameworks mechanism mechanisms instrument instruments body bodies institution institutions
    force forces conflict conflicts crisis crises use uses practice practices means rule rules law laws
    actor actors existence increase campaign campaigns regime regimes territory territories pressure pressures
    threat threats intervention interventions mr mrs ms madam sir excellency president
    experience experiences leadership tool tools difference differences history
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

def _inflected(lemmas: str) -> frozenset[str]:
    """Each verb with its -s, -ed and -ing forms: "violate" -> violate, violates, violated, violating."""
    out = set()
    for lemma in lemmas.split():
        if lemma.endswith("y") and lemma[-2] not in "aeiou":  # occupy: occupies, occupied, occupying
            out |= {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
            continue
        base = lemma[:-1] if lemma.endswith("e") else lemma
        out |= {lemma, lemma + ("s" if not lemma.endswith(("s", "sh", "ch")) else "es"), base + "ed", base + "ing"}
    return frozenset(out | {"stopped", "stopping", "banned", "banning"})


#: Words that turn an issue into its opposite: opposing "violations of international law" is supporting
#: international law, and supporting "an end to the occupation" is opposing the occupation. A phrase with one of
#: these is never folded into the concept of the words it acts on.
REVERSING_WORDS = _inflected(
    """violate undermine erode attack threaten breach disregard end stop halt combat fight counter ban prevent
    eliminate eradicate deny abolish destroy dismantle reduce curb limit restrict suppress oppose reject resist
    defeat tackle annex invade occupy destabilize destabilise obstruct sabotage flout impede hinder block
    cease renounce withdraw disown revoke reverse redeploy retract rescind cancel abandon repeal annul nullify
    lift remove avoid shun forgo""".replace("\n", " ")
) | frozenset(
    """violation violations erosion threat threats breach breaches end ending cessation denial abolition
    destruction elimination eradication prevention reduction ban bans attack attacks against anti non lack
    absence failure obstruction undermining dismantling annexation invasion occupation withdrawal removal
    lifting repeal cancellation reversal avoidance""".split()
)


# Determiners and quantifiers: "other terrorist groups", "several terrorist groups" are terrorist groups.
_STOP = frozenset("""the a an of in on for to and or with by at from as into this that these those its their our
    other several many some any each every both numerous""".split())
_PREPOSITIONS = frozenset("of on for to with by at from in into against about over between towards toward".split())


def normal_form(text: str) -> str:
    """Case, hyphens, quotes, punctuation and a leading determiner ignored: "The anti-missile 'shield'" ->
    "anti missile shield"."""
    text = _PUNCTUATION.sub(" ", text.lower())
    return _LEADING.sub("", " ".join(text.split()))


# British spellings and their American forms, so that "missile defence" and "missile defense" are one issue.
_SPELLING = {"defence": "defense", "offence": "offense", "programme": "program", "centre": "center",
             "labour": "labor", "favour": "favor", "behaviour": "behavior", "neighbour": "neighbor",
             "endeavour": "endeavor", "honour": "honor", "harbour": "harbor", "rumour": "rumor",
             "colour": "color", "licence": "license", "fulfil": "fulfill", "judgement": "judgment"}
_ISE = re.compile(r"(?<=\w{3})is(ation|e|ed|ing)$")


def stem(word: str) -> str:
    """A plural's singular, roughly, and a British spelling's American form, the same on both sides of a
    comparison: "systems" -> "system", "policies" -> "policy", "programmes" -> "program", "organisation" ->
    "organization"; "crisis", "process" and "us" stay."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    word = _SPELLING.get(word, word)
    return _ISE.sub(r"iz\1", word) if word.endswith(("isation", "ise", "ised", "ising")) and word not in _KEEP_ISE else word


# Words that end in -ise in American English too.
_KEEP_ISE = frozenset("""advise comprise compromise demise despise devise disguise enterprise exercise expertise
    franchise merchandise otherwise precise premise promise revise supervise surmise surprise televise concise
    rise arise wise noise raise praise paradise treatise""".split())


_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_HEADS)
_VAGUE_STEMS = _GENERIC_STEMS | frozenset(stem(w) for w in VAGUE_HEADS)


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
    ("the implementation of the Paris Agreement", "efforts to end the conflict" -> the Paris Agreement, ending
    the conflict); any other phrase names itself.

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


def is_generic(text: str, *, vague: bool = True) -> bool:
    """A phrase that is only a generic head, maybe with evaluative modifiers ("the world", "our efforts",
    "important role"), or a vague one without a complement ("the agreement", "Mr. President") unless ``vague``
    is False: "the use of force" and "the rule of law" name issues.

    >>> is_generic("the agreement"), is_generic("the use of force"), is_generic("the role of the world")
    (True, False, True)
    """
    form = phrase_form(text)
    complement = form.head in form.words and form.words.index(form.head) < len(form.words) - 1
    return bool(form.words) and set(form.words) <= (_VAGUE_STEMS if vague and not complement else _GENERIC_STEMS)
