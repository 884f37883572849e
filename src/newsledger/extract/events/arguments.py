"""Choosing an event's company: every candidate, one scoring function.

The finders (layoffs, financials, plans) say *where* an event is stated: a cue
token and, for layoffs, the job noun it cuts. Which organisation the event
belongs to is decided here, the same way for every event type:

1. **Candidates**: every organisation, person or place named in the cue's
   sentence, the companies of the headline and of the sentence before, the
   article's main company, every company a grammatical relation of the cue
   names (``companies.readings``), and *none* (no company of this article: a
   sector, a country, a list of examples).
2. **Features**: a fixed set of general ones (``rules/company_features.json``
   defines each, with examples): the cue's relations (a company attached to it,
   the clause's subject by name or by reference, a unit attached, the subject
   of a reporting clause above, the company named nearest before or first
   after, an untagged capitalised subject; on *none*, a subject that is no
   company or a cut with nobody named), grammar of each mention (subject,
   possessor, attached by a preposition, apposed unit, relative clause or
   aside, list of examples, source credit), place (before the cue, distance,
   headline, sentence before), the article (main company, share of mentions)
   and the organisation's type (``normalize.orgs``). No feature is a rule's
   vote: the order the old hand rules had is the hand weights' order.
3. **One linear score** per candidate, weights from
   ``rules/company_weights.json`` (fitted on tune folds only by
   ``scripts/fit_company_weights.py``, or set by hand); the highest score wins.

>>> weights = Weights("t", 0.0, {"subject": 2.0})
>>> weights.score({"subject": 1.0, "distance": 0.5})
2.0
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import islice
from typing import Any, cast

from spacy.tokens import Span, Token

from newsledger.extract.events.companies import (
    ATTACH_PREPS,
    COMPARED_PREPS,
    Reading,
    unit_nouns,
)
from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.spans import ents_in, memo
from newsledger.normalize.orgs import org_type
from newsledger.resolve.names import clean_name, company_key

NONE = "<none>"  # the candidate "no company of this article"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OWN_DEPS = frozenset({"poss", "compound", "nmod"})
_ASIDE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "parataxis"})
_REPORT_VERBS = frozenset({"say", "announce", "report", "confirm", "reveal", "state", "tell"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_DISTANCE_CAP = 40
# a mention in one of these relations to the cue may be its actor whatever its tag
_HOLDS_CUE = frozenset({"subject", "possessor", "attached"})


@dataclass(frozen=True)
class Weights:
    """A versioned linear scorer: ``bias`` + the sum of weight x feature value."""

    version: str
    bias: float
    weights: dict[str, float]

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())


def rule_json(name: str) -> dict[str, Any]:
    """A JSON file of ``extract/rules/`` (feature tables, weights)."""
    text = resources.files("newsledger.extract").joinpath(f"rules/{name}")
    data: dict[str, Any] = json.loads(text.read_text("utf-8"))
    return data


@cache
def features_of(chooser: str) -> tuple[dict[str, Any], ...]:
    """The feature definitions (id, what it means, examples) of a chooser ("company",
    "cue", "merge", "figure": ``rules/<chooser>_features.json``), in their fixed order."""
    return tuple(rule_json(f"{chooser}_features.json")["features"])


def names_of(chooser: str) -> tuple[str, ...]:
    return tuple(f["id"] for f in features_of(chooser))


def weights_of(chooser: str, data: dict[str, Any]) -> Weights:
    """A chooser's weights from their JSON form; a weight for a feature the chooser
    does not define is an error."""
    return load_weights(data, known=names_of(chooser))


def feature_table() -> tuple[dict[str, Any], ...]:
    return features_of("company")


def feature_names() -> tuple[str, ...]:
    return names_of("company")


@cache
def default_weights() -> Weights:
    return load_weights(rule_json("company_weights.json"))


def load_weights(data: dict[str, Any], known: Iterable[str] | None = None) -> Weights:
    """Weights from their JSON form; a weight for a feature not ``known`` (by default the
    company chooser's) is an error."""
    names = set(feature_names() if known is None else known)
    unknown = set(data["weights"]) - names
    if unknown:
        raise ValueError(f"weights for undefined features: {sorted(unknown)}")
    return Weights(str(data["version"]), float(data["bias"]), dict(data["weights"]))


@dataclass
class Candidate:
    """One organisation (or none) that could be the event's company."""

    key: str
    name: str | None
    features: dict[str, float] = field(default_factory=dict)

    def vote(self, name: str, value: float = 1.0) -> None:
        self.features[name] = max(self.features.get(name, 0.0), value)


@dataclass(frozen=True)
class Choice:
    """What was decided for one cue (recorded when fitting the weights)."""

    event: str
    sentence: str
    candidates: tuple[Candidate, ...]
    chosen: str


# --- candidates ----------------------------------------------------------------------


def _mention_name(ctx: ArticleContext, ent: Span) -> tuple[str, str] | None:
    """(name, type) of a named mention that could be an event's actor, or None."""
    # once per mention, not once per cue: a text dense with cues asked it 250,000 times
    table = memo(ent, "mention_name")
    key = ("mention_name", ent.start, ent.end)
    if key not in table:
        table[key] = _read_mention_name(ctx, ent)
    return cast("tuple[str, str] | None", table[key])


def _read_mention_name(ctx: ArticleContext, ent: Span) -> tuple[str, str] | None:
    companyish = ctx.companyish(ent)
    if ent.label_ == "PERSON" and not companyish and len(ent) >= 2:
        # a full name; one word the tagger calls a person is as often a company's name
        name = clean_name(ent.text)
        return (name, "person") if name else None
    if ent.label_ in _PLACE_LABELS and not companyish:
        name = clean_name(ent.text)
        return (name, "place") if name else None
    if ent.label_ not in ("ORG", "PERSON") and not companyish:
        return None
    name = ctx.company_at.get(ent.start_char) or clean_name(ent.text)
    return (name, org_type(name)) if name else None


# a period's code the tagger took for a name ("in Q3", "H1", "FY2024") is no organisation
_PERIOD_CODE = re.compile(r"(?:Q[1-4]|H[12]|[1-4]Q|FY\s?'?\d{2,4}|FY)", re.IGNORECASE)


def _is_name(name: str | None) -> bool:
    """A name has a capital or a digit and is no period code ("bankruptcy", "Q3" are not)."""
    text = (name or "").strip()
    capital = any(ch.isupper() or ch.isdigit() for ch in text)
    return capital and not _PERIOD_CODE.fullmatch(text)


def _add(pool: dict[str, Candidate], name: str) -> Candidate:
    key = company_key(name) or name.lower()
    cand = pool.get(key)
    if cand is None:
        cand = pool[key] = Candidate(key, name)
    return cand


def candidates(
    ctx: ArticleContext,
    trigger: Token,
    anchor: Token | None,
    reads: list[Reading],
    event: str = "layoff",
) -> list[Candidate]:
    """Every candidate of one cue, with its features."""
    sent = ctx.unit_of(trigger)
    pool: dict[str, Candidate] = {}
    cue = _cue_view(trigger, anchor)
    for ent in ents_in(sent):
        named = _mention_name(ctx, ent)
        if named is None or not _is_name(named[0]):
            continue
        cand = _add(pool, named[0])
        cand.vote(f"type_{named[1]}")
        for name, value in _grammar(ctx, ent, cue).items():
            cand.vote(name, value)
    for unit, feature in _around(ctx, sent):
        for ent in ents_in(unit):
            named = _mention_name(ctx, ent)
            if named is not None and named[1] not in ("person", "place"):
                cand = _add(pool, named[0])
                cand.vote(feature)
                cand.vote(f"type_{named[1]}")
    main = ctx.context_company()
    if main:
        cand = _add(pool, main)
        cand.name = main  # "Halden AG", not the headline's "Halden"
        cand.vote("main_company")
    none = Candidate(NONE, None, {"none": 1.0})
    renamed: set[str] = set()
    for read in reads:
        if read.company is None:
            none.vote(read.feature)
        elif _is_name(read.company):
            cand = _add(pool, read.company)
            if cand.key not in renamed:  # the name as the strongest relation reads it
                renamed.add(cand.key)
                cand.name = read.company
            cand.vote(read.feature)
    _article_features(ctx, pool.values())
    # a cut no relation or article gives an employer ("20,000 workers lost their jobs"
    # is often a sector's); a result is always some company's ("Seiyu's loss")
    unread = not any(r.company for r in reads) and not ctx.context_company()
    if (
        event == "layoff"
        and unread
        and not any(c.features.keys() & _HOLDS_CUE for c in pool.values())
    ):
        none.vote("nothing_read")
    for cand in pool.values():
        if cand.key != NONE and not any(k.startswith("type_") for k in cand.features):
            cand.vote(f"type_{org_type(cand.name or '')}")
        if "main_company" in cand.features and "type_media" in cand.features:
            del cand.features["type_media"]  # an article about a news company: a company
            cand.vote("type_company")
    return [*pool.values(), none]


def _around(ctx: ArticleContext, sent: Span) -> list[tuple[Span, str]]:
    units = ctx.units
    out: list[tuple[Span, str]] = []
    if units and units[0] != sent:
        out.append((units[0], "headline"))
    i = ctx.unit_index(sent.start)  # the unit of the cue, found, not walked to
    if i is not None and units[i] == sent and i > 0 and units[i - 1] != units[0]:
        out.append((units[i - 1], "sentence_before"))
    return out


def _article_features(ctx: ArticleContext, pool: Iterable[Candidate]) -> None:
    if ctx.company_keys is None:  # once per article, not once per cue
        ctx.company_keys = Counter(company_key(n) for n in ctx.company_at.values())
    keys = ctx.company_keys
    total = sum(keys.values()) or 1
    main = company_key(ctx.main_company) if ctx.main_company else None
    for cand in pool:
        share = keys[cand.key] / total  # counted once, not per cue (quadratic on 200 kB)
        if share:
            cand.vote("mention_share", round(share, 3))
        if main and cand.key == main and ctx.main_salient:
            cand.vote("main_company")


# --- grammar features ------------------------------------------------------------------


@dataclass(frozen=True)
class _CueView:
    """What every mention's grammar features ask of one cue, read once per cue."""

    trigger: Token
    heads: tuple[Token, ...]  # the trigger and its anchor (the job noun)
    subjects: tuple[Token, ...]  # the subjects of the clause verbs above the trigger
    reporters: tuple[Token, ...]  # the subjects of the reporting verb above it
    path: frozenset[int]  # the trigger and its ancestors


def _cue_view(trigger: Token, anchor: Token | None) -> _CueView:
    subjects = [
        subj
        for verb in _clause_verbs(trigger)
        for subj in _subject_tokens(verb)
        if anchor is None or subj.i != anchor.i
    ]
    reporters: list[Token] = []
    for verb in islice(trigger.ancestors, 6):
        if verb.lemma_.lower() in _REPORT_VERBS:
            reporters = _subject_tokens(verb)
            break
    heads = tuple(h for h in (trigger, anchor) if h is not None)
    path = frozenset(t.i for t in (trigger, *trigger.ancestors))
    return _CueView(trigger, heads, tuple(subjects), tuple(reporters), path)


def _grammar(ctx: ArticleContext, ent: Span, cue: _CueView) -> dict[str, float]:
    root = ent.root
    trigger = cue.trigger
    distance = min(abs(root.i - trigger.i), _DISTANCE_CAP) / _DISTANCE_CAP
    flags = {
        "before_cue": ent.start < trigger.i,
        # "Acme said profit fell": the subject of a reporting verb above the cue's clause
        "subject": any(_within_name(root, s) for s in cue.subjects),
        "reporter": any(_within_name(root, s) for s in cue.reporters),
        "possessor": any(_owned_by(root, h) for h in cue.heads),
        "attached": any(_attached_to(root, h) for h in cue.heads),
        "aside": _in_aside(root, cue.path),
    }
    out = {name: 1.0 for name, on in flags.items() if on}
    out.update(_own_flags(ent))
    out["near"] = round(1.0 - distance, 3)
    return out


def _own_flags(ent: Span) -> dict[str, float]:
    """The features a mention has whatever the cue, read once per mention."""
    table = memo(ent, "own_flags")
    key = ("own_flags", ent.start, ent.end)
    if key not in table:
        root = ent.root
        flags = {
            "is_unit": _names_unit(root),
            "owns_unit": _owns_unit(root),
            "listed_example": _listed(ent),
            "source_credit": _credited(ent),
        }
        table[key] = {name: 1.0 for name, on in flags.items() if on}
    return cast("dict[str, float]", table[key])


def _subject_tokens(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in _SUBJECTS]


def _clause_verbs(trigger: Token) -> list[Token]:
    """The trigger and the heads it climbs through to its clause's verb (up to 4 steps)."""
    chain = [trigger]
    tok = trigger
    for _ in range(4):
        if tok.dep_ in ("ROOT", "ccomp", "relcl", "advcl") or tok.head.i == tok.i:
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _within_name(root: Token, head: Token) -> bool:
    """``root`` is part of ``head``'s own noun phrase (no relative clause, no aside)."""
    tok = root
    for _ in range(4):
        if tok.i == head.i:
            return True
        if tok.dep_ not in ("compound", "poss", "nmod", "appos", "amod", "flat"):
            return False
        tok = tok.head
    return tok.i == head.i


def _owned_by(root: Token, head: Token) -> bool:
    return any(c.dep_ in _OWN_DEPS and _within_name(root, c) for c in head.children)


def _attached_to(root: Token, head: Token) -> bool:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ATTACH_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and _within_name(root, pobj):
                    return True
    return False


def _names_unit(root: Token) -> bool:
    """ "its European division, Opel", "Ford's Jaguar", "the Opel unit": a unit's name."""
    units = unit_nouns()
    if root.dep_ == "appos" and root.head.lemma_.lower() in units:
        return True
    if root.dep_ == "compound" and root.head.lemma_.lower() in units:
        return True
    return any(c.dep_ == "poss" and c.lower_ not in ("its", "their") for c in root.children)


def _owns_unit(root: Token) -> bool:
    """ "Ziff Davis' Game Group", "GM's European division": the owner of a named unit."""
    if root.dep_ != "poss":
        return False
    head = root.head
    return head.lemma_.lower() in unit_nouns() or (head.pos_ == "PROPN" and bool(head.ent_type_))


def _in_aside(root: Token, trigger_path: frozenset[int]) -> bool:
    """The mention hangs in a relative clause, an aside or a comparison the cue is not in
    (``trigger_path``: the cue and its ancestors)."""
    tok = root
    while tok.i not in trigger_path and tok.head.i != tok.i:
        if tok.dep_ in _ASIDE_DEPS and tok.i != root.i:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in COMPARED_PREPS:
            return True
        tok = tok.head
    return False


def _listed(ent: Span) -> bool:
    """Inside "such as ...", "including ...", "like ...": an example in a list."""
    doc = ent.doc
    for i in range(max(ent.sent.start, ent.start - 12), ent.start):
        words = (doc[i].lower_, doc[i + 1].lower_ if i + 1 < len(doc) else "")
        if words == ("such", "as") or words[0] in ("including", "like"):
            between = doc[i : ent.start].text
            if not any(p in between for p in (".", ";", ":")):
                return True
    return False


def _credited(ent: Span) -> bool:
    """A source credit: "(X)", "according to X", "told X", "citing X", "via X"."""
    doc = ent.doc
    bracketed = ent.start > 0 and ent.end < len(doc)
    if bracketed and doc[ent.start - 1].text == "(" and doc[ent.end].text == ")":
        return True
    root = ent.root
    head = root.head
    if (
        root.dep_ == "pobj"
        and head.lower_ in ("to", "via", "by")
        and (head.head.lower_ in ("according", "via", "quoted") or head.lower_ == "via")
    ):
        return True
    # "Reuters reported" is left to the outlet's type: "Acme reported a loss" and "Acme
    # reported that its loss widened" parse the same way
    return root.dep_ in ("dobj", "dative") and head.lemma_.lower() in ("tell", "cite")


# --- the decision ----------------------------------------------------------------------


def choose(
    ctx: ArticleContext,
    trigger: Token,
    anchor: Token | None,
    reads: list[Reading],
    event: str,
    weights: Weights | None = None,
) -> str | None:
    """The company (as named) of the event at ``trigger``; None for "no company"."""
    weights = weights or ctx.company_weights or default_weights()
    pool = candidates(ctx, trigger, anchor, reads, event)
    best = max(pool, key=lambda c: (weights.score(c.features), c.key == NONE))
    if ctx.trace is not None:
        sent = ctx.unit_of(trigger)
        ctx.trace.append(Choice(event, sent.text, tuple(pool), best.key))
    return None if best.key == NONE else best.name


__all__ = [
    "NONE",
    "Candidate",
    "Choice",
    "Weights",
    "candidates",
    "choose",
    "default_weights",
    "feature_names",
    "feature_table",
    "load_weights",
]
