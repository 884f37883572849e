"""Financial results: an amount of money, the result it measures, its period.

Each MONEY entity is attached to the nearest concept in the parse: a result
("net loss", "pre-tax profit", "revenue", "impairment"...) from
``rules/financial_kinds.jsonl``, or a trap ("price", "market value", "deal",
"savings", "investment", "estimates"...) from ``rules/financial_cues.jsonl``.
Money nearer a trap than any result is not a result. Results that analysts
expect are not the company's; results the company expects are ``outlook``.
An impairment, write-down or restructuring charge stated without an amount is
still an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

from spacy.tokens import Span, Token

from newsledger.extract.events.amounts import amount_text, money_spans
from newsledger.extract.events.companies import actor_for
from newsledger.extract.events.comparisons import (
    LAST_YEAR,
    YEAR_EARLIER,
    compared_in,
    in_comparison,
    is_comparison,
    is_earlier,
    says_year_earlier,
    with_lead,
)
from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.cues import CueCandidate, CueChoice, choose_cue, cue_candidates
from newsledger.extract.events.dates import done_before, event_date
from newsledger.extract.events.non_results import (
    added,
    aimed_at,
    analysts_say,
    combined,
    is_change,
    is_stated_conversion,
    is_trap,
    judged,
    measures,
    object_is_trap,
    of_a_percentage,
    of_trap,
    per_share,
    per_share_kind,
    subject_is_trap,
)
from newsledger.extract.events.rules import PhraseHit, find_phrases, load_book
from newsledger.extract.events.segments import segment_of
from newsledger.extract.events.spans import doc_ents, ents_in, same_sentence
from newsledger.models import Event, FinancialArgs
from newsledger.normalize.currency import to_usd
from newsledger.normalize.money import currency_for_nationality, find_stated_conversion, parse_money
from newsledger.normalize.periods import add_months, fiscal_year_end_from_text, parse_period
from newsledger.normalize.types import Money
from newsledger.resolve.names import company_key

# a result stated this close after another (in characters) shares its period
_PERIOD_CARRY_CHARS = 3
# result words that name no kind of profit of their own
_BARE_PROFIT = frozenset({"profit", "profits"})
# how far (in parse steps) a result word may be from its amount

# kinds reported even without an amount
AMOUNTLESS_KINDS = frozenset({"impairment", "writedown", "restructuring_charge"})
# symbols whose currency depends on the company's country
# a dollar spelled out with its country ("NZ$", "C$", "A$", "US$") before a figure
_DOLLAR_VARIANT = re.compile(r"(?<![A-Za-z])(?:NZ|CA|Can|C|AUS|AU|A|S|HK|US)\$\s?\d[\d.,]*")
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z])\$")
AMBIGUOUS_MARKS = ("¥", "kr", "crown", "dollar", "peso")


@lru_cache(maxsize=1)  # from rule files read once
def trigger_lemmas() -> frozenset[str]:
    words: set[str] = set()
    for rule in load_book("financial_kinds").rules:
        for phrase in rule.phrases:
            words.add(phrase.replace("-", " ").split()[-1].lower())
    return frozenset(words) | load_book("financial_kinds").all_lemmas()


def distance(a: Token, b: Token) -> int:
    """Steps between two tokens through their lowest common head (large across sentences)."""
    if not same_sentence(a, b):
        return 100 + abs(a.i - b.i)
    up_a = [a, *a.ancestors]
    up_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, tok in enumerate(up_a):
        if tok.i in up_b:
            return n + up_b[tok.i]
    return 100 + abs(a.i - b.i)


def _about_restructuring(sent: Span) -> bool:
    """The sentence speaks of job cuts or a restructuring: a bare charge there is theirs."""
    words = {t.lemma_.lower() for t in sent}
    return bool(words & load_book("financial_cues").lemmas("restructuring_context"))


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _within(inner: Span, outer: Span) -> bool:
    """``inner`` lies inside ``outer``, which is longer."""
    return outer.start <= inner.start and inner.end <= outer.end and len(outer) > len(inner)


def _named_in(money: Span, hits: list[PhraseHit]) -> PhraseHit | None:
    """ "earned $83 million in revenue", "$1.3 billion was lost in restructuring charges":
    the kind named by an "in" phrase on the amount or on its verb is the amount's kind."""
    heads = {money.root.i, money.root.head.i}
    for hit in hits:
        root = hit.span.root
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ == "in" and prep.head.i in heads:
            return hit
    return None


