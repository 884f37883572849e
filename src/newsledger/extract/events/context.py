"""What every event finder needs to know about one article, computed once.

Sentence units (spaCy's sentences, re-joined where the parser split after an
abbreviation such as "approx."), which company each ORG mention belongs to,
the article's main company, and how to cite a sentence as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsledger.extract.events.rules import load_book
from newsledger.extract.events.spans import doc_ents, doc_sents, doc_text, ents_in, sent_of
from newsledger.models import Article, Entity, Evidence
from newsledger.resolve.names import (
    clean_name,
    company_key,
    spells_initials,
    strip_company_suffix,
)

# a company named this often is the article's subject even if the headline does not name it
MAIN_COMPANY_MIN_MENTIONS = 3
HEADLINE_WEIGHT = 1  # what naming a company in the headline counts for, in mentions


@dataclass
class ArticleContext:
    """One article's Doc plus lookups the finders share (built once per article)."""

    doc: Doc
    article: Article
    entities: list[Entity]
    units: list[Span] = field(default_factory=list)
    company_at: dict[int, str] = field(default_factory=dict)  # char start -> company name
    person_at: dict[int, str] = field(default_factory=dict)
    main_company: str | None = None
    main_salient: bool = False  # named in the headline or more than once
    # the company chooser's weights (None: the shipped ones) and, when fitting, a list
    # that records every choice (extract/events/arguments.py)
    company_weights: Any = None
    trace: list[Any] | None = None
    # the same for the choice of what an amount measures (extract/events/cues.py)
    cue_weights: Any = None
    cue_trace: list[Any] | None = None
    # and for the choice of the layoff a mention states (extract/events/merge.py)
    merge_weights: Any = None
    merge_trace: list[Any] | None = None
    # and for the choice of a layoff mention's figures (extract/events/figures.py)
    figure_weights: Any = None
    figure_trace: list[Any] | None = None
    company_keys: Counter[str] | None = None  # mentions of each company_key, lazily
    mentions: CompanyMentions | None = None  # the company mentions in order, lazily
    described: frozenset[str] | None = None  # names described as companies, lazily
    headline_found: tuple[Span | None] | None = None  # (the headline or None), lazily
    unit_starts: list[int] | None = None  # each unit's first token, lazily

    @property
    def published(self) -> date | None:
        return self.article.published

    @property
    def headline(self) -> Span | None:
        """The first unit when it is a paragraph of its own, with more text after it
        (worked out once: the finders ask for it per mention)."""
        if self.headline_found is None:
            self.headline_found = (self._find_headline(),)
        return self.headline_found[0]

    def _find_headline(self) -> Span | None:
        if len(self.units) < 2:
            return None
        first, second = self.units[0], self.units[1]
        gap = doc_text(self.doc)[first.end_char : second.start_char]
        return first if "\n\n" in gap or first.text.endswith("\n\n") else None

    def evidence(self, span: Span) -> Evidence:
        start, end = span.start_char, span.end_char
        return Evidence(self.article.id, start, end, self.article.text[start:end])

    def unit_of(self, token: Token) -> Span:
        i = self.unit_index(token.i)
        return self.units[i] if i is not None else sent_of(token)

    def unit_index(self, i: int) -> int | None:
        """The index of the unit holding token ``i``, if any: by bisection, not a walk
        over every unit per cue (quadratic on 200 kB, issue 11)."""
        if self.unit_starts is None:
            self.unit_starts = [unit.start for unit in self.units]
        n = bisect_right(self.unit_starts, i) - 1
        return n if n >= 0 and i < self.units[n].end else None

    def companyish(self, ent: Span) -> bool:
        """:func:`is_companyish`, for the article as a whole: a name the tagger calls a
        place or a person is a company in every mention once one mention describes it
        as one ("electronics retailer Circuit City ... Circuit City reported a loss")."""
        if is_companyish(ent):
            return True
        if ent.label_ not in _MISTAGGED:
            return False
        if self.described is None:
            self.described = frozenset(
                e.text for e in doc_ents(self.doc) if e.label_ != "ORG" and is_companyish(e)
            )
        return ent.text in self.described

    def company_of_ent(self, ent: Span) -> str | None:
        """The company an ORG span names (None for a media outlet or a non-ORG)."""
        if not self.companyish(ent) or is_media(ent) or not is_company_name(ent):
            return None
        if not any(ch.isupper() or ch.isdigit() for ch in ent.text):
            return None  # "files for bankruptcy" tagged ORG: a name has a capital or a digit
        return self.company_at.get(ent.start_char) or clean_name(ent.text) or None

    def person_of_ent(self, ent: Span) -> str | None:
        if ent.label_ != "PERSON":
            return None
        return self.person_at.get(ent.start_char) or clean_name(ent.text)

    def company_referred(self, token: Token) -> str | None:
        """What "it" or "the company" most likely refers to: the last company that was
        a grammatical subject before ``token``, else the last one named, else the main one."""
        mentions = self._company_mentions()
        before = bisect_left(mentions.starts, token.i)
        if not before:
            return self.main_company
        return mentions.last_subject[before - 1] or mentions.names[before - 1]

    def context_company(self) -> str | None:
        """The article's main company when it is clearly the article's subject."""
        return self.main_company if self.main_salient else None

    def full_name(self, name: str | None) -> str | None:
        """An acronym's spelled-out name when the article gives it: "BA" -> "British Airways"."""
        if name is None or not (name.isupper() and 2 <= len(name) <= 5):
            return name
        for full in self._company_mentions().names:
            if full != name and spells_initials(name, full):
                return full
        return bracketed_full_name(self.article.text, name) or name

    def company_before(self, token: Token) -> str | None:
        """The company named last before ``token`` (within the article), else the main one."""
        mentions = self._company_mentions()
        before = bisect_left(mentions.starts, token.i)
        return mentions.names[before - 1] if before else self.main_company

    def _company_mentions(self) -> CompanyMentions:
        # once per article: walking every entity for each cue was quadratic (13 s on
        # 200 kB of short news items)
        if self.mentions is None:
            self.mentions = CompanyMentions.of(self)
        return self.mentions


