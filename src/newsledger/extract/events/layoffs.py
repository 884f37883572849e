"""Layoff mentions: a cut trigger, the jobs it cuts, the company, the figures.

A mention starts from a *job noun* ("jobs", "staff", "workforce", "posts") or
a *layoff noun* ("redundancies", "layoffs") and climbs the parse to the word
that cuts it: a cut verb ("shed 300 jobs", "cut 6% of its workforce",
"jobs will be cut"), a cut noun ("job losses", "cuts of 500 posts"), a going
verb ("500 jobs will go") or a risk phrase ("jobs are at risk"). A job noun
that only something else governs ("hire 500 staff", "create jobs") is not a
mention. The lexicons are in ``rules/layoffs.jsonl``; status cues in
``rules/layoff_status.jsonl``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from newsledger.extract.events.companies import Actor, actor_for, find_unit, listed_companies
from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.dates import done_before
from newsledger.extract.events.figures import (
    FRACTION_HEADS,
    Figures,
    count_text,
    read_count,
    read_figures,
    read_percent,
    says_share,
    share_head,
    share_text,
)
from newsledger.extract.events.rules import Book, load_book
from newsledger.extract.events.spans import ent_at

_VERB_POS = ("VERB", "AUX")
_MAX_CLIMB = 6


@dataclass(frozen=True)
class LayoffMention:
    """One sentence's statement of a layoff, before merging across the article."""

    actor: Actor
    unit_span: Span
    trigger: Token
    jobs: int | None = None
    jobs_high: int | None = None
    percent: float | None = None
    raw: str | None = None
    unit: str | None = None
    location: str | None = None
    status: str = "announced"
    negated: bool = False
    anaphoric: bool = False  # "the cuts": a layoff already stated, never a new one alone
    breakdown: bool = False  # "12,500 of the positions": part of a cut already stated
    # "further" ("a further 900 jobs") or "earlier" ("had already cut 500"): a round of
    # its own, never a part of another figure
    round: str | None = None
    in_headline: bool = False  # a headline rounds the figures the body states


@dataclass(frozen=True)
class _Lex:
    cut_verbs: frozenset[str]
    particle_verbs: dict[str, str]
    go_verbs: frozenset[str]
    job_nouns: frozenset[str]
    counted_nouns: frozenset[str]
    cut_nouns: frozenset[str]
    layoff_nouns: frozenset[str]
    risk_words: frozenset[str]
    share_words: frozenset[str]
    share_bases: frozenset[str]
    affect_verbs: frozenset[str]
    affecting_nouns: frozenset[str]
    risk_puts: frozenset[str]
    breakdown_dets: frozenset[str]
    further_words: frozenset[str]
    earlier_words: frozenset[str]

    @property
    def verbs_of_cuts(self) -> frozenset[str]:
        """Cut verbs and the verbs of particle cut verbs ("lay" of "lay off")."""
        return self.cut_verbs | frozenset(self.particle_verbs)

    @property
    def anchors(self) -> frozenset[str]:
        return self.job_nouns | self.counted_nouns | self.layoff_nouns


def lexicon(book: Book | None = None) -> _Lex:
    return _lexicon(book or load_book("layoffs"))


@lru_cache(maxsize=4)  # one per rule book: built from data that never changes
def _lexicon(book: Book) -> _Lex:
    particles = {}
    for rule in book.role("particle_verb"):
        for lemma in rule.lemmas:
            particles[lemma] = rule.value or ""
    return _Lex(
        cut_verbs=book.lemmas("cut_verb"),
        particle_verbs=particles,
        go_verbs=book.lemmas("go_verb"),
        job_nouns=book.lemmas("job_noun"),
        counted_nouns=book.lemmas("counted_noun"),
        cut_nouns=book.lemmas("cut_noun"),
        layoff_nouns=book.lemmas("layoff_noun"),
        risk_words=book.lemmas("risk_word"),
        share_words=book.lemmas("share_word"),
        share_bases=book.lemmas("share_base"),
        affect_verbs=book.lemmas("affect_verb"),
        affecting_nouns=book.lemmas("affecting_noun"),
        risk_puts=book.lemmas("risk_put"),
        breakdown_dets=book.lemmas("breakdown_det"),
        further_words=book.lemmas("further_word"),
        earlier_words=book.lemmas("earlier_word"),
    )


