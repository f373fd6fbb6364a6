"""Helpers the tests share: hand-built data, stores, parses, corpora, and the command line, browser and HTML
helpers. The test modules import them from here (``from support.stores import ...``), never from one another.

``tests/`` is on ``sys.path`` because ``tests/conftest.py`` lives there; the test folders below it mirror the
code's folders and hold no ``__init__.py``, so every test module's base name is unique across the tree.

The paths below are the repository's, worked out once here rather than by counting ``parents`` in each test.
"""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
