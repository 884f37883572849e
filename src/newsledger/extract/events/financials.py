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
from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.cues import CueCandidate, CueChoice, choose_cue, cue_candidates
from newsledger.extract.events.dates import event_date
from newsledger.extract.events.rules import PhraseHit, find_phrases, load_book
from newsledger.extract.events.spans import doc_ents, doc_text, ents_in, same_sentence, sent_of
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
MAX_DISTANCE = 6
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


def _analysts_say(chain: list[Token]) -> bool:
    """ "Analysts expect...", "according to analysts' forecasts...": not the company's figure.

    Only the subject's own words count (its head, compounds, conjuncts, possessor, an
    "of" object), so "the firm, a market leader in chips, had a loss" stays a result.
    """
    analysts = load_book("financial_cues").lemmas("analyst")
    for tok in chain:
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent") and _names_analysts(child, analysts):
                return True
            if child.lower_ == "according" and any(
                _names_analysts(t, analysts) for t in child.subtree if t.dep_ == "pobj"
            ):
                return True
    return False


def _names_analysts(head: Token, analysts: frozenset[str]) -> bool:
    own = [head, *(c for c in head.children if c.dep_ in ("compound", "conj", "poss", "pobj"))]
    own += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in analysts for t in own)


# "rose to $1.13bn from $639m", "compared with £125m a year earlier": the earlier figure
_COMPARISON_PREPS = frozenset({"from", "with", "against", "versus", "vs", "vs.", "than", "by"})


# "£5m lower than expected", "$2bn more": the amount is a change, not the result
_CHANGE_TAGS = frozenset({"JJR", "RBR"})


def _is_change(money: Span) -> bool:
    """ "rose $2bn" (an amount of change on its verb), "a $3 billion increase in revenue"
    (an amount modifying a change noun): the change, not the total."""
    root = money.root
    if root.dep_ == "npadvmod" and root.head.tag_ in _CHANGE_TAGS:
        return True
    changes = load_book("financial_cues").lemmas("change_noun")
    return root.dep_ in ("nummod", "compound", "amod") and root.head.lemma_.lower() in changes


def _aimed_at(words: set[str], chain: list[Token]) -> bool:
    """ "aiming for sales of 8.5 trillion yen", "a target of $2bn", "its goal is revenue
    of $10bn": a goal, not a result."""
    cues = load_book("financial_cues")
    subjects = {c.lemma_.lower() for t in chain for c in t.children if c.dep_ == "nsubj"}
    return bool((words | subjects) & cues.lemmas("aim"))


def _combined(words: set[str], chain: list[Token]) -> bool:
    """ "A combination of A and B would have sales of $32bn": a merger's sum, not a result."""
    own: set[str] = set()
    for tok in chain:
        for subject in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
            own.add(subject.lemma_.lower())
            own.update(c.lemma_.lower() for c in subject.children if c.dep_ in ("amod", "compound"))
    cues = load_book("financial_cues")
    # "accumulated losses ... in their 20-year history": a running total, not a result
    return bool((words | own) & (cues.lemmas("combined") | cues.lemmas("cumulative"))) or (
        _since_then(chain)
    )


def _since_then(chain: list[Token]) -> bool:
    """ "have lost $10bn since 2001", "Since launching the console in 2001, the project
    has cost $4bn", "since its founding": a total run up over years, not a period's
    result. A causal "since" ("since demand slowed") and a month of this year ("since
    January") name no such span."""
    for tok in chain:
        for child in tok.children:
            clause = child.dep_ == "advcl" and any(
                m.lower_ == "since" for m in child.children if m.dep_ in ("mark", "prep")
            )
            since = (child.lower_ == "since" and child.dep_ == "prep") or clause
            if since and _spans_years(list(child.subtree)):
                return True
    return False


_YEAR = re.compile(r"^(?:19|20)\d\d$")
_BEGINNINGS = frozenset({"founding", "foundation", "inception", "launch", "creation", "start"})


def _spans_years(words: list[Token]) -> bool:
    return any(
        (t.ent_type_ == "DATE" and _YEAR.match(t.text)) or t.lemma_.lower() in _BEGINNINGS
        for t in words
    )


def _added(money: Span) -> bool:
    """ "to add $500m to revenue", "knock £30m off profit": a contribution, not a result."""
    root = money.root
    changes = load_book("financial_cues").lemmas("change_verb")
    return root.dep_ == "dobj" and root.head.lemma_.lower() in changes