@lru_cache(maxsize=1)  # from rule files read once
def trigger_lemmas() -> frozenset[str]:
    """Lemmas whose presence makes a sentence worth a look (the prefilter)."""
    lex = lexicon()
    return lex.anchors | lex.cut_nouns


def _is_cut_verb(tok: Token, lex: _Lex) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in lex.cut_verbs:
        return True
    particles = lex.particle_verbs.get(_particle_head(tok, lex))
    if particles:
        wanted = set(particles.split("|"))
        return any(
            t.lower_ in wanted for t in tok.subtree if t.head.i == tok.i or t.head.head.i == tok.i
        )
    return False


_PASSABLE_PREPS = frozenset(
    {"of", "in", "among", "across", "at", "from", "to", "within", "per", "by"}
)


def _cuts_jobs(noun: Token, via: Token, lex: _Lex) -> bool:
    """ "job cuts" cut jobs; "pay cuts with staff" cut pay."""
    for child in noun.children:
        if child.i == via.i or child.dep_ not in ("compound", "amod", "nmod"):
            continue
        if child.pos_ in ("NOUN", "PROPN") and child.lemma_.lower() not in lex.anchors:
            return False
    return True


def _affecting(verb: Token, lex: _Lex) -> Token | None:
    """ "the cuts will hit 600 workers", "layoffs, which will affect 3,200 staff": the cut
    noun that is the verb's subject (or the noun its relative clause hangs on)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and _a_cut(child, lex):
            return child
    if verb.dep_ in ("relcl", "acl"):
        # the clause may hang on the company in "the layoffs at Acme, which will affect..."
        for noun in [verb.head, *verb.head.ancestors][:3]:
            if _a_cut(noun, lex):
                return noun
    return None


def _a_cut(noun: Token, lex: _Lex) -> bool:
    """A noun naming a cut of jobs, or a move that costs them ("the closure"); not a cut
    of something else ("the pay cuts")."""
    lemma = noun.lemma_.lower()
    if lemma in lex.cut_nouns:
        return _cuts_jobs(noun, noun, lex)
    return lemma in lex.layoff_nouns or lemma in lex.affecting_nouns


def _affected_by(verb: Token, lex: _Lex) -> Token | None:
    """ "600 staff will be affected by the layoffs": the cut noun of the passive's agent."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        noun = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if noun is not None and _a_cut(noun, lex):
            return noun
    return None


def _particle_pair(word: Token, lex: _Lex) -> Token | None:
    """ "let go 300 staff", "make 120 staff redundant": the particle heads the noun,
    its verb is its head or its auxiliary."""
    for verb in [word.head, *word.children]:
        if verb.i != word.i and word.lower_ in _particles(verb, lex):
            return verb
    return None


def _particle_head(tok: Token, lex: _Lex) -> str:
    """The verb of a particle verb by its own form when that form is listed: the tagger
    reads "lay" in "firms lay off" or "close stores and lay off" as a past tense of
    "lie"."""
    return tok.lower_ if tok.lower_ in lex.particle_verbs else tok.lemma_.lower()


def _particles(tok: Token, lex: _Lex) -> set[str]:
    return set(lex.particle_verbs.get(_particle_head(tok, lex), "").split("|")) - {""}


# "staff will go to the conference" goes somewhere; "700 jobs will go" goes away
_GOING_SOMEWHERE = frozenset({"to", "into", "on", "for", "ahead", "through", "with", "back", "up"})


def _goes(verb: Token, lex: _Lex) -> bool:
    if verb.lemma_.lower() not in lex.go_verbs:
        return False
    return not any(
        c.lower_ in _GOING_SOMEWHERE for c in verb.children if c.dep_ in ("prep", "prt", "advmod")
    )


_RISK_PREPS = frozenset({"at", "under", "in", "on"})


def _risk(tok: Token, lex: _Lex) -> bool:
    """ "jobs are at risk", "posts under threat": a risk word under the job noun's verb."""
    for child in tok.children:
        risky = any(g.lemma_.lower() in lex.risk_words for g in child.children)
        if child.dep_ in ("prep", "acomp", "advmod") and child.lower_ in _RISK_PREPS and risky:
            return True
        if child.lemma_.lower() in lex.risk_words:
            return True
    return False


