"""Choosing what an amount of money measures: every cue, one scoring function.

A sentence of a financial story holds amounts and cue words: results ("net
loss", "revenue", "earned"; ``rules/financial_kinds.jsonl``) and traps, words
that make an amount something else ("price", "savings", "market value";
``rules/financial_cues.jsonl``). Which cue an amount belongs to is decided here,
the way ``arguments.py`` decides an event's company:

1. **Candidates**: every result cue and every trap cue of the sentence, and
   *none* (the amount is no figure of a result).
2. **Features**: a fixed set of general ones, each defined with examples in
   ``rules/cue_features.json``: the cue within ``MAX_STEPS`` parse steps, named
   by an "in" phrase of the amount, the nearest result word in the parse, a
   trap as near as the leading result word or measured by the amount's "of",
   no result word in reach (on *none*), nearness in the parse, the cue before
   the amount, another cue between them, the amount hung on the cue ("a loss
   of $5m") or on the verb the cue is the subject of ("sales rose to $5m"),
   and the cue naming a part of what the amount totals. No feature is a rule's
   vote: the order the old hand rules had is the hand weights' order.
3. **One linear score** per candidate with the weights of
   ``rules/cue_weights.json`` (the same :class:`~.arguments.Weights` as the
   company chooser; fitted on tune folds only by ``scripts/fit_cue_weights.py``);
   the highest score wins.

>>> names = cue_feature_names()
>>> "in_phrase" in names and "none" in names
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from newsledger.extract.events.arguments import (
    Weights,
    features_of,
    names_of,
    rule_json,
    weights_of,
)
from newsledger.extract.events.rules import PhraseHit
from newsledger.extract.events.spans import same_sentence

NONE_CUE = "<none>"
# parse steps at which nearness has fallen to nothing
_NEAR_STEPS = 7
# parse steps within which a cue is in reach of an amount
MAX_STEPS = 6
# how far up from the amount a verb may be for its subject to be the amount's cue
_VERB_STEPS = 3
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class CueCandidate:
    """A cue (or none) that could be what an amount measures."""

    key: str
    hit: PhraseHit | None
    trap: bool
    features: dict[str, float] = field(default_factory=dict)

    def vote(self, name: str, value: float = 1.0) -> None:
        self.features[name] = max(self.features.get(name, 0.0), value)


@dataclass(frozen=True)
class CueChoice:
    """What was decided for one amount (recorded when fitting the weights)."""

    raw: str
    amount: Decimal | None
    candidates: tuple[CueCandidate, ...]
    chosen: str

    def kinds(self) -> tuple[str | None, ...]:
        """Each candidate's result kind ("net_loss"), None for a trap or none."""
        return tuple(
            None if c.trap or c.hit is None else str(c.hit.rule.value).partition("/")[0]
            for c in self.candidates
        )


def cue_feature_table() -> tuple[dict[str, Any], ...]:
    return features_of("cue")


def cue_feature_names() -> tuple[str, ...]:
    return names_of("cue")


@cache
def default_cue_weights() -> Weights:
    return load_cue_weights(rule_json("cue_weights.json"))


def load_cue_weights(data: dict[str, Any]) -> Weights:
    return weights_of("cue", data)


def _tree_distance(a: Token, b: Token) -> int | None:
    """Steps between two tokens through their lowest common head; None across sentences."""
    if not same_sentence(a, b):
        return None
    up_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, tok in enumerate([a, *a.ancestors]):
        if tok.i in up_b:
            return n + up_b[tok.i]
    return None


def _hung_on(money: Span, cue: Token) -> bool:
    """ "a loss of $5m", "revenue to $9bn", "$5m loss": the amount on the cue itself
    or on a preposition of it."""
    head = money.root.head
    if head.i == cue.i and money.root.i != cue.i:
        return True
    return head.dep_ == "prep" and head.head.i == cue.i