def _judged(money: Span, kind_tok: Token) -> bool:
    """ "Profits of around £420m would be well within the comfort zone": a figure put as
    the subject of a conditional "be" and judged, not stated (the amount is the subject's)."""
    head = kind_tok.head
    if kind_tok.dep_ != "nsubj" or head.lemma_.lower() != "be":
        return False
    modals = load_book("financial_cues").lemmas("hypothetical")
    if not any(c.dep_ == "aux" and c.lower_ in modals for c in head.children):
        return False
    return kind_tok in (money.root, *money.root.ancestors)


def _subject_is_trap(hit: PhraseHit) -> bool:
    """ "Shares in Bombardier lost 65 cents": a result verb whose subject is a market thing."""
    traps = load_book("financial_cues").lemmas("verb_subject_trap")
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in traps
        for c in hit.span.root.children
    )


def _is_trap(hit: PhraseHit) -> bool:
    """A trap hit; a ``noun_only`` trap ("forecasts of $500m") is none as an active verb
    ("Harlan forecast revenue of $10bn" is the company's own outlook), but a passive one
    with nobody named ("profit had been forecast at $4bn") is the market's estimate."""
    if hit.rule.role != "trap":
        return False
    root = hit.span.root
    if hit.rule.value != "noun_only" or root.pos_ != "VERB":
        return True
    return any(c.dep_ == "auxpass" for c in root.children)


def _of_trap(hit: PhraseHit, traps: list[PhraseHit]) -> bool:
    """ "Sales of stakes raised 1.17bn euros": the result word names a deal, not a result."""
    root = hit.span.root
    return any(
        t.span.root.dep_ == "pobj"
        and t.span.root.head.lower_ == "of"
        and t.span.root.head.head.i == root.i
        for t in traps
    )


def _measures(money: Span, traps: list[PhraseHit]) -> bool:
    """ "£400m of annual savings", "$2bn of debt": the amount's own "of" names what it
    measures, and that is no result, however near a result word is."""
    return any(
        t.span.root.dep_ == "pobj"
        and t.span.root.head.lower_ == "of"
        and t.span.root.head.head.i == money.root.i
        for t in traps
    )


def _of_a_percentage(hit: PhraseHit) -> bool:
    """ "closed at $35.18, a loss of 12 percent", "a gain of 4%": the result word's
    own amount is a percentage, a change; it takes no money from elsewhere."""
    root = hit.span.root
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.ent_type_ == "PERCENT" or obj.lower_ in ("%", "percent", "cent"):
                return True
    return False


def _is_comparison(tok: Token) -> bool:
    """A figure (or result word) given as the earlier or the change: "from $639m",
    "compared with a loss of...", "against a $375m profit", "by 400m euros"."""
    for node in (tok, tok.head):
        head = node.head
        compared = head.head.lemma_.lower() in ("compare", "compared")
        if node.dep_ == "pobj" and head.lower_ in _COMPARISON_PREPS:
            return head.lower_ != "with" or compared
        if node.dep_ == "pobj" and head.lower_ == "to" and compared:
            return True  # "compared to $900m"
    return False


_EARLIER_PREPS = frozenset({"from", "against", "versus", "vs", "vs.", "with"})


def _is_earlier(tok: Token) -> bool:
    """A figure (or result word) given as the earlier one of a change: "rose to $5m
    from $4m", "compared with a loss of $83m"; not "revenue from services"."""
    words = load_book("financial_cues").lemmas("comparison_word")
    for node in (tok, tok.head):
        prep = node.head
        over = prep.head
        compared_to = prep.lower_ == "to" and over.lemma_.lower() in ("compare", "compared")
        if node.dep_ != "pobj" or (prep.lower_ not in _EARLIER_PREPS and not compared_to):
            continue
        return over.lemma_.lower() in words or over.lower_ in words
    return False


_YEAR_EARLIER = re.compile(
    r"\b(?:(?:a|one) year (?:earlier|ago|before)|the (?:previous|prior) year|the year before"
    r"|(?:the )?same (?:period|quarter|time) (?:of |a )?(?:last|the previous|the prior) year)\b",
    re.IGNORECASE,
)


def _with_lead(ent: Span, sent: Span) -> str:
    """A date with the three words before it: "same time" + "last year"."""
    return ent.doc[max(ent.start - 3, sent.start) : ent.end].text


_LAST_YEAR = re.compile(r"\blast (?:calendar )?year\b", re.IGNORECASE)


def _says_year_earlier(sent: Span) -> bool:
    """The sentence dates its figure a year back ("A year earlier, ...", "in the same
    quarter last year")."""
    return any(e.label_ == "DATE" and _YEAR_EARLIER.search(e.text) for e in ents_in(sent))


def _compared_in(sent: Span, money: Span) -> bool:
    """Another amount of the sentence is the earlier one ("was $44.7bn, compared to
    $45.9bn a year ago"): the sentence's year-earlier words are that one's."""
    return any(
        m.start != money.start and (_is_earlier(m.root) or _is_comparison(m.root))
        for m in money_spans(sent)
    )


