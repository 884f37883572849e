"""Strategy: what a company will focus on, which markets it enters, grows or leaves.

"will focus on three core markets: gaming, mobile devices, and digital
imaging" -> focus on the three listed items; "focus on emerging markets like
India and Mexico" -> one market event per country; "turn around its
television business" -> turn_around, focus "television". Questions and
hypotheticals ("Asked if Sony would exit...", "its inability to enter...")
state no strategy. Verbs and cues are in ``rules/strategy.jsonl``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from newsledger.extract.events.companies import actor_for, subject_of
from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.dates import event_date
from newsledger.extract.events.plans import plan_name
from newsledger.extract.events.rules import load_book
from newsledger.extract.events.spans import ent_at
from newsledger.models import Event, StrategyArgs

_MOVE_ROLES = ("focus_verb", "expand_verb", "enter_verb", "exit_verb", "turn_verb")
_OBJECT_PREPS = ("on", "in", "into", "upon", "to", "from", "of")
_TIME_WORDS = frozenset(["future", "term", "time", "moment", "now", "past", "while"])
_DROP_DEPS = ("det", "poss", "nummod", "punct", "case", "predet")


@lru_cache(maxsize=1)  # from rule files read once
def trigger_lemmas() -> frozenset[str]:
    book = load_book("strategy")
    return frozenset().union(*(book.lemmas(r) for r in _MOVE_ROLES))


def canonical_place(text: str) -> str:
    """ "U.S." -> "United States"; other names as written."""
    book = load_book("strategy")
    aliases = book.lemma_values("place_alias")
    key = text.lower().strip()
    return aliases.get(key, aliases.get(key.removeprefix("the "), text))


def _blocked(verb: Token, sent: Span) -> bool:
    if sent.text.rstrip(" \"'”").endswith("?"):
        return True
    blockers = load_book("strategy").lemmas("blocker")
    for tok in [verb, *verb.ancestors][:5]:
        if tok.lemma_.lower() in blockers:
            return True
        if any(
            c.lemma_.lower() in blockers
            for c in tok.children
            if c.dep_ in ("mark", "neg", "det", "aux")
        ):
            return True
    return False


def phrase_text(tok: Token) -> str:
    """A noun with its modifiers, without determiners or counts.

    "the high-end segment" -> "high-end segment"
    """
    lefts = [t for t in tok.subtree if t.i <= tok.i]
    keep = [t for t in lefts if t.dep_ not in _DROP_DEPS and t.tag_ != "PRP$"]
    if not keep:
        return tok.text
    return tok.doc[keep[0].i : tok.i + 1].text


def _items(obj: Token) -> list[Token]:
    """The listed items of an object: its appositions and conjuncts, or itself."""
    listed = [c for c in obj.children if c.dep_ == "appos"]
    if listed:
        out: list[Token] = []
        for item in listed:
            out.append(item)
            out.extend(t for t in item.subtree if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN"))
        return out
    return [obj, *[c for c in obj.children if c.dep_ == "conj"]]


def _markets(tok: Token) -> list[str]:
    out: list[str] = []
    for t in tok.subtree:
        if t.ent_type_ in ("GPE", "LOC") and t.ent_iob_ == "B":
            ent = ent_at(t)
            if ent is None:
                continue
            name = canonical_place(ent.text)
            if name not in out:
                out.append(name)
    return out


def _objects(verb: Token) -> tuple[list[Token], Token | None]:
    """Prepositional objects of the verb (or of its direct object) and the direct object."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    objs: list[Token] = []
    for head in (verb, dobj):
        if head is None:
            continue
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS):
            objs.extend(c for c in prep.children if c.dep_ == "pobj" and not _is_time(c))
    return objs, dobj


def _is_time(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in _TIME_WORDS


def _area(dobj: Token | None) -> str | None:
    if dobj is None or dobj.lemma_.lower() not in load_book("strategy").lemmas("effort_noun"):
        return None
    mods = [c for c in dobj.lefts if c.dep_ in ("amod", "compound")]
    return " ".join(m.text for m in mods) or None


def _name(verb: Token) -> str | None:
    subject = subject_of(verb)
    return plan_name(subject) if subject is not None and subject.pos_ == "NOUN" else None


def _market_places(objs: list[Token], dobj: Token | None, move: str) -> list[str]:
    """Countries the move is about: where it expands ("in Brazil", "into the US market"),
    what it enters or leaves ("enter India", "exit Russia"), or whose market it grows
    ("grow its UK market share"); not any country the sentence names."""
    book = load_book("strategy")
    market_nouns = book.lemmas("market_measure")
    places: list[str] = []
    for obj in objs:
        prep = obj.head.lower_
        if move == "exit" and prep not in ("from", "of"):
            continue
        if move != "exit" and prep not in ("in", "into", "on", "across", "to", "throughout"):
            continue
        places += _markets(obj)
    if dobj is not None:
        if dobj.ent_type_ in ("GPE", "LOC") and move in ("enter", "exit"):
            places += _markets(dobj)
        elif dobj.lemma_.lower() in market_nouns:
            places += [m for c in dobj.lefts for m in _markets(c)]
    return list(dict.fromkeys(places))


def _moves(ctx: ArticleContext, verb: Token, move: str) -> list[StrategyArgs]:
    objs, dobj = _objects(verb)
    name = _name(verb)
    if move == "turn_around":
        if dobj is None or not any(c.lower_ == "around" for c in verb.children):
            return []
        lemma = dobj.lemma_.lower()
        if dobj.pos_ == "PRON" or (
            lemma in load_book("companies").lemmas("company_noun")
            and not any(c.dep_ == "compound" for c in dobj.children)
        ):
            return []
        mods = [c for c in dobj.lefts if c.dep_ in ("compound", "amod")]
        focus = " ".join(m.text for m in mods) or phrase_text(dobj)
        return [StrategyArgs(focus=(focus,), move=move, name=name)]
    places = _market_places(objs, dobj, move)
    if places:
        return [StrategyArgs(market=p, move=move, name=name) for p in places]
    if move != "focus" or not objs:
        return []
    items = tuple(phrase_text(i) for o in objs for i in _items(o) if i.pos_ != "PRON")
    if not items:
        return []
    return [StrategyArgs(focus=items, area=_area(dobj), move=move, name=name)]


def find_strategy(ctx: ArticleContext, sent: Span) -> list[Event]:
    """Strategy statements in one sentence unit."""
    book = load_book("strategy")
    moves = {
        lemma: str(r.value) for role in _MOVE_ROLES for r in book.role(role) for lemma in r.lemmas
    }
    out: list[Event] = []
    for tok in sent:
        move = moves.get(tok.lemma_.lower())
        if move is None or tok.pos_ != "VERB" or _blocked(tok, sent):
            continue
        actor = actor_for(ctx, tok)
        if actor.company is None or actor.how not in ("subject", "attached"):
            continue  # a strategy is what a company says it will do
        for args in _moves(ctx, tok, move):
            company = actor.company
            out.append(
                Event(
                    "strategy",
                    company,
                    args,
                    (ctx.evidence(sent),),
                    event_date(sent, ctx.published),
                )
            )
    return out