def _nearest(money: Span, hits: list[PhraseHit]) -> tuple[PhraseHit, int] | None:
    best: tuple[PhraseHit, int] | None = None
    for hit in hits:
        if hit.span.start < money.end and money.start < hit.span.end:
            continue
        d = distance(money.root, hit.span.root)
        if best is None or (d, abs(hit.span.start - money.start)) < (
            best[1],
            abs(best[0].span.start - money.start),
        ):
            best = (hit, d)
    return best


def _cue_words(money: Span, kind_tok: Token) -> tuple[set[str], list[Token]]:
    chain = [money.root, *money.root.ancestors][:8] + [kind_tok, *kind_tok.ancestors][:6]
    words = {t.lemma_.lower() for t in chain}
    for tok in chain:
        words.update(
            c.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("aux", "amod", "compound", "advmod", "dobj")
        )
    return words, chain


def _up_to_clause(money: Span) -> list[Token]:
    """The amount's head words up to the first verb (the amount's own clause)."""
    out = []
    for tok in (money.root, *money.root.ancestors):
        out.append(tok)
        if tok.pos_ in ("VERB", "AUX"):
            break
    return out


def _verb_kinds(sent: Span) -> list[PhraseHit]:
    """Results said by a verb: "lost $45m", "earned $1.9bn", "wrote down ... by $2.5bn"."""
    book = load_book("financial_kinds")
    hits: list[PhraseHit] = []
    for rule in book.role("kind_verb"):
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in rule.lemmas:
                continue
            if tok.lemma_.lower() == "write" and not any(
                c.lower_ in ("down", "off") for c in tok.children
            ):
                continue
            hits.append(PhraseHit(rule, sent.doc[tok.i : tok.i + 1]))
    return hits


def _verb_like(hit: PhraseHit) -> bool:
    """A result said by a verb ("lost") or a phrase on one ("ended ... in the red")."""
    return hit.rule.role == "kind_verb" or hit.span.root.pos_ == "ADP"


def _before_tax(money: Span, hit: PhraseHit) -> bool:
    """ "a profit of £1.2m before tax" is a pre-tax profit."""
    doc = money.doc
    after = " ".join(doc[i : i + 3].text.lower() for i in (money.end, hit.span.end) if i < len(doc))
    return "before tax" in after


def _is_record(chain: list[Token], lemmas: frozenset[str]) -> bool:
    """ "a record loss": a record word modifying the result, never the verb "record"."""
    for tok in chain:
        for word in (tok, *(c for c in tok.children if c.dep_ in ("amod", "compound", "nmod"))):
            if word.lemma_.lower() in lemmas and word.pos_ != "VERB":
                return True
    return False


