"""Hypothesis strategies for hostile text, shared by the fuzzing and injection tests.

:func:`examples` scales a property's example count with the active profile (see ``conftest.py``): the "ci"
profile runs the counts as written, ``HYPOTHESIS_PROFILE=deep`` fifty times as many.
"""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

__all__ = ["HOSTILE_PIECES", "LINE_ENDS", "examples", "hostile_text", "unicode_text"]

_CI_EXAMPLES = 100

LINE_ENDS = ("\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e")
#: Characters that text from PDFs and the web brings, and characters that break parsers, files and markup.
HOSTILE_PIECES = (
    *LINE_ENDS,
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x9d", "\t",
    "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\u200f", "\u202e", "\u2066",
    "\u00a0", "\u2009", "\u202f", "\u3000", "\u1680",
    "\u2018", "\u2019", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2032", "\u2033",
    "-", "-\n", "\u00ad\n", "\n\n", "\n\f\n", "31/34\n", ". ", "\"", "'", "\\", "<", ">", "&", "{", "}", "#", "%",
    "\U0001f600", "\U0001f1f7\U0001f1fa", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645",
    "\u0430", "\u0435", "\u043e", "\u0131", "\u0130", "\u00df", "\ufb01", "e\u0301", "\uffff", "\U0010ffff",
    "\nRelated posts:", "\nViews: 0", "\nShare this:",
)


def examples(count: int) -> settings:
    """Settings running ``count`` examples under the "ci" profile, and as many more as the profile asks for."""
    scale = max(1, settings.default.max_examples // _CI_EXAMPLES)
    return settings(max_examples=count * scale)


def unicode_text(max_size: int = 20) -> st.SearchStrategy[str]:
    """Any text a UTF-8 file can hold: every category, controls and NUL included (no lone surrogates)."""
    return st.text(st.characters(codec="utf-8"), max_size=max_size)


def hostile_text(max_pieces: int = 30) -> st.SearchStrategy[str]:
    """Arbitrary text mixed with :data:`HOSTILE_PIECES`."""
    piece = st.one_of(unicode_text(), st.sampled_from(HOSTILE_PIECES))
    return st.lists(piece, max_size=max_pieces).map("".join)