@dataclass(frozen=True)
class CompanyMentions:
    """The article's company mentions in order: where each starts (token), its name,
    and the last company before it (itself included) that was a grammatical subject."""

    starts: list[int]
    names: list[str]
    last_subject: list[str | None]

    @classmethod
    def of(cls, ctx: ArticleContext) -> CompanyMentions:
        out = cls([], [], [])
        subject: str | None = None
        for ent in doc_ents(ctx.doc):
            name = ctx.company_of_ent(ent)
            if not name:
                continue
            if ent.root.dep_ in _SUBJECTS or ent.root.head.dep_ in _SUBJECTS:
                subject = name
            out.starts.append(ent.start)
            out.names.append(name)
            out.last_subject.append(subject)
        return out


_SUBJECTS = ("nsubj", "nsubjpass")


_SOURCE_HEADS = frozenset(
    [
        "report",
        "say",
        "tell",
        "cite",
        "according",
        "accord",
        "quote",
        "interview",
        "write",
        "reveal",
        "via",
        "claim",
        "add",
        "note",
    ]
)


_MISTAGGED = frozenset({"PERSON", "FAC", "PRODUCT", "GPE", "NORP", "WORK_OF_ART", "LOC"})


_NAME_WORD = r"[A-Z][\w&.'’-]*"


def bracketed_full_name(text: str, short: str) -> str | None:
    """ "Constanţa Shipyard (SNC)", "Scandinavian Airlines System (SAS)": the capitalised
    words right before the short name in brackets are the name it stands for.

    >>> bracketed_full_name("Constanţa Shipyard (SNC) said", "SNC")
    'Constanţa Shipyard'
    """
    pattern = rf"((?:{_NAME_WORD}\s+){{0,5}}{_NAME_WORD})\s*\(\s*{re.escape(short)}\s*\)"
    found = re.search(pattern, text)
    if found is None:
        return None
    before = text[: found.start()].split()[-1:]
    if before and before[0].lower() in ("of", "and", "&", "de", "for", "du", "des"):
        return None  # "Industrial and Commercial Bank of China (ICBC)": the name runs on
    words = found.group(1).split()
    while words and words[0].lower() in ("the", "a", "an", "in", "at", "of", "and"):
        words = words[1:]
    return clean_name(" ".join(words)) or None if len(words) >= 2 else None


def is_companyish(ent: Span) -> bool:
    """An ORG, or a name the tagger called something else that ends like a company's
    ("Renfrew Steel" tagged PERSON, "Ravensworth Dairies" tagged FAC)."""
    if ent.label_ == "ORG":
        return ent.root.pos_ not in ("ADV", "ADJ", "VERB")  # "Congressionally-mandated"
    if ent.label_ not in _MISTAGGED:
        return False
    book = load_book("companies")
    if len(ent) >= 2 and ent[-1].lower_ in book.lemmas("company_suffix"):
        return True
    # "Carlsberg, the world's fifth-largest brewer", "brewer Carlsberg": described as one
    nouns = book.lemmas("company_noun")
    root = ent.root
    described = [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in nouns]
    described += [c for c in root.lefts if c.dep_ == "compound" and c.lemma_.lower() in nouns]
    return ent.label_ in ("PERSON", "GPE", "NORP") and bool(described)