def _in_comparison(ent: Span) -> bool:
    """A date inside a comparison ("from 117.7bn kronor in 2003") is the earlier period;
    so is one the parser hangs on the comparison's preposition itself ("slipped to
    €14.2bn last year from €15.0bn in 2022": "in 2022" under "from")."""
    chain = [ent.root, *ent.root.ancestors][:4]
    return any(_is_comparison(t) or _compares_money(t) for t in chain)


def _compares_money(tok: Token) -> bool:
    """A comparison preposition whose object is an amount ("from €15.0bn")."""
    if tok.dep_ != "prep" or tok.lower_ not in _EARLIER_PREPS:
        return False
    return any(c.dep_ == "pobj" and c.ent_type_ == "MONEY" for c in tok.children)


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
        traps = [h for h in find_phrases(sent, "financial_cues") if _is_trap(h)]
        kinds = [h for h in kinds if not _of_trap(h, traps) and not _per_share_kind(h)]
        kinds = [h for h in kinds if not _of_a_percentage(h)]
        kinds = [h for h in kinds if h.rule.role != "kind_verb" or not _subject_is_trap(h)]
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
            if (
                _is_stated_conversion(money)
                or _per_share(money)
                or _is_change(money)
                or _added(money)
            ):
                continue
            if any(_judged(money, k.span.root) for k in kinds):
                continue
            chosen = self._choose_cue(money, kinds, traps)
            if chosen is None:
                continue
            kind = (chosen, distance(money.root, chosen.span.root))
            # "fell to $4.1bn from $4.6bn", "compared with a loss of $83m": the earlier
            # period's result, a fact of its own (ANNOTATION.md, Comparisons)
            earlier = _is_earlier(money.root) or _is_earlier(kind[0].span.root)
            if _is_comparison(kind[0].span.root) and not earlier:
                continue
            by_verb = kind[0].rule.role == "kind_verb" and money.root.head.head == kind[0].span.root
            if _is_comparison(money.root) and not by_verb and not earlier:
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
        the sentence, the hand rules' pick one feature among others."""
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
        if kind_name == "net_profit" and (
            _before_tax(money, hit) or self._pretax_carried(sent, hit)
        ):
            kind_name = "pretax_profit"
        raw = amount_text(money)
        if upper is not None:  # "between £415m and £425m" -> "£415m-£425m"
            lower = money[1:] if money[0].lower_ == "between" else money
            raw = f"{amount_text(lower)}-{amount_text(upper)}"
        parsed = self._parse(raw)
        if parsed is None:
            return None
        words, chain = _cue_words(money, hit.span.root)
        if _analysts_say(chain) or _aimed_at(words, chain) or _combined(words, chain):
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
            and _says_year_earlier(sent)
            and not _compared_in(sent, money)
        )
        earlier = earlier or shifted
        period = (
            self._earlier_period(sent, money, from_last=shifted)
            if earlier
            else self._period(sent, money)
        )
        outlook = outlook and not earlier
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
            subkind=None if subkind == "pretax" else subkind or None,
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
        dates = [e for e in ents_in(sent) if e.label_ == "DATE" and _in_comparison(e) == inside]
        if inside:
            # "from $4m last year": a year before the current figure's period, which
            # the caller works out; not the calendar year before publication
            dates = [e for e in dates if not _LAST_YEAR.search(e.text)]
        else:
            # "up 280% since the same time last year": the comparison's date, never the
            # current figure's period
            dates = [e for e in dates if not _YEAR_EARLIER.search(_with_lead(e, sent))]
        dates.sort(key=lambda e: distance(money.root, e.root))
        for ent in dates:
            period = parse_period(
                ent.text, published=self.ctx.published, fiscal_year_end=self.fiscal_year_end()
            )
            if period is not None:
                return period.label, period.end, _months(period.start, period.end)
        return None, None, None


