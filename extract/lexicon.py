"""The stance lexicon: which predicates express which stance, organised by stance type.

Single verbs are keyed by lemma; phrasal verbs by (lemma, particle or preposition). The topic of a
prepositional entry is the object of that preposition ("call for X", "object to X").
"""

from __future__ import annotations

import csv
from importlib import resources

from stancegraph.model import Stance

__all__ = [
    "COERCIVE_ACTIONS",
    "HEDGE_MODALS",
    "END_NOUNS",
    "END_VERBS",
    "NEGATED",
    "NOUNS",
    "NOUN_TOPIC_PREPS",
    "PHRASAL",
    "REFRAIN_VERBS",
    "REPORTING_VERBS",
    "VERBS",
    "HOSTILE_ACTS",
    "HOSTILE_VERBS",
    "EVALUATIONS",
    "EVALUATING_VERBS",
    "CONTENT_NOUNS",
    "WAY_NOUNS",
    "BEST_ADJECTIVES",
    "lookup",
]

_BY_STANCE: dict[Stance, str] = {
    Stance.SUPPORT: """
        support back endorse welcome praise favour favor defend applaud commend hail champion uphold
        advocate embrace approve encourage appreciate salute reaffirm affirm recognize recognise
        value cherish promote prioritize prioritise pledge vow promise agree accept honour honor
        strengthen bolster reinforce safeguard protect allow permit tolerate need work strive endeavour endeavor
    """,
    Stance.PROPOSE: """
        propose offer suggest initiate recommend table submit present introduce sponsor co-sponsor
        cosponsor
    """,
    Stance.DEMAND: """
        demand urge seek request insist require implore exhort invite
    """,
    Stance.THREATEN: """
        threaten warn retaliate
    """,
    Stance.CONSIDER: """
        consider weigh contemplate discuss explore study examine review ponder
    """,
    Stance.OPPOSE: """
        oppose criticize criticise condemn denounce deplore decry protest object resist regret
        lament challenge contest dispute accuse blame censure slam counter undermine
    """,
    Stance.REJECT: """
        reject refuse dismiss veto deny decline repudiate renounce rebuff spurn disavow boycott
        abandon block
    """,
}

VERBS: dict[str, Stance] = {
    lemma: stance for stance, words in _BY_STANCE.items() for lemma in words.split()
}

PHRASAL: dict[tuple[str, str], Stance] = {
    ("call", "for"): Stance.DEMAND,
    ("call", "on"): Stance.DEMAND,
    ("call", "upon"): Stance.DEMAND,
    ("appeal", "to"): Stance.DEMAND,
    ("insist", "on"): Stance.DEMAND,
    ("press", "for"): Stance.DEMAND,
    ("push", "for"): Stance.DEMAND,
    ("ask", "for"): Stance.DEMAND,
    ("put", "forward"): Stance.PROPOSE,
    ("come", "up"): Stance.PROPOSE,
    ("rule", "out"): Stance.REJECT,
    ("turn", "down"): Stance.REJECT,
    ("pull", "out"): Stance.REJECT,
    ("walk", "away"): Stance.REJECT,
    ("object", "to"): Stance.OPPOSE,
    ("speak", "against"): Stance.OPPOSE,
    ("argue", "against"): Stance.OPPOSE,
    ("warn", "against"): Stance.OPPOSE,
    ("warn", "of"): Stance.THREATEN,
    ("hint", "at"): Stance.THREATEN,
    ("stand", "by"): Stance.SUPPORT,
    ("stand", "with"): Stance.SUPPORT,
    ("stand", "behind"): Stance.SUPPORT,
    ("argue", "for"): Stance.SUPPORT,
    ("speak", "for"): Stance.SUPPORT,
    ("side", "with"): Stance.SUPPORT,
    ("look", "into"): Stance.CONSIDER,
    ("agree", "on"): Stance.SUPPORT,
    ("agree", "to"): Stance.SUPPORT,
    ("agree", "with"): Stance.SUPPORT,
    ("commit", "to"): Stance.SUPPORT,
    ("attach", "to"): Stance.SUPPORT,  # "attach great importance to X"
    ("adhere", "to"): Stance.SUPPORT,
    ("subscribe", "to"): Stance.SUPPORT,
    ("oppose", "to"): Stance.OPPOSE,
    ("vote", "against"): Stance.OPPOSE,
    ("vote", "for"): Stance.SUPPORT,
    ("opt", "out"): Stance.REJECT,
    ("back", "away"): Stance.REJECT,
    ("think", "about"): Stance.CONSIDER,
    ("work", "for"): Stance.SUPPORT,
    ("work", "towards"): Stance.SUPPORT,
    ("work", "toward"): Stance.SUPPORT,
}