def _subject_of_verb_above(money: Span, cue: Token) -> bool:
    """ "sales rose to $9bn", "profit was $5m": the cue is the subject of a verb above
    the amount."""
    if cue.dep_ not in _SUBJECTS:
        return False
    verb = cue.head
    return any(t.i == verb.i for t in list(money.root.ancestors)[:_VERB_STEPS])


def _between(money: Span, cue: Span, others: list[Span]) -> bool:
    """Another cue stands between this one and the amount in the text."""
    lo, hi = (cue.end, money.start) if cue.end <= money.start else (money.end, cue.start)
    return any(lo <= o.start and o.end <= hi for o in others if o.start != cue.start)


def _grammar(money: Span, hit: PhraseHit, others: list[Span]) -> dict[str, float]:
    root = hit.span.root
    steps = _tree_distance(money.root, root)
    near = 0.0 if steps is None else max(0.0, 1.0 - min(steps, _NEAR_STEPS) / _NEAR_STEPS)
    return {
        "near": round(near, 4),
        "before": float(hit.span.end <= money.start),
        "between": float(_between(money, hit.span, others)),
        "hung_on": float(_hung_on(money, root)),
        "subject_link": float(_subject_of_verb_above(money, root)),
    }


def cue_candidates(
    money: Span,
    kinds: list[PhraseHit],
    traps: list[PhraseHit],
    *,
    steps: dict[int, int],
    named: PhraseHit | None,
    nearest: PhraseHit | None,
    part_of_total: set[int],
    measured: set[int],
) -> list[CueCandidate]:
    """Every candidate cue of one amount with its features.

    ``steps`` gives each cue's distance in the parse (by span start; large across
    sentences), ``named`` the result word an "in" phrase of the amount names,
    ``nearest`` the result word nearest in the parse of those naming no part of the
    total (``part_of_total``: span starts), ``measured`` the traps the amount's own
    "of" names ("$2bn of debt")."""
    spans = [h.span for h in (*kinds, *traps)]
    leading = named or nearest
    lead_steps = steps[leading.span.start] if leading is not None else None
    in_reach = lead_steps is not None and lead_steps <= MAX_STEPS
    pool: list[CueCandidate] = []
    for hit in kinds:
        if hit.span.start < money.end and money.start < hit.span.end:
            continue  # the amount's own words
        cand = CueCandidate(f"kind@{hit.span.start}", hit, False, _grammar(money, hit, spans))
        _reach(cand, steps[hit.span.start])
        if named is not None and hit.span.start == named.span.start:
            cand.vote("in_phrase")
        if nearest is not None and hit.span.start == nearest.span.start:
            cand.vote("nearest")
        if hit.span.start in part_of_total:
            cand.vote("part_of_total")
        pool.append(cand)
    for hit in traps:
        cand = CueCandidate(f"trap@{hit.span.start}", hit, True, _grammar(money, hit, spans))
        cand.vote("trap")
        _reach(cand, steps[hit.span.start])
        own = hit.span.start < money.end and money.start < hit.span.end
        if lead_steps is not None and not own and steps[hit.span.start] <= lead_steps:
            cand.vote("as_near")
        if hit.span.start in measured:
            cand.vote("measured")
        pool.append(cand)
    none = CueCandidate(NONE_CUE, None, False, {"none": 1.0})
    if not in_reach:
        none.vote("nothing_in_reach")
    return [*pool, none]


def _reach(cand: CueCandidate, steps: int) -> None:
    if steps <= MAX_STEPS:
        cand.vote("in_reach")


def choose_cue(pool: list[CueCandidate], weights: Weights | None = None) -> CueCandidate:
    """The highest-scoring candidate; on a tie the earlier one (none comes last)."""
    weights = weights or default_cue_weights()
    best = pool[0]
    best_score = weights.score(best.features)
    for cand in pool[1:]:
        score = weights.score(cand.features)
        if score > best_score:
            best, best_score = cand, score
    return best


__all__ = [
    "NONE_CUE",
    "CueCandidate",
    "CueChoice",
    "choose_cue",
    "cue_candidates",
    "cue_feature_names",
    "cue_feature_table",
    "default_cue_weights",
    "load_cue_weights",
]