def is_company_name(ent: Span) -> bool:
    """False for unions, agencies, ministries and the like ("National Union of Journalists")."""
    words = {t.lower_ for t in ent}
    return not words & load_book("companies").lemmas("non_company_name")


def is_media(ent: Span) -> bool:
    """A news outlet or agency cited as a source ("..., the Financial Times reported").

    A newspaper group that is itself the actor ("The Daily Herald will cut
    40 jobs") is a company like any other.
    """
    book = load_book("companies")
    words = {t.lower_ for t in ent}
    named = bool(words & book.lemmas("media_word")) or company_key(ent.text) in book.lemmas(
        "media_name"
    )
    if not named:
        return False
    if _in_brackets(ent):
        return True  # a wire dateline or credit: "TOKYO (Reuters) - Sony posted..."
    root = ent.root
    heads = {root.head.lemma_.lower(), root.head.head.lemma_.lower(), root.head.lower_}
    return bool(heads & _SOURCE_HEADS)


def _in_brackets(ent: Span) -> bool:
    doc = ent.doc
    if ent.start == 0 or ent.end >= len(doc):
        return False
    return doc[ent.start - 1].text == "(" and doc[ent.end].text == ")"


def _paragraph_pieces(sent: Span) -> list[Span]:
    """A sentence cut at blank lines (a headline the parser ran into the first sentence)."""
    pieces: list[Span] = []
    start = sent.start
    for tok in sent:
        if (tok.is_space and tok.text.count("\n") >= 2) or "\n\n" in tok.whitespace_:
            end = tok.i + (0 if tok.is_space else 1)
            if end > start:
                pieces.append(sent.doc[start:end])
            start = tok.i + 1
    if start < sent.end:
        pieces.append(sent.doc[start : sent.end])
    full = doc_text(sent.doc)  # slicing the text once made beats each span's .text
    return [p for p in pieces if full[p.start_char : p.end_char].strip()]


_SENTENCE_END = frozenset(".!?:;\"'”’)]…")


def sentence_units(doc: Doc) -> list[Span]:
    """Sentences cut at blank lines, with a split after an abbreviation undone
    (a piece that starts lowercase or with a figure joins the one before)."""
    units: list[Span] = []
    full = doc_text(doc)
    for sent in (p for s in doc_sents(doc) for p in _paragraph_pieces(s)):
        text = full[sent.start_char : sent.end_char].lstrip(" \"'“‘(")
        prev_gap = full[units[-1].start_char : units[-1].end_char] if units else ""
        gap = full[units[-1].end_char : sent.start_char] if units else ""
        joins = bool(units) and bool(text) and "\n" not in gap + prev_gap[-1:]
        # a split mid-sentence: the piece starts lowercase or with a figure, or the one
        # before ends with no sentence-final mark ("Acme" | "Corp will cut ...", the
        # parser having run a headline into the first words of the body)
        unfinished = bool(prev_gap) and prev_gap.rstrip()[-1:] not in _SENTENCE_END
        joins = joins and (text[0].islower() or text[0] in "$€£¥0123456789" or unfinished)
        # nor is a cut for length undone (MAX_SENTENCE_TOKENS: a run-on "sentence")
        joins = joins and len(units[-1]) + len(sent) <= MAX_SENTENCE_TOKENS
        if joins and units:
            prev = units.pop()
            units.append(doc[prev.start : sent.end])
        else:
            units.append(sent)
    return units