def _load_table() -> list[tuple[str, str, Stance]]:
    """The wider lexicon in ``data/stance_lexicon.tsv``: lemma, particle or preposition, stance, example."""
    with (resources.files(__package__) / "data" / "stance_lexicon.tsv").open(encoding="utf-8") as f:
        return [(r["lemma"], r["particle"], Stance(r["stance"])) for r in csv.DictReader(f, delimiter="\t")]


for _lemma, _particle, _stance in _load_table():  # the entries above win where both name a predicate
    if _particle:
        PHRASAL.setdefault((_lemma, _particle), _stance)
    else:
        VERBS.setdefault(_lemma, _stance)

# Verbs that report speech: their clausal complement carries the stance, their subject is its speaker.
REPORTING_VERBS = frozenset(
    """say tell add state declare announce note stress emphasize emphasise insist maintain claim
    argue assert reiterate explain believe think hope continue told quote reply remark comment write""".split()
)

# Promising or hinting at these is a threat; promising anything else is support.
COERCIVE_ACTIONS = frozenset(
    """deploy strike attack retaliate respond target invade bomb annex sanction expel punish
    station mobilize mobilise arm shoot destroy blockade impose""".split()
)

# Demand verbs that, with an infinitive, state an aim of the subject itself: "sought to destabilize"; negated,
# they reject what they would seek: "we will never seek hegemony".
INTENTION_VERBS = frozenset("seek try attempt aim".split())
# Verbs that are a stance only through what they aim at: "work to revive the JCPOA", "work towards peace",
# never "work with partners".
AIM_VERBS = frozenset("work strive endeavour endeavor".split())
# Making someone do something is demanding it of them: "we must make North Korea abandon its programmes".
CAUSATIVE_VERBS = frozenset("make force compel oblige".split())
# Thanking someone for their stance: "thank the Assembly for its rejection of the embargo".
GRATITUDE_VERBS = frozenset("thank commend praise congratulate applaud salute".split())
# Light verbs whose object is a stance noun and whose prepositional phrase is its topic: "we reiterate our
# solidarity with Cuba", "extend our support to the people of Cuba".
LIGHT_STANCE_VERBS = frozenset("reiterate express extend reaffirm renew offer convey affirm pledge voice".split())
# Adjectives that state a stance of their subject: "Ethiopia is open to initiatives", "stands ready to resolve".
ADJECTIVE_STANCES: dict[str, Stance] = {
    "open": Stance.CONSIDER,
    "ready": Stance.SUPPORT,
    "willing": Stance.SUPPORT,
    "committed": Stance.SUPPORT,
    "determined": Stance.SUPPORT,
    "opposed": Stance.OPPOSE,
    "averse": Stance.OPPOSE,
}
# Nouns whose complement says what they are about: "the need to keep arms out of ...", "the proposal aimed at
# regulating the veto", "actions taken by Israel to alter the Golan", "the stance that all options are open".
# Of these, the ones that name doing something to their "of" complement: "the implementation of X" is about X,
# while "the initiative of France" is France's.
PROCESS_NOUNS = frozenset(
    """need necessity adoption implementation establishment promotion strengthening achievement realization
    realisation fulfilment fulfillment maintenance pursuit importance creation""".split()
)
WRAPPER_NOUNS = PROCESS_NOUNS | frozenset(
    """effort proposal initiative idea plan stance position policy action measure step decision attempt""".split()
)

# Promise-like verbs whose complement is the topic.
PROMISE_VERBS = frozenset("promise pledge vow".split())

# Nouns that carry a stance of their holder: "our call for", "its rejection of", "Russia's threat of".
NOUNS: dict[str, Stance] = {
    **dict.fromkeys("support solidarity endorsement backing commitment".split(), Stance.SUPPORT),
    **dict.fromkeys("proposal offer".split(), Stance.PROPOSE),
    **dict.fromkeys("call demand appeal request plea insistence".split(), Stance.DEMAND),
    **dict.fromkeys("threat ultimatum".split(), Stance.THREATEN),
    **dict.fromkeys("opposition objection condemnation criticism".split(), Stance.OPPOSE),
    **dict.fromkeys("rejection refusal veto".split(), Stance.REJECT),
}
# Prepositions that introduce the topic of a stance noun ("of" and "by" may also name its holder).
NOUN_TOPIC_PREPS = frozenset("of for to with against towards toward on by".split())