def find_trigger(anchor: Token, lex: _Lex) -> Token | None:
    """The word that cuts ``anchor``, climbing at most a few heads; None if none does.

    The climb passes only through prepositions and share words ("6% of the
    workforce", "some of its staff"): "cut the wages of its staff" cuts wages.
    """
    lemma = anchor.lemma_.lower()
    if lemma in lex.layoff_nouns:
        return anchor
    tok = anchor
    for _ in range(_MAX_CLIMB):
        head = tok.head
        if head.i == tok.i:
            return None
        head_lemma = head.lemma_.lower()
        if head.pos_ in ("NOUN", "PROPN") and head_lemma in lex.cut_nouns:
            return head if _cuts_jobs(head, tok, lex) else None
        if head.pos_ == "AUX" and tok.dep_ == "nsubj":
            # "650 jobs were to go": the going verb is the auxiliary's complement
            going = next((c for c in head.children if c.dep_ == "xcomp" and _goes(c, lex)), None)
            if going is not None:
                return going
        if head.pos_ in _VERB_POS:
            if _is_cut_verb(head, lex):
                # the active subject of "cut" is the cutter, not what is cut ("staff cut costs")
                return None if tok.dep_ == "nsubj" else head
            if tok.dep_ in ("nsubj", "nsubjpass") and (_goes(head, lex) or _risk(head, lex)):
                return head
            if tok.dep_ == "dobj" and head_lemma in lex.risk_puts and _risk(head, lex):
                return head  # "putting 1,400 jobs at risk"
            # "will affect 600 workers", "amounts to 3,000 positions"
            reaches = tok.dep_ == "dobj" or (tok.dep_ == "prep" and tok.lower_ == "to")
            if reaches and head_lemma in lex.affect_verbs:
                return _affecting(head, lex)
            if tok.dep_ == "nsubjpass" and head_lemma in lex.affect_verbs:
                return _affected_by(head, lex)  # "600 staff will be affected by the cuts"
            return _particle_pair(head, lex)
        if head.pos_ == "ADJ":
            return _particle_pair(head, lex)
        if head_lemma in lex.layoff_nouns:
            return head
        passable = head.pos_ == "ADP" and head.lower_ in _PASSABLE_PREPS
        # "3,000 jobs - out of a workforce of 6,500 - could be lost", parsed as "jobs out"
        passable = passable or (
            head.lower_ == "out" and any(c.lower_ == "of" for c in head.children)
        )
        # "6% of", "400 of its staff"; not "from 155,000 to 110,000 staff" (levels)
        level = head.like_num and head.dep_ == "pobj" and head.head.lower_ in ("from", "to")
        passable = passable or head_lemma in lex.share_words or (head.like_num and not level)
        if not passable and head.ent_type_ not in ("PERCENT", "CARDINAL"):
            return None
        tok = head
    return None


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs/nouns above it in its clause, nearest first."""
    out = [trigger]
    tok = trigger
    for _ in range(6):
        # a coordinated clause is a statement of its own: "rejected a takeover offer and
        # said it would lay off 1,100" does not reject the layoff
        if tok.head.i == tok.i or tok.dep_ == "conj":
            break
        tok = tok.head
        out.append(tok)
    return out


def _first_conjunct(verb: Token) -> Token:
    """A coordinated verb with no subject or auxiliary of its own shares the first
    one's: "plans to close 30 stores and lay off 1,100" is planned, "closed stores and
    laid off 300" done."""
    while verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head.pos_ == "VERB":
        own = (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass"))
        if next(own, None) is not None:
            break
        verb = verb.head
    return verb


def find_status(trigger: Token, sent: Span, anchor: Token | None = None) -> tuple[str, bool]:
    """Status of a mention and whether it is negated ("no jobs will go", "without cutting")."""
    book = load_book("layoff_status")
    trigger = _first_conjunct(trigger)
    chain = _chain(trigger)
    words: set[str] = set()
    if anchor is not None:  # "no jobs would be lost": the job noun's own determiner
        words.update(c.lemma_.lower() for c in anchor.children if c.dep_ == "det")
    for tok in chain:
        words.add(tok.lemma_.lower())
        words.update(
            c.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("aux", "neg", "advmod", "det", "prep", "mark", "auxpass")
        )
    sent_words = {t.lemma_.lower() for t in sent}
    negated = bool(words & book.lemmas("negation")) or any(t.dep_ == "neg" for t in chain[:2])
    if words & book.lemmas("denied") or negated:
        return "denied", True
    if words & book.lemmas("rumored") or sent_words & book.lemmas("rumored_anywhere"):
        return "rumored", negated
    if words & book.lemmas("announced"):
        return "announced", negated
    if words & book.lemmas("planned"):
        return "planned", negated
    if trigger.tag_ in ("VBD", "VBN") or words & book.lemmas("completed"):
        return "completed", negated
    return "announced", negated


def _location(ctx: ArticleContext, trigger: Token, anchor: Token) -> str | None:
    for tok in (anchor, trigger):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "across"):
                for t in child.subtree:
                    if t.ent_type_ in ("GPE", "LOC") and t.ent_iob_ == "B":
                        ent = ent_at(t)
                        if ent is not None:
                            return ent.text
    return None