def build_context(doc: Doc, article: Article, entities: list[Entity]) -> ArticleContext:
    """Index entity mentions by offset and pick the main company."""
    ctx = ArticleContext(doc=doc, article=article, entities=entities, units=sentence_units(doc))
    counts: Counter[str] = Counter()
    media_starts = {
        e.start_char
        for e in doc_ents(doc)
        if e.label_ == "ORG" and (is_media(e) or not is_company_name(e))
    }
    for entity in entities:
        for mention in entity.mentions:
            if entity.type == "company" and mention.start not in media_starts:
                ctx.company_at[mention.start] = entity.name
            elif entity.type == "person":
                ctx.person_at[mention.start] = entity.name
    first: dict[str, int] = {}
    for ent in doc_ents(doc):
        # counted from the spans, so a company the tagger called a person still counts
        name = ctx.company_of_ent(ent)
        if name:
            counts[name] += 1
            first.setdefault(name, -ent.start_char)
    if not counts:
        # no tagged company: names the text calls companies ("device maker Alpenmed")
        for name, start in described_companies(doc):
            counts[name] += sum(1 for _ in _occurrences(ctx.article.text, name))
            first.setdefault(name, -start)
    if counts:
        # most mentions wins, a headline naming a company counting as HEADLINE_WEIGHT
        # mentions (the headline names the article's subject, the body may name a
        # partner more often); on a tie, the one named first
        top = ctx.headline
        for name in counts:
            if top is not None and _headline_subject(name, top):
                counts[name] += HEADLINE_WEIGHT
        ctx.main_company = max(counts, key=lambda n: (counts[n], first.get(n, 0)))
        headline = ctx.units[0] if ctx.units else None
        in_headline = headline is not None and (
            any(ctx.company_of_ent(e) == ctx.main_company for e in ents_in(headline))
            or ctx.main_company in headline.text
            or _key_in(ctx.main_company, headline.text)  # "Halden AG" in "Halden profits soar"
        )
        ctx.main_salient = in_headline or counts[ctx.main_company] >= MAIN_COMPANY_MIN_MENTIONS
    return ctx


def _headline_subject(name: str, headline: Span) -> bool:
    """Whether the headline names the company as what it is about: in its subject
    ("Icelandic Kaupthing Bank earnings soar"), or as its first words ("Acme to cut
    900 jobs"); not "Alfa Romeos to get GM engines". The name is matched as written
    ("UK rail firm" does not name a company "Rail")."""
    key = strip_company_suffix(name).split()
    if not key:
        return False
    toks = [t for t in headline if not t.is_punct]
    words = [t.text for t in toks]
    for i in range(len(words) - len(key) + 1):
        if words[i : i + len(key)] != key:
            continue
        if i <= 1:
            return True
        subjects = [t for t in headline if t.dep_ in ("nsubj", "nsubjpass")]
        if any(s.left_edge.i <= toks[i].i <= s.right_edge.i for s in subjects):
            return True
    return False


def _key_in(name: str, text: str) -> bool:
    """The name without its legal form, as whole words of ``text``."""
    key = company_key(name).split()
    words = [w.strip(".,:;'\"()").lower() for w in text.split()]
    return bool(key) and any(words[i : i + len(key)] == key for i in range(len(words)))


def described_companies(doc: Doc) -> list[tuple[str, int]]:
    """Proper names introduced by a company noun: "medical device maker Alpenmed"."""
    nouns = load_book("companies").lemmas("company_noun")
    out: list[tuple[str, int]] = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        described = [c for c in tok.lefts if c.lemma_.lower() in nouns]
        if described:
            start = max(c.i for c in described) + 1
            out.append((doc[start : tok.i + 1].text, doc[start].idx))
    return out


def _occurrences(text: str, name: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]


# A run of tokens this long with no full stop, question or exclamation mark is no
# sentence: the longest such runs in the dev sets are lists (221 tokens of names on
# PolNeAR, 165 of bullets on Wikinews), and prose stays near 110. The finders weigh
# every mention of a sentence for each cue, so one 2,000-token run-on sentence took
# 15 s; cut at this length, run-on text costs the same per kB however long it runs.
MAX_SENTENCE_TOKENS = 250
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "..."})


@Language.component("newsledger_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every blank line, before the parser runs.

    A headline has no full stop, so the parser otherwise runs it into the
    first sentence ("Steel firm to cut 45,000 jobs Mittal Steel, one of...")
    and attaches its words to the wrong heads. Add with
    ``nlp.add_pipe("newsledger_paragraphs", before="parser")``.
    A run of :data:`MAX_SENTENCE_TOKENS` tokens with no sentence end is cut too.
    """
    run = 0
    for tok in doc:
        prev = doc[tok.i - 1] if tok.i else None
        blank_line = prev is None or (
            "\n\n" in prev.whitespace_ or (prev.is_space and prev.text.count("\n") >= 2)
        )
        run = 0 if blank_line or (prev is not None and prev.text in _SENTENCE_ENDS) else run + 1
        if run >= MAX_SENTENCE_TOKENS and not tok.is_space:
            tok.is_sent_start = True
            run = 0
        if blank_line and not tok.is_space:
            tok.is_sent_start = True
            # nor does the parser end that sentence after its first word ("Acme" | "Corp
            # will cut ..."): two words in a row with no mark between are one sentence
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if (
                nxt is not None
                and tok.is_alpha
                and nxt.is_alpha
                and not tok.whitespace_.count("\n")
            ):
                nxt.is_sent_start = False
    return doc