# Ending something: a call to end X is a stance against X ("lift the embargo", "an end to the blockade").
END_VERBS = frozenset(
    "lift end stop cease halt remove withdraw abandon dismantle abolish terminate repeal scrap eliminate".split()
)
REFRAIN_VERBS = frozenset("refrain desist abstain".split())
END_NOUNS = frozenset(
    """lifting end ending removal cessation withdrawal abolition elimination termination halt repeal
    dismantling""".split()
)
# Verbs that act against their object: a topic "to combat terrorism" is not terrorism, so its core keeps the verb.
COUNTER_VERBS = END_VERBS | REFRAIN_VERBS | frozenset(
    """combat fight counter prevent tackle eradicate curb reduce resist avert deter confront defeat ban prohibit
    outlaw denuclearize limit restrict restrain suppress destroy renounce eliminate mitigate minimize minimise
    overcome address withdraw disown revoke reverse redeploy retract rescind cancel abandon repeal annul nullify
    lift remove avoid shun forgo""".split()
)
# "put an end to X", "bring a halt to X": a light verb with an ending noun ends X.
LIGHT_END_VERBS = frozenset("put bring".split())
LIGHT_END_NOUNS = frozenset("end halt stop".split())
# Phrasal verbs that end something: "pull back its forces", "call off the strike".
END_PHRASES = frozenset(
    {("pull", "back"), ("pull", "out"), ("call", "off"), ("call", "back"), ("roll", "back"), ("wind", "down")}
)

# Evaluative words: "X is unacceptable", "called X unjustified", "described X as illegal".
EVALUATIONS: dict[str, Stance] = {
    **dict.fromkeys(
        """unjustified unjustifiable unacceptable illegal illegitimate unlawful wrong dangerous irresponsible
        provocative counterproductive counter-productive inadmissible absurd baseless groundless unfounded
        outrageous deplorable regrettable reprehensible unwarranted unjust unfair invalid inhumane inhuman
        barbaric criminal intolerable indefensible untenable unconstitutional troubling disturbing alarming
        disappointing worrying worrisome unsettling shocking appalling lamentable contrary inconsistent arbitrary
        incompatible aggressive subversive self-proclaimed so-called draconian draconic chauvinistic chauvinist
        xenophobic racist terrorist
        belligerent reckless destabilizing destabilising expansionist""".split(),
        Stance.OPPOSE,
    ),
    **dict.fromkeys(
        """constructive essential crucial vital indispensable necessary legitimate justified helpful welcome
        acceptable lawful imperative""".split(),
        Stance.SUPPORT,
    ),
}
# Nouns that condemn what they are said of: "X is a clear threat to Y", "X constitutes a violation".
EVALUATION_NOUNS = frozenset(
    """threat violation breach affront danger menace mistake failure disgrace travesty farce sham charade insult
    provocation crime outrage""".split()
)
# Adverbs that condemn the act they modify: "troops illegally deployed to Crimea", "flagrantly breached".
CONDEMNING_ADVERBS = frozenset(
    """illegally unlawfully illegitimately unjustifiably wrongfully recklessly brutally flagrantly blatantly
    aggressively forcibly""".split()
)
# Verbs whose object is evaluated by a following word: "called X unjustified", "described X as illegal".
EVALUATING_VERBS = frozenset("call describe deem term label brand characterize characterise consider regard".split())
# Nouns that carry what they are about in a that-clause: "comments that ...", "the way that X was treated".
CONTENT_NOUNS = frozenset(
    "comment comments statement statements remark remarks claim claims words suggestion fact way manner notion".split()
)