_JOB_WORDS = frozenset({"job", "post", "position", "role"})


def _job_kind(anchor: Token) -> str | None:
    """ "2,500 cabin crew jobs" -> "cabin crew": which jobs, when the noun says."""
    if anchor.lemma_.lower() not in _JOB_WORDS:
        return None
    mods = [c for c in anchor.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if not mods:
        return None
    start = min(m.left_edge.i for m in mods)
    return anchor.doc[start : anchor.i].text


def _noun_like(tok: Token) -> bool:
    """A noun, or a job word the tagger read as a modifier ("a headcount reduction")."""
    return tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.dep_ in ("amod", "compound"))


def find_mentions(ctx: ArticleContext, sent: Span, lex: _Lex) -> list[LayoffMention]:
    """Every layoff mention in one sentence unit, in order."""
    seen: set[int] = set()
    bare: dict[int, int] = {}  # trigger -> index of its mention with no figure
    mentions: list[LayoffMention] = []
    # layoff nouns last: "layoffs, which will affect 3,200 staff" is read from "staff"
    anchors = sorted(sent, key=lambda t: t.lemma_.lower() in lex.layoff_nouns)
    for anchor in anchors:
        if word_lemma(anchor) not in lex.anchors or not _noun_like(anchor):
            continue
        trigger = find_trigger(anchor, lex)
        if trigger is None or (trigger.i in seen and trigger.i not in bare):
            continue
        people = lex.job_nouns | lex.counted_nouns
        figures = read_figures(anchor, trigger, people, ctx.figure_weights, ctx.figure_trace)
        counted = figures.jobs is not None or figures.percent is not None
        if anchor.lemma_.lower() in lex.counted_nouns and not counted:
            continue
        if trigger.i in seen and not counted:
            continue
        # "the job cuts will affect 450 employees": "job" gave "cuts" no figure; the
        # count of "employees", which reaches the same cut, replaces that mention
        replaces = bare.pop(trigger.i, None)
        seen.add(trigger.i)
        status, negated = find_status(trigger, sent, anchor)
        if listed_companies(trigger):
            continue  # "companies such as X and Y have cut jobs": examples, no one's event
        actor = actor_for(ctx, trigger, anchor, "layoff")
        found = _mention(ctx, actor, sent, trigger, anchor, figures, status, negated)
        found = _replace(found, breakdown=_is_breakdown(anchor, lex))
        if replaces is not None:
            mentions[replaces] = found
            continue
        if not counted:
            bare[trigger.i] = len(mentions)
        mentions.append(found)
    mentions.extend(_anaphoric(ctx, sent, lex, seen))
    mentions.extend(_elliptical(ctx, sent, lex, seen))
    return _attach_loose_shares(sent, mentions, lex)


# a bare number's entity labels that say it counts something other than people
_NOT_HEADS = frozenset({"MONEY", "PERCENT", "DATE", "TIME", "QUANTITY", "ORDINAL"})


def _elliptical(ctx: ArticleContext, sent: Span, lex: _Lex, seen: set[int]) -> list[LayoffMention]:
    """ "Acme will lay off 2,000 workers. A year earlier it cut 5,000.": a bare number as
    the object of a cutting verb counts the jobs the article already spoke of."""
    out: list[LayoffMention] = []
    for tok in sent:
        verb = tok.head
        if not (tok.like_num and tok.dep_ == "dobj" and _is_cut_verb(verb, lex)):
            continue
        if verb.i in seen or tok.ent_type_ in _NOT_HEADS or not _jobs_before(ctx, tok, lex):
            continue
        # "another 500": the determiner marks a round (``find_round``), not the count
        start = next(t.i for t in tok.doc[tok.left_edge.i : tok.i + 1] if t.dep_ != "det")
        figures = read_count(tok.doc[start : tok.i + 1].text)
        if figures is None:
            continue
        seen.add(verb.i)
        status, negated = find_status(verb, sent, tok)
        actor = actor_for(ctx, verb, tok, "layoff")
        out.append(_mention(ctx, actor, sent, verb, tok, figures, status, negated))
    return out