def cue_pool(money: Span, kinds: list[PhraseHit], traps: list[PhraseHit]) -> list[CueCandidate]:
    """The candidate cues of one amount (``cues.cue_candidates``), with the hand rules'
    pick: the result word an "in" phrase names ("earned $83m in revenue"), else the
    one nearest in the parse within ``MAX_DISTANCE`` steps that names no part of the
    amount's total; a trap as near as it, or one the amount measures, wins."""
    named = _named_in(money, kinds)
    rule = (
        (named, distance(money.root, named.span.root))
        if named
        else _nearest(money, [k for k in kinds if not _part_of_total(k.span.root, money.root)])
    )
    rule_kind = rule[0] if rule is not None and rule[1] <= MAX_DISTANCE else None
    trap = _nearest(money, traps)
    rule_trap = (
        rule is not None
        and rule_kind is not None
        and ((trap is not None and trap[1] <= rule[1]) or _measures(money, traps))
    )
    part_of = {k.span.start for k in kinds if _part_of_total(k.span.root, money.root)}
    return cue_candidates(
        money, kinds, traps, rule_kind=rule_kind, rule_trap=rule_trap, part_of_total=part_of
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


def _per_share_kind(hit: PhraseHit) -> bool:
    """ "earnings per share would be lower, at $4-$5": a per-share figure, not a result."""
    after = hit.span.doc[hit.span.end : hit.span.end + 2].text.lower()
    return after in ("per share", "a share")


def _per_share(money: Span) -> bool:
    """ "$1.05 a share", "85 cents per share": earnings per share, not a result's amount."""
    after = money.doc[money.end : money.end + 3].text.lower()
    return after.startswith(("a share", "per share", "a diluted share", "per diluted share"))


_APPOSED_BEFORE = re.compile(
    r",\s*or\s+(?:about|roughly|around|some|nearly|almost|approximately|approx\.)?\s*$", re.I
)


def _is_stated_conversion(money: Span) -> bool:
    """ "$926 million" in "¥75 billion (approx. $926 million)" or in "520 billion yen,
    or roughly $6.4 billion," restates another amount."""
    before = doc_text(money.doc)[max(0, money.start_char - 30) : money.start_char]
    if _APPOSED_BEFORE.search(before):
        earlier = [
            m
            for m in money_spans(sent_of(money.root))
            if money.start_char - 30 < m.end_char <= money.start_char
        ]
        mine = parse_money(money.text)
        theirs = parse_money(earlier[-1].text) if earlier else None
        return bool(mine and theirs and mine.currency and mine.currency != theirs.currency)
    return (
        "(" in before
        and ")" not in before.split("(")[-1]
        and any(
            m.end_char <= money.start_char and m.end_char > money.start_char - 30
            for m in money_spans(sent_of(money.root))
        )
    )


def _stated_usd(ctx: ArticleContext, money: Span) -> Decimal | None:
    window = ctx.article.text[money.end_char : money.end_char + 60]
    stated = find_stated_conversion(window)
    if stated is not None and stated.currency == "USD":
        return stated.amount
    return None


# prepositions that tie a result to the part of the company it comes from
_SEGMENT_PREPS = frozenset({"in", "at", "from", "for"})
# words before a unit noun that name no part of the company ("its", "the", "overall")
_NOT_SEGMENT_WORDS = frozenset({"its", "their", "the", "his", "her", "our", "overall", "total"})


def _segment_phrase(noun: Token) -> str | None:
    """ "its chemicals division" -> "chemicals division": a unit noun with a word of its
    own before it; "its business" names no part."""
    if noun.lemma_.lower() not in load_book("financial_cues").lemmas("segment_noun"):
        return None
    mods = [
        t
        for t in noun.lefts
        if t.dep_ in ("compound", "amod", "nmod", "npadvmod")
        and t.lower_ not in _NOT_SEGMENT_WORDS
        and t.pos_ not in ("NUM", "SYM")
        and t.ent_type_ not in ("MONEY", "DATE", "PERCENT", "ORG")
    ]
    if not mods:
        return None
    start = min(t.left_edge.i for t in mods)
    return noun.doc[start : noun.i + 1].text


def segment_of(money: Span, kind_tok: Token) -> str | None:
    """The part of the company a result belongs to, when the text ties it to one:
    "an operating profit of $40m at its chemicals division", "a loss in North American
    operations", "the chemicals division posted a loss of $40m", "the unit's revenue".
    ANNOTATION.md: a division's figure is the company's segment figure, never its total.

    Looked for on the result word, on the amount, and on the verb that governs the
    result word (its subject and its prepositions)."""
    verb = kind_tok if kind_tok.pos_ in ("VERB", "AUX") else kind_tok.head
    governs = verb.pos_ in ("VERB", "AUX") and (
        kind_tok is verb or kind_tok.dep_ in ("dobj", "attr")
    )
    for tok in (kind_tok, money.root, *((verb,) if governs and verb is not kind_tok else ())):
        for child in tok.children:
            if child.dep_ == "poss":
                found = _segment_phrase(child)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in _SEGMENT_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ not in ("DATE", "MONEY"):
                        found = _segment_phrase(obj)
                        if found:
                            return found
    if governs:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return _segment_phrase(child)
    return None


def _company(ctx: ArticleContext, tok: Token) -> str | None:
    """Whose result: the same rules as for layoffs (subject, attachment, sentence, article)."""
    return actor_for(ctx, tok).company


__all__ = ["FinancialState", "distance", "trigger_lemmas"]