# Hostile acts: naming them ("Russia's annexation", "Russian aggression") or accusing an actor of them ("Russia
# has annexed ...") is a stance against them, aimed at the one who does them.
HOSTILE_ACTS = frozenset(
    """aggression annexation invasion occupation intervention interference destabilization destabilisation
    provocation provocations propaganda disinformation misinformation violation violations incursion incursions
    blockade militarization militarisation expansionism expansion encroachment atrocities atrocity massacre
    crackdown repression annexations attack attacks bombing bombings bombardment shelling incitement
    intimidation subversion infiltration escalation adventurism meddling coup putsch lie lies falsehood falsehoods fabrication
    fabrications massing build-up buildup pretext pretexts""".split()
)
HOSTILE_VERBS = frozenset(
    """annex invade occupy destabilize destabilise violate breach provoke intimidate seize bomb shell attack
    aggress flout undermine obstruct sabotage massacre persecute repress bombard infiltrate incite escalate interfere
    meddle subjugate coerce blackmail bully disrupt mass amass""".split()
)
# Hostile acts whose "of X" names the doer ("the aggression of X"); for the others it names the victim ("the
# invasion of Ukraine", "the violation of the Charter") and only "by X" names the doer.
AGENT_OF_ACTS = frozenset(
    """aggression expansion encroachment militarization militarisation provocation provocations propaganda disinformation misinformation expansionism adventurism
    meddling interference intervention crackdown repression atrocities atrocity""".split()
)
# Verbs by which a clause's subject does what their object names: "Russia is waging propaganda", "by using
# intimidation and aggression", "resorting to force" -- the subject is the doer of the hostile act.
PERPETRATION_VERBS = frozenset(
    """use employ wage apply commit conduct carry continue pursue resort engage launch unleash perpetrate
    spread intensify send dispatch deploy invoke fabricate manufacture""".split()
)
# Participles that make an actor the one behind a group: "armed groups headed by agents from X", "militias
# backed by X" -- what the group does is laid at X's door.
CONTROL_VERBS = frozenset(
    """head lead back support command direct coordinate control sponsor arm fund finance train send organize
    organise orchestrate equip deploy dispatch instruct""".split()
)
# Participles that, hyphenated to an actor, give it a stance on the noun: "US-backed shield", "Saudi-led
# coalition", "EU-brokered deal" (stance verbs of the lexicon count too: "EU-proposed plan").
COMPOUND_STANCES: dict[str, Stance] = {
    "lead": Stance.SUPPORT,
    "broker": Stance.PROPOSE,
    "draft": Stance.PROPOSE,
    "initiate": Stance.PROPOSE,
    "fund": Stance.SUPPORT,
    "finance": Stance.SUPPORT,
    "sponsor": Stance.SUPPORT,
    "impose": Stance.SUPPORT,
}
# Nouns whose call or plan a stance goes through to what it calls for: "we support the Secretary-General's
# call to make the Council more equitable" is a stance on making the Council more equitable.
SEE_THROUGH_NOUNS = frozenset("call appeal plea push bid".split())
# "There is no justification for X": against X; "there is no alternative to X": for X.
NO_ROOM_NOUNS: dict[str, Stance] = {
    **dict.fromkeys("justification excuse place room tolerance legitimacy".split(), Stance.OPPOSE),
    "alternative": Stance.SUPPORT,
}
# Verbs by which a thing of an actor brings something about: "the language proposed by the United States would
# allow arbitrary decisions" lays the arbitrary decisions at the United States' door.
CAUSE_VERBS = frozenset("allow enable cause create produce generate fuel entail permit".split())
# Nouns of time: a phrase headed by one says when, never what ("On the eve of the holiday, ... seized").
TIME_NOUNS = frozenset(
    """eve day days week weeks month months year years morning evening night afternoon hour hours time moment
    period decade century anniversary monday tuesday wednesday thursday friday saturday sunday""".split()
)
# Verbs that say what their subject amounts to: "the decision of X constitutes a violation of international law".
AMOUNTING_VERBS = frozenset("be constitute represent amount".split())
# Nouns for what an actor does or holds, so that "of X" names its doer: "the dangerous stance of the Russian
# Federation", "the actions of the occupying Power".
CONDUCT_NOUNS = frozenset(
    """stance position policy policies action actions behaviour behavior conduct decision decisions attitude
    activity activities step steps measure measures move moves practice practices""".split()
)
# Feelings that are a stance against what causes them: "we are troubled by X", "alarmed at X".
AFFECT_OPPOSE = frozenset(
    """troubled alarmed dismayed appalled outraged disturbed disappointed shocked indignant angered
    horrified""".split()
)
AFFECT_PREPS = frozenset("by at about over with".split())

# "The best way (to X) is to Y", "the only solution is to Y": a stance for Y.
WAY_NOUNS = frozenset("way solution option answer approach path means course remedy".split())
BEST_ADJECTIVES = frozenset("best only right sole surest better proper appropriate".split())

# Modals that make a clause a demand of the one who says it: "the war must end".
DEMAND_MODALS = frozenset("must should".split())
# "We have no intention to ...": a rejection of doing it.
INTENTION_NOUNS = frozenset("intention intent plan desire wish".split())

# Modal auxiliaries that hedge a stance.
HEDGE_MODALS = frozenset("may might could would".split())

# What a negated stance becomes: None cancels it ("won't threaten" is no threat).
NEGATED: dict[Stance, Stance | None] = {
    Stance.SUPPORT: Stance.OPPOSE,
    Stance.PROPOSE: None,
    Stance.DEMAND: None,
    Stance.THREATEN: None,
    Stance.CONSIDER: Stance.REJECT,
    Stance.OPPOSE: Stance.CONSIDER,
    Stance.REJECT: Stance.CONSIDER,
}


def lookup(lemma: str, particle: str | None = None) -> Stance | None:
    """The stance a predicate expresses, or None."""
    lemma = lemma.lower()
    if particle is not None:
        return PHRASAL.get((lemma, particle.lower()))
    return VERBS.get(lemma)