@dataclass
class FinancialState:
    """Per-article state: the currency hint, fiscal year end and amountless charges."""

    ctx: ArticleContext
    _hints: list[str] = field(default_factory=list)
    _hint_done: bool = False
    _last_period: tuple[str, date | None, int | None, int] | None = None
    _fye: tuple[int, int] | None = None
    _fye_done: bool = False
    _amountless: list[tuple[str, str | None, Span, Token]] | None = None
    _kinds_seen: set[tuple[str, str | None]] | None = None
    _pretax_until: int | None = None
    _dollar: str | None = None
    _dollar_done: bool = False

    def currency_hints(self) -> list[str]:
        """Currencies of the nationalities the article names, in order of first mention."""
        if not self._hint_done:
            self._hint_done = True
            for ent in doc_ents(self.ctx.doc):
                code = currency_for_nationality(ent.text) if ent.label_ == "NORP" else None
                if code and code not in self._hints:
                    self._hints.append(code)
        return self._hints

    def dollar_hint(self) -> str | None:
        """The dollar an article spells out first ("NZ$11.9 million", "CA$47.6 million"):
        what its bare "$" figures mean."""
        if not self._dollar_done:
            self._dollar_done = True
            found = _DOLLAR_VARIANT.search(self.ctx.article.text)
            if found is not None:
                stated = parse_money(found.group(0))
                self._dollar = stated.currency if stated is not None else None
        return self._dollar

    def _parse(self, raw: str) -> Money | None:
        """Read an amount; an ambiguous sign ("¥", "kr") takes the first nationality it fits,
        a bare "$" the dollar the article spells out."""
        plain = parse_money(raw)
        hint = self.dollar_hint()
        if hint and plain is not None and _BARE_DOLLAR.search(raw):
            return parse_money(raw, currency_hint=hint) or plain
        if not any(m in raw.lower() for m in AMBIGUOUS_MARKS):
            return plain
        for hint in self.currency_hints():
            hinted = parse_money(raw, currency_hint=hint)
            if hinted is not None and hinted.currency == hint:
                return hinted
        return plain

    def fiscal_year_end(self) -> tuple[int, int] | None:
        if not self._fye_done:
            self._fye_done = True
            self._fye = fiscal_year_end_from_text(self.ctx.article.text)
        return self._fye

    def find(self, sent: Span, money_used: set[int]) -> list[Event]:
        """Financial results stated in one sentence unit."""
        moneys = [m for m in money_spans(sent) if m.start not in money_used]
        hits = find_phrases(sent, "financial_kinds")
        kinds = [h for h in hits if h.rule.role == "kind"]
        if _about_restructuring(sent):  # "a $900M charge tied to job cuts"
            kinds += [h for h in hits if h.rule.role == "charge_in_context"]
        kinds += _verb_kinds(sent)
        if not kinds:
            return []
        traps = [h for h in find_phrases(sent, "financial_cues") if is_trap(h)]
        kinds = [h for h in kinds if not of_trap(h, traps) and not per_share_kind(h)]
        kinds = [h for h in kinds if not of_a_percentage(h)]
        kinds = [h for h in kinds if not (_verb_like(h) and subject_is_trap(h))]
        kinds = [h for h in kinds if not object_is_trap(h)]
        # "gross profit", "adjusted EBITDA": a kind word inside a longer trap phrase is
        # that trap's, no result of ours
        kinds = [k for k in kinds if not any(_within(k.span, t.span) for t in traps)]
        # "one-time costs", "severance payments": a trap word inside a kind's phrase is
        # that kind, no trap
        traps = [t for t in traps if not any(_overlaps(t.span, k.span) for k in kinds)]
        events: list[Event] = []
        claimed: set[int] = set()
        for money in moneys:
            if money.start in money_used:  # the upper end of a range already read
                continue
            if is_stated_conversion(money) or per_share(money) or is_change(money) or added(money):
                continue
            if any(judged(money, k.span.root) for k in kinds):
                continue
            chosen = self._choose_cue(money, kinds, traps)
            if chosen is None:
                continue
            kind = (chosen, distance(money.root, chosen.span.root))
            # "fell to $4.1bn from $4.6bn", "compared with a loss of $83m": the earlier
            # period's result, a fact of its own (ANNOTATION.md, Comparisons)
            earlier = is_earlier(money.root) or is_earlier(kind[0].span.root)
            if is_comparison(kind[0].span.root) and not earlier:
                continue
            by_verb = kind[0].rule.role == "kind_verb" and money.root.head.head == kind[0].span.root
            if is_comparison(money.root) and not by_verb and not earlier:
                continue  # "wrote down ... by $2.5bn", "more than $5bn"
            upper = _range_end(money, moneys)
            event = self._event(sent, money, kind[0], upper, earlier=earlier)
            if event is not None:
                money_used.update(m.start for m in (money, upper) if m is not None)
                claimed.add(kind[0].span.start)
                events.append(event)
        self._note_pretax(sent, kinds, claimed)
        for hit in kinds:
            value = str(hit.rule.value)
            kind_name, _, subkind = value.partition("/")
            is_noun = hit.span.root.pos_ in ("NOUN", "PROPN")  # not "to write off debt"
            if hit.rule.role == "charge_in_context":
                continue  # a bare "charge" is one only with its amount ("taking charge")
            if kind_name in AMOUNTLESS_KINDS and hit.span.start not in claimed and is_noun:
                self._remember(kind_name, subkind or None, sent, hit.span.root)
        return events

    def _choose_cue(
        self, money: Span, kinds: list[PhraseHit], traps: list[PhraseHit]
    ) -> PhraseHit | None:
        """The result word this amount measures, None when it measures none (a trap's
        amount, or no result word within reach): ``cues.choose_cue`` over every cue of
        the sentence, scored on general features (``rules/cue_features.json``)."""
        pool = cue_pool(money, kinds, traps)
        best = choose_cue(pool, self.ctx.cue_weights)
        if self.ctx.cue_trace is not None:
            parsed = self._parse(amount_text(money))
            amount = parsed.amount if parsed is not None else None
            self.ctx.cue_trace.append(CueChoice(money.text, amount, tuple(pool), best.key))
        return None if best.trap or best.hit is None else best.hit

    def _pretax_carried(self, sent: Span, hit: PhraseHit) -> bool:
        """ "annual pre-tax profits climbed to a record. Profits for the year rose to
        £4.6bn": a bare "profits" right after a pre-tax profit without amount."""
        bare = hit.span.text.lower() in _BARE_PROFIT
        until = self._pretax_until
        return bare and until is not None and sent.start_char - until < _PERIOD_CARRY_CHARS

    def _note_pretax(self, sent: Span, kinds: list[PhraseHit], claimed: set[int]) -> None:
        if any(h.rule.value == "pretax_profit" and h.span.start not in claimed for h in kinds):
            self._pretax_until = sent.end_char

    def _remember(self, kind: str, subkind: str | None, sent: Span, tok: Token) -> None:
        if self._amountless is None:
            self._amountless, self._kinds_seen = [], set()
        self._amountless.append((kind, subkind, sent, tok))

    def leftovers(self) -> list[Event]:
        """Amountless impairments and charges, one per kind and subkind."""
        out: list[Event] = []
        seen: set[tuple[str, str | None]] = set()
        for kind, subkind, sent, tok in self._amountless or []:
            if (kind, subkind) in seen:
                continue
            seen.add((kind, subkind))
            company = _company(self.ctx, tok)
            if company is None:
                continue
            args = FinancialArgs(kind=kind, subkind=subkind, outlook=False)
            when = event_date(sent, self.ctx.published)
            out.append(Event("financial", company, args, (self.ctx.evidence(sent),), when))
        return out

    def _event(
        self,
        sent: Span,
        money: Span,
        hit: PhraseHit,
        upper: Span | None = None,
        *,
        earlier: bool = False,
    ) -> Event | None:
        kind_name, _, subkind = str(hit.rule.value).partition("/")
        if kind_name in ("net_profit", "net_loss") and _before_tax(money, hit):
            kind_name = kind_name.replace("net_", "pretax_")  # "losses of £401m before tax"
        elif kind_name == "net_profit" and self._pretax_carried(sent, hit):
            kind_name = "pretax_profit"
        raw = amount_text(money)
        if upper is not None:  # "between £415m and £425m" -> "£415m-£425m"
            lower = money[1:] if money[0].lower_ == "between" else money
            raw = f"{amount_text(lower)}-{amount_text(upper)}"
        parsed = self._parse(raw)
        if parsed is None:
            return None
        words, chain = _cue_words(money, hit.span.root)
        if analysts_say(chain) or aimed_at(words, chain) or combined(words, chain):
            return None
        cues = load_book("financial_cues")
        past_sight = {t.lemma_.lower() for t in chain if t.tag_ == "VBD"} & cues.lemmas("not_past")
        outlook = bool((words - past_sight) & cues.lemmas("outlook"))
        record = _is_record(chain, cues.lemmas("record"))
        stated = _stated_usd(self.ctx, upper or money)
        amount_usd = usd_value(parsed.amount, parsed.currency, self.ctx.published)
        # "A year earlier, it had earned $4.6bn": the last period stated, a year back
        shifted = (
            not earlier
            and self._last_period is not None
            and says_year_earlier(sent)
            and not compared_in(sent, money)
        )
        earlier = earlier or shifted
        period = (
            self._earlier_period(sent, money, from_last=shifted)
            if earlier
            else self._period(sent, money)
        )
        # "will restructure after posting a loss of €3bn": the loss has been posted
        outlook = outlook and not earlier and not done_before(_up_to_clause(money))
        if not earlier and period == (None, None, None) and self._last_period is not None:
            # "Sales were 610 million francs." right after a result for the first half
            label, end, months, until = self._last_period
            if sent.start_char - until < _PERIOD_CARRY_CHARS:
                period = (label, end, months)
        if period[0] is not None and not earlier:
            self._last_period = (period[0], period[1], period[2], sent.end_char)
        args = FinancialArgs(
            kind=kind_name,
            amount=parsed.amount,
            amount_high=parsed.amount_high,
            currency=parsed.currency,
            amount_usd=amount_usd,
            amount_usd_stated=stated,
            period=period[0],
            period_end=period[1],
            period_months=period[2],
            outlook=outlook,
            record=record,
            subkind=subkind or None,
            raw=raw,
            segment=segment_of(money, hit.span.root),
        )
        actor = actor_for(self.ctx, hit.span.root, None, "financial")
        company = actor.company
        if company is not None and company_key(company) in cues.lemmas("market_name"):
            company = self.ctx.context_company()  # "Wall Street had expected more"
        if company is None:
            return None  # a market's or a country's figure, not a company's result
        if hit.rule.role == "kind_verb" and actor.how != "subject":
            return None  # "shareholders lost $180bn": only a company that loses is a result
        when = event_date(sent, self.ctx.published)
        return Event("financial", company, args, (self.ctx.evidence(sent),), when)

    def _earlier_period(
        self, sent: Span, money: Span, *, from_last: bool = False
    ) -> tuple[str | None, date | None, int | None]:
        """The period of an earlier figure: its own date ("from $201m in the 2006
        financial year"), else the current figure's period (``from_last``: the last one
        stated), a year back."""
        own = self._period(sent, money, inside=True)
        if own[0] is not None:
            return own
        label, end, months = self._period(sent, money)
        if end is None and from_last and self._last_period is not None:
            label, end, months, _until = self._last_period
        if end is None:
            return "a year earlier", None, None
        return f"a year earlier than {label}", add_months(end, -12), months

    def _period(
        self, sent: Span, money: Span, *, inside: bool = False
    ) -> tuple[str | None, date | None, int | None]:
        dates = [e for e in ents_in(sent) if e.label_ == "DATE" and in_comparison(e) == inside]
        if inside:
            # "from $4m last year": a year before the current figure's period, which
            # the caller works out; not the calendar year before publication
            dates = [e for e in dates if not LAST_YEAR.search(e.text)]
        else:
            # "up 280% since the same time last year": the comparison's date, never the
            # current figure's period
            dates = [e for e in dates if not YEAR_EARLIER.search(with_lead(e, sent))]
        dates.sort(key=lambda e: distance(money.root, e.root))
        for ent in dates:
            period = parse_period(
                _with_stated_end(ent, sent),
                published=self.ctx.published,
                fiscal_year_end=self.fiscal_year_end(),
            )
            if period is not None:
                return period.label, period.end, _months(period.start, period.end)
            if self.ctx.published is None and _UNPLACED.fullmatch(ent.text.lower()):
                # "will do less well this year" in an undated article: the figure's own
                # period, unknown, never a farther one ("profits in 2004")
                return ent.text, None, None
        return None, None, None