def elliptical_mentions(ctx: ArticleContext, sent: Span, lex: _Lex) -> list[LayoffMention]:
    """The cuts of a sentence with no job word of its own (see :func:`_elliptical`)."""
    return _elliptical(ctx, sent, lex, set())


def _jobs_before(ctx: ArticleContext, tok: Token, lex: _Lex) -> bool:
    """The article speaks of jobs or people before ``tok`` (an earlier sentence, or
    earlier in this one: "furlough 2,000 workers and lay off another 500")."""
    return any(t.lemma_.lower() in lex.job_nouns for t in ctx.doc[: tok.i])


def _is_breakdown(anchor: Token, lex: _Lex) -> bool:
    """ "12,500 of the positions": a count of jobs the text has already spoken of
    (the definite article points back); "400 of its staff" counts a workforce."""
    share = share_head(anchor)
    if share is None or not share.like_num or share.ent_type_ == "PERCENT":
        return False
    return any(c.dep_ == "det" and c.lower_ in lex.breakdown_dets for c in anchor.children)


def _mention(
    ctx: ArticleContext,
    actor: Actor,
    sent: Span,
    trigger: Token,
    anchor: Token,
    figures: Figures,
    status: str,
    negated: bool,
) -> LayoffMention:
    return LayoffMention(
        actor=actor,
        unit_span=sent,
        trigger=trigger,
        jobs=figures.jobs,
        jobs_high=figures.jobs_high,
        percent=figures.percent,
        raw=figures.raw,
        unit=actor.unit or find_unit(trigger, anchor) or _job_kind(anchor),
        location=_location(ctx, trigger, anchor),
        status=status,
        negated=negated,
        round=find_round(trigger, anchor, lexicon()),
    )


# how deep below a verb's modifier a date still places the verb ("in March last year",
# "two years ago"); deeper, it dates something the modifier names ("as part of a plan
# to relieve Ford after a loss last year")
_DATE_DEPTH = 2


def _near(tok: Token) -> list[Token]:
    """``tok`` and its descendants within ``_DATE_DEPTH`` steps."""
    out, level = [tok], [tok]
    for _ in range(_DATE_DEPTH):
        level = [c for t in level for c in t.children]
        out.extend(level)
    return out


def find_round(trigger: Token, anchor: Token, lex: _Lex) -> str | None:
    """ "further" when the count is said to come on top of another ("a further 900
    jobs", "another 900", "900 more"); "earlier" when the cut's own clause places it
    before now ("had already cut", "two years ago", "last autumn", "previously")."""
    around = [*anchor.children, *(c for n in anchor.children if n.like_num for c in n.children)]
    if any(c.lemma_.lower() in lex.further_words for c in around if c.dep_ != "prep"):
        return "further"
    if trigger.dep_ == "pcomp" and done_before([trigger]):
        return "earlier"  # "after cutting 3,500 jobs in March"
    for child in trigger.children:
        if child.dep_ in ("advmod", "npadvmod") and child.lemma_.lower() in lex.earlier_words:
            return "earlier"
        dated = {t.lemma_.lower() for t in _near(child) if t.ent_type_ == "DATE"}
        if child.dep_ in ("npadvmod", "prep", "advmod") and dated & lex.earlier_words:
            return "earlier"
    return None


_ANAPHORIC_DETS = frozenset({"the", "these", "those", "its", "their", "such"})


def _anaphoric(ctx: ArticleContext, sent: Span, lex: _Lex, seen: set[int]) -> list[LayoffMention]:
    """ "The cuts will affect 9% of staff": a cut noun standing for a layoff said before."""
    out: list[LayoffMention] = []
    for tok in sent:
        if tok.i in seen or tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.cut_nouns:
            continue
        kids = list(tok.children)
        of_jobs = any(c.dep_ == "compound" and c.lemma_.lower() in lex.job_nouns for c in kids)
        if not tok.lower_.endswith("s") or (tok.lemma_.lower() == "loss" and not of_jobs):
            continue  # "the cut", "the loss" alone are too often something else
        prev = tok.doc[tok.i - 1] if tok.i > 0 else tok
        if not (prev.lower_ in _ANAPHORIC_DETS or any(c.lower_ in _ANAPHORIC_DETS for c in kids)):
            continue
        if any(_narrows(c, lex) for c in kids):
            continue
        status, negated = find_status(tok, sent)
        actor = actor_for(ctx, tok, None, "layoff")
        out.append(
            LayoffMention(
                actor=actor,
                unit_span=sent,
                trigger=tok,
                status=status,
                negated=negated,
                anaphoric=True,
            )
        )
    return out


