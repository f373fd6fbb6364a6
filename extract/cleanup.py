"""Text clean-up that remembers where every character came from.

Web text brings typographic quotes, odd spaces and trailing boilerplate; text from PDFs brings hard line breaks
and hyphenation inside sentences. :func:`clean_text` repairs both and keeps, for every character of the cleaned
text, the span of the original text it came from, so evidence found in the cleaned text can be reported with
offsets into the document exactly as the input gave it.

Examples
--------
>>> cleaned = clean_text("NATO\u2019s chief called it \u2018unjustified\u2019.\\nRelated posts:\\nViews: 0")
>>> cleaned.text
"NATO's chief called it 'unjustified'."
>>> cleaned.original_span(0, 4)
(0, 4)
>>> pdf = "the deve-\\nlopment of the\\nshield."
>>> cleaned = clean_text(pdf)
>>> cleaned.text
'the development of the shield.'
>>> a, b = cleaned.original_span(4, 15)
>>> pdf[a:b]
'deve-\\nlopment'
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable

__all__ = ["CleanText", "clean_text"]

_OFFSET_TYPE = "q"

# One edit of the current text: replace text[start:end] with the string (start == end inserts, "" deletes).
_Edit = tuple[int, int, str]


class CleanText:
    """Cleaned text with a map back to the original.

    Every character of :attr:`text` maps to the span of :attr:`original` it came from: an unchanged or replaced
    character to its source characters, an inserted character to the empty span at the next original character.
    """

    __slots__ = ("text", "original", "_starts", "_ends")

    def __init__(self, text: str, original: str, starts: array, ends: array) -> None:
        if not len(text) == len(starts) == len(ends):
            raise ValueError("one start and one end offset per character are needed")
        self.text = text
        self.original = original
        self._starts = starts
        self._ends = ends

    def __repr__(self) -> str:
        return f"CleanText({self.text[:40]!r}{'...' if len(self.text) > 40 else ''})"

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to the span of :attr:`original` it came from.

        The start maps to the first original character of the span, the end to just after the last one, so
        ``original[a:b]`` is the evidence as the input gave it.

        >>> c = clean_text("Russia,\u201dReuters said")
        >>> c.text
        'Russia," Reuters said'
        >>> c.original_span(0, 9), c.original_span(9, 16)
        ((0, 8), (8, 15))
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise IndexError(f"span ({start}, {end}) is not within the cleaned text of length {n}")
        if start == end:
            position = _position(self._starts, self._ends, start)
            return position, position
        return self._starts[start], self._ends[end - 1]


def clean_text(text: str) -> CleanText:
    """Clean ``text`` and return it with a map back to the original offsets.

    Typographic quotes become ASCII (a closing quote glued to the next word gets a space), Unicode spaces and
    control characters become spaces, line endings become ``\\n``, trailing web boilerplate ("Related posts:",
    "Views: 0", "Share this:", ...) is dropped, hard line breaks inside sentences are joined (a hyphen between
    lowercase letters at a line end is removed) and each run of blank lines becomes one ``"\\n\\n"``.
    """
    current = text
    starts = _identity(0, len(text))
    ends = _identity(1, len(text) + 1)
    for make_edits in (_page_furniture_edits, _character_edits, _boilerplate_edits, _line_break_edits):
        edits = make_edits(current)
        if edits:
            current, starts, ends = _apply(current, starts, ends, edits)
    return CleanText(current, text, starts, ends)


_IDENTITY = array(_OFFSET_TYPE)  # 0, 1, 2, ...: slicing it is a copy in C, building it is a Python loop
_IDENTITY_LIMIT = 1 << 22


def _identity(start: int, stop: int) -> array:
    """The offsets ``start, ..., stop - 1``."""
    if stop > _IDENTITY_LIMIT:
        return array(_OFFSET_TYPE, range(start, stop))
    if stop > len(_IDENTITY):
        _IDENTITY.extend(range(len(_IDENTITY), min(max(stop, 2 * len(_IDENTITY)), _IDENTITY_LIMIT)))
    return _IDENTITY[start:stop]


def _position(starts: array, ends: array, index: int) -> int:
    """The original position of the boundary before character ``index`` of the current text."""
    if index < len(starts):
        return starts[index]
    return ends[-1] if len(ends) else 0


def _apply(text: str, starts: array, ends: array, edits: Iterable[_Edit]) -> tuple[str, array, array]:
    """Apply sorted, non-overlapping edits to ``text`` and carry the offset map along."""
    pieces: list[str] = []
    new_starts = array(_OFFSET_TYPE)
    new_ends = array(_OFFSET_TYPE)
    done = 0
    for start, end, replacement in edits:
        pieces.append(text[done:start])
        new_starts.extend(starts[done:start])
        new_ends.extend(ends[done:start])
        if replacement:
            if end > start:  # every new character stands for the whole replaced group
                first, last = starts[start], ends[end - 1]
            else:  # inserted: the empty span at the next original character
                first = last = _position(starts, ends, start)
            pieces.append(replacement)
            new_starts.extend(array(_OFFSET_TYPE, [first]) * len(replacement))
            new_ends.extend(array(_OFFSET_TYPE, [last]) * len(replacement))
        done = end
    pieces.append(text[done:])
    new_starts.extend(starts[done:])
    new_ends.extend(ends[done:])
    return "".join(pieces), new_starts, new_ends


# --- characters -------------------------------------------------------------------------------------------

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"  # ‘ ’ ‚ ‛ ′
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"  # “ ” „ ‟ ″ « »
_CLOSING_QUOTES = "\u2019\u201d\u00bb"  # ’ ” »: may be glued to the next word
_UNICODE_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"  # all but \t \n \r and NEL (a line end)
_INVISIBLE = "\u200b\u2060\ufeff"  # zero-width space, word joiner, byte-order mark inside the text
_LINE_END = "\r\n\x85\u2028\u2029"

_CHARACTER = re.compile(
    rf"\r\n|[\r\x85\u2028\u2029{_SINGLE_QUOTES}{_DOUBLE_QUOTES}{_UNICODE_SPACES}{_CONTROLS}{_INVISIBLE}]"
    # a soft hyphen is dropped, except at a line end where it marks a word broken across lines
    rf"|\u00ad(?![ \t]*[{_LINE_END}])"
)
_SENTENCE_PUNCTUATION = ".,;:!?\u2026"


def _character_edits(text: str) -> list[_Edit]:
    edits: list[_Edit] = []
    for match in _CHARACTER.finditer(text):
        start, end = match.span()
        char = match.group()
        if char in ("\r\n", "\r", "\x85", "\u2028"):
            edits.append((start, end, "\n"))
        elif char == "\u2029":
            edits.append((start, end, "\n\n"))
        elif char in _SINGLE_QUOTES:
            edits.append((start, end, "'"))
        elif char in _DOUBLE_QUOTES:
            edits.append((start, end, '"'))
        elif char in _INVISIBLE or char == "\u00ad":
            edits.append((start, end, ""))
        else:
            edits.append((start, end, " "))
        if char in _CLOSING_QUOTES and _glued_closing_quote(text, start):
            edits.append((end, end, " "))
    return edits


def _glued_closing_quote(text: str, index: int) -> bool:
    """Whether the closing-quote character at ``index`` ends a quotation and touches the next word."""
    if index == 0 or index + 1 >= len(text) or not text[index + 1].isalnum():
        return False
    before = text[index - 1]
    if text[index] == "\u2019":  # also the apostrophe: only a quote after punctuation, as in ,’Reuters
        return before in _SENTENCE_PUNCTUATION
    return not before.isspace()


# --- trailing boilerplate ---------------------------------------------------------------------------------

_BOILERPLATE = re.compile(
    r"""(?ix)
    (?:
        related(?:\s+(?:posts?|articles?|stories|story|content|news|links|reading|coverage|topics))?
      | (?:you\s+(?:may|might)\s+also\s+like|see\s+also|more\s+(?:from|on|in)\s.*|recommended(?:\s+for\s+you)?)
      | views?\s*:?\s*[\d.,]+\s*[km]? | [\d.,]+\s*[km]?\s+views?
      | share(?:\s+(?:this(?:\s+(?:article|story|post|page))?|on\s+\S+|via\s+\S+))?
      | like\s+this | like\s+loading.*
      | (?:tags?|tagged(?:\s+with)?|categor(?:y|ies)|filed\s+under|posted\s+in|topics?)\s*:.*
      | read\s+more.* | continue\s+reading.* | read\s+next.*
      | advertisement | sponsored(?:\s+content)?
      | (?:\d+\s+)?comments? | leave\s+a\s+(?:comment|reply) | no\s+comments(?:\s+yet)?
      | print(?:\s+this(?:\s+(?:article|page|story))?)? | e-?mail(?:\s+this(?:\s+(?:article|page|story))?)?
      | facebook | twitter | whatsapp | linkedin | reddit | telegram | pinterest | tumblr | tweet | vk
      | click\s+to\s+(?:share|print|email).*
      | (?:\u00a9|\(c\)|copyright\b).*
      | subscribe.* | follow\s+us.*
      | [-_=*\u2022\u00b7|~#][-_=*\u2022\u00b7|~#\s]*
    )
    [\s:.\u2026>|-]*
    """
)
_BOILERPLATE_MAX_LENGTH = 120  # longer lines are real text, whatever they start with


# A line of PDF page furniture: only page counters ("31/34"), job numbers ("15-29425"), dates and document
# symbols ("A/70/PV.15"), as printed above and below a page break.
_FURNITURE_LINE = re.compile(
    r"[ \t]*(?:(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,4}/\d{1,4}|\d{2}-\d{4,6}|[A-Z]{1,4}(?:/[A-Z0-9.]+)+)[ \t]*)+\n?"
)


def _page_furniture_edits(text: str) -> list[_Edit]:
    """Drop each page break (form feed) with the furniture lines next to it, so a sentence runs on across pages."""
    edits: list[_Edit] = []
    for match in re.finditer(r"\n\f(?:\n|$)", text):  # a page break on a line of its own
        start, end = match.span()
        before = text.rfind("\n", 0, max(start - 1, 0)) + 1  # start of the line before the break
        if start > 0 and _FURNITURE_LINE.fullmatch(text, before, start + 1):
            start = before
        after = _FURNITURE_LINE.match(text, end)
        if after is not None and after.end() > end:
            end = after.end()
        if edits and start < edits[-1][1]:
            continue
        # keep one line break between the text before and after, for the line-break pass to judge
        edits.append((start, end, "" if start > 0 and text[start - 1] == "\n" else "\n"))
    return edits


def _boilerplate_edits(text: str) -> list[_Edit]:
    """Drop the trailing lines that are web boilerplate, stopping at the first line of real text."""
    cut = None
    end = len(text)
    while end > 0:
        line_start = text.rfind("\n", 0, end) + 1
        line = text[line_start:end].strip()
        if line:
            if len(line) > _BOILERPLATE_MAX_LENGTH or not _BOILERPLATE.fullmatch(line):
                break
            cut = line_start
        end = line_start - 1 if line_start else 0
    if cut is None:
        return []
    cut = len(text[:cut].rstrip())  # the blank space before the boilerplate goes with it
    return [(cut, len(text), "")]


# --- line breaks ------------------------------------------------------------------------------------------

_BREAK = re.compile(r"\n(?:[ \t]*\n)*[ \t]*")  # with the spaces before it, found by hand: faster
_ENDS_SENTENCE = re.compile(r"[.!?:;\u2026][\"')\]]*$")
_LIST_ITEM = re.compile(
    r"""(?x)
    (?: [-*+\u2022\u25e6\u25aa\u2023\u00b7\u2013\u2014]
      | \(?\d{1,3}[.)] | \(?[a-z][.)] | \([A-Za-z]\) | \(?[ivxIVX]{1,6}[.)] )
    \s
    """
)
_HEADING_MAX_LENGTH = 120
_NUMBERED_HEADING = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s+[^\W\d_]|#{1,6}\s")
_ABBREVIATION_AT_END = re.compile(
    r"(?:\b[^\W\d_]\.)+$|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Capt|Sen|Rep|Gov|Amb|Pres|St|Sr|Jr|No|vs|cf|approx)\.$"
)
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from into about against between and or but nor that which who whom whose"
    " is are was were be been being has have had do does did will would shall should can could may might must not"
    " as than its their our his her my your this these those we they it he she i".split()
)
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_HYPHENATED = re.compile(r"[^\W\d_]+-[^\W\d_]+")
_LETTERS_AT_END = re.compile(r"[^\W\d_]+$")
_LETTERS_AT_START = re.compile(r"[^\W\d_]+")


def _line_break_edits(text: str) -> list[_Edit]:
    """Join hard line breaks inside sentences and make every paragraph break ``"\\n\\n"``."""
    edits: list[_Edit] = []
    hyphenated: set[str] | None = None
    block_start = True  # the line before the break starts a paragraph (or a line kept on its own)
    for match in _BREAK.finditer(text):
        start, end = match.span()
        line_start = text.rfind("\n", 0, start) + 1
        while start > line_start and text[start - 1] in " \t":
            start -= 1
        previous = text[line_start:start].lstrip()
        following_end = text.find("\n", end)
        following = text[end : len(text) if following_end < 0 else following_end]
        if text.count("\n", start, end) > 1:
            if text[start:end] != "\n\n":
                edits.append((start, end, "\n\n"))
            block_start = True
            continue
        if not previous or not following.strip():
            block_start = True
            continue
        if previous.endswith("\u00ad"):  # a soft hyphen says the word goes on
            edits.append((start - 1, end, ""))
            block_start = False
            continue
        if not _joins(previous, following, block_start):
            block_start = True
            continue
        block_start = False
        if previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha() and following[0].isalpha():
            if hyphenated is None:
                hyphenated = {word.lower() for word in _HYPHENATED.findall(text)}
            left = _LETTERS_AT_END.search(previous[:-1])
            right = _LETTERS_AT_START.match(following)
            compound = f"{left.group() if left else ''}-{right.group() if right else ''}".lower()
            if previous[-2].islower() and following[0].islower() and compound not in hyphenated:
                edits.append((start - 1, end, ""))  # deve-|lopment
            else:
                edits.append((start, end, ""))  # Franco-|German, or a compound the text spells with a hyphen
        else:
            edits.append((start, end, " "))
    return edits


def _joins(previous: str, following: str, block_start: bool) -> bool:
    """Whether a single line break between these two (non-empty) lines falls inside a sentence."""
    if _LIST_ITEM.match(following) or _is_heading(following):
        return False
    if _ENDS_SENTENCE.search(previous):
        # "the U.S.\nofficials", "e.g.\nthe": an abbreviation before a lowercase word ends no sentence
        return following[0].islower() and _ABBREVIATION_AT_END.search(previous) is not None
    if _is_heading(previous):
        return False
    if block_start and _LIST_ITEM.match(previous) and not following[0].islower():
        return False  # the end of a one-line list item, not a wrapped one
    return not (block_start and _looks_like_title(previous, following))


def _is_heading(line: str) -> bool:
    """A Markdown or numbered section heading, or a line in capitals."""
    line = line.strip()
    if len(line) > _HEADING_MAX_LENGTH:
        return False
    numbered = _NUMBERED_HEADING.match(line)
    if numbered:
        return line[0] == "#" or numbered.group()[-1].isupper()  # "1.2 Scope", not "0.7 per cent"
    return not any(char.islower() for char in line) and sum(char.isupper() for char in line) >= 4


def _looks_like_title(line: str, following: str) -> bool:
    """A title or byline kept on its own line: Title Case, or much shorter than the text that follows it."""
    if len(line) > 120 or not line[-1].isalnum() or not (line[0].isupper() or line[0].isdigit()):
        return False
    if line.rsplit(None, 1)[-1].lower() in _FUNCTION_WORDS:  # "... that the targets of that Goal, we should"
        return False
    if not (following[0].isupper() or following[0].isdigit() or following[0] in "\"'"):
        return False
    words = _WORD.findall(line)
    title_case = (
        len(words) >= 2 and words[-1][0].isupper() and all(word[0].isupper() for word in words if len(word) >= 4)
    )
    return title_case or len(line) <= 0.6 * len(following)