# a period counted from the publication day, which an undated article cannot place
_UNPLACED = re.compile(r"(?:this|last|next|the coming)\s+(?:year|quarter|half|month)")


# "the financial year that ended in March 2012": a period, then its end in a clause
_STATED_END = re.compile(
    r"^,?\s*(?:that|which)\s+(?:ended|ends|closed|closes|finished)\s+(?:in|on)?\s*$"
)


def _with_stated_end(ent: Span, sent: Span) -> str:
    """A period with the end its relative clause states, when the tagger split them
    ("the financial year" + "that ended in" + "March 2012"); else the period alone."""
    doc = ent.doc
    for other in ents_in(sent):
        if other.label_ == "DATE" and other.start > ent.end:
            between = doc[ent.end : other.start].text
            if _STATED_END.match(between):
                return doc[ent.start : other.end].text
            break
    return ent.text


def cue_pool(money: Span, kinds: list[PhraseHit], traps: list[PhraseHit]) -> list[CueCandidate]:
    """The candidate cues of one amount (``cues.cue_candidates``): each cue's distance in
    the parse, the result word an "in" phrase names ("earned $83m in revenue"), the
    result word nearest in the parse of those that name no part of the amount's total,
    and the traps the amount measures ("$2bn of debt")."""
    steps = {h.span.start: distance(money.root, h.span.root) for h in (*kinds, *traps)}
    whole = [k for k in kinds if not _part_of_total(k.span.root, money.root)]
    nearest = _nearest(money, whole)
    return cue_candidates(
        money,
        kinds,
        traps,
        steps=steps,
        named=_named_in(money, kinds),
        nearest=nearest[0] if nearest is not None else None,
        part_of_total={k.span.start for k in kinds} - {k.span.start for k in whole},
        measured={t.span.start for t in traps if measures(money, [t])},
    )