def word_lemma(tok: Token) -> str:
    """The lemma, with a closed compound spelled open read as one word: "work force"
    is "workforce", "head count" is "headcount"."""
    lemma = tok.lemma_.lower()
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.dep_ == "compound" and prev.head.i == tok.i:
        joined = prev.lower_ + lemma
        if joined in lexicon().anchors | lexicon().share_bases:
            return joined
    return lemma


def _narrows(child: Token, lex: _Lex) -> bool:
    """A modifier that makes a cut noun something other than job cuts ("cost cuts",
    "price cuts", "cuts in spending"); a job noun ("the job losses") does not."""
    if child.dep_ == "compound":
        return child.lemma_.lower() not in lex.job_nouns
    return child.dep_ in ("amod", "nmod") or (
        child.dep_ == "prep" and child.lower_ in ("in", "of", "to")
    )


# subjects that can stand for the cut itself in the clause stating its share
_CUT_SUBJECTS = frozenset({"which", "that", "this", "these", "it"})


def _share_of_cut(share: Token, trigger: Token, lex: _Lex) -> bool:
    """Whether the clause stating a share is about the cut: "which amounts to 15%",
    "the job losses account for 10%", "reducing the workforce by 40%" are; "in which
    manufacturing fell to 8% of the city's workforce" states a share of something else."""
    verb = share.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i == trigger.i:
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(
        s.lower_ in _CUT_SUBJECTS
        or s.lemma_.lower() in lex.cut_nouns | lex.layoff_nouns | lex.job_nouns | lex.counted_nouns
        for s in subjects
    )


def _attach_loose_shares(
    sent: Span, mentions: list[LayoffMention], lex: _Lex
) -> list[LayoffMention]:
    """ "..., which amounts to 15 percent of the unit's workforce": a share of the
    workforce stated beside the one mention of the sentence that lacks one."""
    if len(mentions) != 1 or mentions[0].percent is not None:
        return mentions
    for anchor in sent:
        if word_lemma(anchor) not in lex.job_nouns | lex.counted_nouns | lex.share_bases:
            continue
        share, trigger = share_head(anchor), mentions[0].trigger
        if share is None or share.i == trigger.i or not _share_of_cut(share, trigger, lex):
            continue
        text = share_text(share, anchor)
        # "8 per cent" may be tagged MONEY: the words say it is a share
        if share.ent_type_ == "PERCENT" or share.lower_ in FRACTION_HEADS or says_share(text):
            figures = read_percent(text)
            if figures is not None:
                m = mentions[0]
                raw = " / ".join(x for x in (m.raw, figures.raw) if x)
                return [_replace(m, percent=figures.percent, raw=raw)]
    return mentions


def _replace(m: LayoffMention, **changes: object) -> LayoffMention:
    from dataclasses import replace

    return replace(m, **changes)  # type: ignore[arg-type]


def stated_workforce(ctx: ArticleContext) -> int | None:
    """A workforce size the article states outside any cut: "employs 55,000 people",
    "a workforce of 75,000", "its 6,500 staff"."""
    lex = lexicon()
    for tok in ctx.doc:
        if tok.lemma_.lower() not in lex.job_nouns | lex.counted_nouns:
            continue
        if find_trigger(tok, lex) is not None:
            continue
        head = tok.head
        employs = head.lemma_.lower() == "employ" and tok.dep_ == "dobj"
        possessed = any(c.dep_ == "poss" for c in tok.children) and tok.lemma_.lower() != "job"
        span = count_text(tok)
        if span is None:
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = (
                next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            )
            if pobj is not None and pobj.like_num and tok.lemma_.lower() == "workforce":
                found = read_count(pobj.text)
                return found.jobs if found else None
            continue
        if employs or possessed:
            found = read_count(span.text)
            if found is not None and found.jobs:
                return found.jobs
    return None