def _months(start: date | None, end: date | None) -> int | None:
    """A period's length in whole months: 1 Jul-30 Sep is 3 (a month is 30.44 days)."""
    if start is None or end is None:
        return None
    return round(((end - start).days + 1) / 30.4375) or None


def usd_value(amount: Decimal, currency: str | None, on: date | None) -> Decimal | None:
    """``amount`` in US dollars at the rate of day ``on`` (None for an unknown currency);
    the normalizer caches its rate per currency and day."""
    return None if currency is None else to_usd(amount, currency, on)


# "a 1.5bn euro charge, including a 650m euro write-down": the words that name a part
_PART_WORDS = frozenset({"including", "excluding", "includes", "included"})


def _part_of_total(kind_tok: Token, money_tok: Token) -> bool:
    """The result word names a part of what the amount totals, not the amount itself."""
    above_money = {money_tok.i, *(t.i for t in money_tok.ancestors)}
    for tok in [kind_tok, *kind_tok.ancestors]:
        if tok.i in above_money:
            return False
        if tok.lower_ in _PART_WORDS:
            return True
    return False


def _range_end(money: Span, moneys: list[Span]) -> Span | None:
    """The upper end of "between £415m and £425m" (the lower end is ``money``)."""
    doc = money.doc
    opened = money[0].lower_ == "between" or (
        money.start > 0 and doc[money.start - 1].lower_ == "between"
    )
    if not opened or money.end >= len(doc) or doc[money.end].lower_ != "and":
        return None
    return next((m for m in moneys if m.start == money.end + 1), None)


def _stated_usd(ctx: ArticleContext, money: Span) -> Decimal | None:
    window = ctx.article.text[money.end_char : money.end_char + 60]
    stated = find_stated_conversion(window)
    if stated is not None and stated.currency == "USD":
        return stated.amount
    return None


def _company(ctx: ArticleContext, tok: Token) -> str | None:
    """Whose result: the same rules as for layoffs (subject, attachment, sentence, article)."""
    return actor_for(ctx, tok).company


__all__ = ["FinancialState", "distance", "trigger_lemmas"]
