"""Quotes with speakers: who said what, with the sentence that says so.

Quotations come from one regex scan of the marks (:mod:`quote_marks`); only the
few tokens around each quotation are then read, so the cost grows with the
number of quotes, not of tokens. A speaker is looked for, in order:

1. in the quote's own frame: after it (``"…," X said``, ``said X``, ``— X``,
   ``according to X``) or before it in the same sentence (``X said: "…"``,
   ``X promises that the company "…"``);
2. from an earlier quote in the same paragraph (``"…," he said. "…"``);
3. in the paragraph before, when it introduces the quote (ends in a colon or
   has a speech verb: ``Suzuki believes that …:``);
4. from a quote that fills the paragraph before (the speaker goes on).

A pronoun (``he said``) is the person last named; ``it`` is the company last
named; a description ("the lender", "a spokeswoman", "the chief executive") is
the company or person it refers to (:mod:`quote_descriptions`). A short noun
phrase in quotation marks with no speech verb over it (announcing a "goodwill
impairment charge") is a scare quote: no one's.
A quotation that is the predicate of a company (Sony will "launch …") is that
company's statement. ``Quote.direct`` is False for partial quotes inside a
sentence of the writer's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsledger.extract.events.spans import entity_of
from newsledger.extract.lexicons import naming_forms, speech_forms, statement_source
from newsledger.extract.quote_descriptions import described_entity, is_outlet, named_by_noun
from newsledger.extract.quote_marks import QuoteSpan, is_title, scan_quotes
from newsledger.extract.quote_refs import (
    SUBJECT_DEPS,
    Context,
    antecedent,
    entity_at,
    gender_of_pronoun,
    in_quote,
    last_entity,
    last_person,
    make_context,
    relative_antecedent,
    set_off_names,
)
from newsledger.models import Article, Entity, Evidence, Quote

# how far a frame reaches from its quote, in tokens: a cue is close to its quote
FRAME_TOKENS = 14
# after a quote a name's apposition may run long before its verb ("…," Jo Park, the
# director of … at …, said)
LONG_FRAME_TOKENS = 36
# a quotation this short with no verb and no speech cue is a term, not a quote
SCARE_MAX_WORDS = 4
# a fragment this short is a quote only when a speech verb frames it (ANNOTATION.md)
FRAGMENT_MAX_WORDS = 3
# a speaker phrase longer than this is a clause, not a name
SPEAKER_MAX_WORDS = 8

_SENTENCE_END = frozenset((".", "!", "?"))
_DASHES = frozenset(("—", "–", "--", "-"))
_PERSON_PRONOUNS = frozenset(("he", "she", "him", "her"))
_COMPANY_PRONOUNS = frozenset(("it", "its"))
_NOT_SOURCES = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"))
_RELATIVES = frozenset(("who", "which", "that"))
_NEVER_SPEAKERS = frozenset(("you", "i", "we", "they", "who", "that", "which", "this", "one"))


@dataclass(frozen=True)
class Speaker:
    """Who a quote is by: a name and, when known, the entity it came from."""

    name: str
    kind: str | None = None  # "person" / "company" / None for an unnamed source
    role: str | None = None
    org: str | None = None


def _from_entity(entity: Entity) -> Speaker:
    kind = "person" if entity.type == "person" else "company"
    return Speaker(entity.name, kind, entity.role, entity.org)


# --- from a subject token to a speaker -----------------------------------


def _speaker_of(ctx: Context, token: Token) -> Speaker | None:
    """The speaker a subject token names, or None when it names no one."""
    low = token.lower_
    if low in _RELATIVES and token.head.dep_ == "relcl" and token.head.head.i != token.head.i:
        # "Charles Park, an expert, who stated: …": the relative stands for its noun
        return _speaker_of(ctx, relative_antecedent(token))
    if low in _NEVER_SPEAKERS or in_quote(ctx, token.idx):
        return None
    if low in _PERSON_PRONOUNS:
        gender = gender_of_pronoun(low)
        found = antecedent(ctx, token, gender) if ctx.parsed else None
        entity = found or last_person(ctx, token.idx, gender)
        return _from_entity(entity) if entity else None
    if low in _COMPANY_PRONOUNS:
        entity = last_entity(ctx, token.idx, "company")
        return _from_entity(entity) if entity else None
    if token.pos_ == "PRON" or token.ent_type_ in _NOT_SOURCES:
        return None  # "tweeted Sunday": a date is no one
    named = _named_in(ctx, token)
    if named is not None and named.kind == "person":
        return named
    # "the lender", "a spokeswoman", "the EU commissioner": whom it describes, first
    described = described_entity(ctx, token) if ctx.parsed else None
    if described is not None:
        return _from_entity(described)
    if named is not None and named.kind is not None:
        return named
    body = named_by_noun(ctx, token) if ctx.parsed and not in_quote(ctx, token.idx) else None
    if body is not None:
        return Speaker(body, "company")
    if token.pos_ in ("NOUN", "PROPN"):
        phrase = _noun_phrase(ctx, token)
        if phrase:
            return Speaker(phrase)
    return None


def _named_in(ctx: Context, token: Token) -> Speaker | None:
    """A person (first) or company named by the token or its appositions.

    A person named only as an owner or an object ("Clinton's campaign chairman", "a
    spokesman for Trump") is not the speaker; a company so named is (its statement).
    """
    own = [token, *(t for t in token.subtree if t.dep_ in ("appos", "compound", "flat"))]
    people = [t for t in own if not any(a.dep_ in ("poss", "pobj") for a in _path(t, token))]
    people += set_off_names(token)
    linked = [t for t in token.subtree if t.dep_ in ("appos", "compound", "poss", "pobj")]
    for want, candidates in (("PERSON", people), ("ORG", [token, *linked])):
        for t in candidates:
            if t.ent_type_ == want and not in_quote(ctx, t.idx):
                entity = entity_at(ctx, t.idx, t.idx + len(t))
                if entity is not None and entity.type in ("person", "company"):
                    return _from_entity(entity)
                if want == "PERSON":
                    return Speaker(_ent_text(t), "person")
    return None


def _path(token: Token, top: Token) -> list[Token]:
    """The tokens from ``token`` up to (not including) ``top``."""
    out: list[Token] = []
    while token is not top and token.head is not token and len(out) < SPEAKER_MAX_WORDS:
        out.append(token)
        token = token.head
    return out


def _ent_text(token: Token) -> str:
    ent = entity_of(token)
    return ent.text if ent is not None else token.text


def _noun_phrase(ctx: Context, token: Token) -> str | None:
    """A source named by description ("a company spokesman"), without clauses."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if (
            child.dep_ in ("prep", "compound", "appos")
            and child.right_edge.i - left < SPEAKER_MAX_WORDS
        ):
            right = child.right_edge.i
    span = ctx.doc[left : right + 1]
    if len(span) > SPEAKER_MAX_WORDS or any(in_quote(ctx, t.idx) for t in span):
        return None
    text = span.text.strip(" ,")
    return text or None


# --- frames around a quote -----------------------------------------------


def _tokens(ctx: Context, start_char: int, end_char: int) -> Span | None:
    return ctx.doc.char_span(start_char, end_char, alignment_mode="expand")


def _after_frame(ctx: Context, quote: QuoteSpan) -> list[Token]:
    """Tokens after the closing mark up to the sentence's end or the next quote."""
    out: list[Token] = []
    span = _tokens(ctx, quote.close_mark, min(len(ctx.text), quote.close_mark + 200))
    for token in span or ():
        if token.idx < quote.close_mark:
            continue
        if not out and _new_sentence(quote, token):
            break
        reach = LONG_FRAME_TOKENS if out and out[0].ent_type_ == "PERSON" else FRAME_TOKENS
        if "\n" in token.text or in_quote(ctx, token.idx) or len(out) >= reach:
            break
        out.append(token)
        if token.text in _SENTENCE_END:
            break
    return out


# a speech verb this close after a quote closed by a full stop still frames it
NEW_SENTENCE_CUE_TOKENS = 4


def _new_sentence(quote: QuoteSpan, first: Token) -> bool:
    """A quotation closed by a full stop, then a capital: the words after are a new sentence.

    ("… in which it excels." And it will …): nothing after such a quote is its frame,
    except a dash ("… city." — Helen Marsh).
    """
    if not quote.text.endswith(".") or not first.text[:1].isupper() or first.text in _DASHES:
        return False
    # ("… missing." Trump said.): a full stop for a comma, the cue still follows; but a
    # speech verb with words of its own after it ("… strike." The unions expect 11,000
    # …, "… has to be." GM says that it …) opens the writer's next sentence
    following = first.doc[first.i : first.i + NEW_SENTENCE_CUE_TOKENS]
    return not any(t.lower_ in speech_forms() and not _says_more(t) for t in following)


def _says_more(verb: Token) -> bool:
    """A verb with a clause or an object after it: it reports something else."""
    return any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children)


def _before_frame(ctx: Context, open_mark: int) -> list[Token]:
    """Tokens of the same sentence before an opening mark, nearest last."""
    span = _tokens(ctx, max(0, open_mark - 400), open_mark)
    out: list[Token] = []
    for token in reversed(list(span or ())):
        if token.idx >= open_mark:
            continue
        if "\n" in token.text or token.text in _SENTENCE_END or in_quote(ctx, token.idx):
            break
        out.append(token)
    return list(reversed(out))


def _cue_speaker(ctx: Context, frame: list[Token], nearest_last: bool) -> Speaker | None:
    """The speaker named by a cue in a frame: "according to X", "— X", "X said"."""
    inside = {t.i for t in frame}
    reported = _according_to(ctx, frame)
    if reported is not None and not is_outlet(reported.name):
        return reported
    spoken = [t for t in frame if t.lower_ in speech_forms()]
    touching = [t for t in frame if t not in spoken and _adjacent_verb(t, frame, nearest_last)]
    # a speech verb first: in "Park said that the plan will be kept, “…”" the verb
    # touching the quote is the reported clause's, not the cue
    for verb in [*_ordered(spoken, nearest_last), *_ordered(touching, nearest_last)]:
        subjects = _subjects(verb) if ctx.parsed else _named_neighbours(verb, inside)
        for subject in subjects:
            if subject.i in inside or abs(subject.i - verb.i) <= 3 or _shared(subject, verb):
                found = _speaker_of(ctx, subject)
                if found:
                    return found
        # "said Jones, the chief executive": a name right after the verb
        nxt = verb.nbor(1) if verb.i + 1 < len(ctx.doc) else None
        if nxt is not None and nxt.i in inside and nxt.pos_ in ("PROPN", "PRON"):
            found = _speaker_of(ctx, nxt)
            if found:
                return found
        found = _inverted_speaker(ctx, verb, frame) if not nearest_last else None
        if found:
            return found
    # "“…,” Sanders said, according to CNN": the outlet only reports what was said
    return reported


def _statement_in(ctx: Context, frame: list[Token]) -> Speaker | None:
    """The company of a statement noun in the frame ("an announcement that", "a
    statement saying"), by ANNOTATION.md: an unsigned statement is the company's."""
    for token in frame:
        if token.pos_ == "NOUN" and statement_source([token.text]) == "statement":
            found = _speaker_of(ctx, token)
            if found is not None and not is_outlet(found.name):
                return found
    return None


def _according_to(ctx: Context, frame: list[Token]) -> Speaker | None:
    for i, token in enumerate(frame[:-1]):
        if token.lower_ == "according" and frame[i + 1].lower_ == "to":
            for obj in frame[i + 1].children:
                found = _speaker_of(ctx, obj)
                if found:
                    return found
    return None


def _shared(subject: Token, verb: Token) -> bool:
    """A subject the verb shares with the verb it is coordinated with, earlier in the
    sentence, however long the quotation between ("The company described it as “…,”
    and noted that “…”")."""
    return verb.dep_ == "conj" and subject.head.i == verb.head.i and subject.i < verb.i


def _ordered(tokens: list[Token], nearest_last: bool) -> list[Token]:
    return list(reversed(tokens)) if nearest_last else tokens


def _inverted_speaker(ctx: Context, verb: Token, frame: list[Token]) -> Speaker | None:
    """ "…," tweeted a user from Hanover: right after the quote, the verb comes first and the
    noun phrase after it is the speaker, however the parser labelled it."""
    lead = [t for t in frame if not t.is_punct]
    if not lead or lead[0] is not verb or verb.lower_ not in speech_forms():
        return None
    for token in verb.rights:
        if token.dep_ in ("nsubj", "dobj", "attr", "npadvmod") and token.pos_ in ("NOUN", "PROPN"):
            return _speaker_of(ctx, token)
    return None


def _adjacent_verb(token: Token, frame: list[Token], quote_after: bool) -> bool:
    """A verb touching the quotation ("…," Bolton charged / he retorted: "…").

    ``quote_after``: the frame is the writer's words right before the opening mark, so
    only a verb at its end touches the quote ("Velmora makes kettles "in which …"" has
    none: "makes" governs the writer's sentence, not the quotation).
    """
    if token.pos_ != "VERB" or not frame:
        return False
    if frame[0].idx < token.idx and frame[-1].text in (":", ","):
        return token.i >= frame[-1].i - 1
    if quote_after:
        return token.i == frame[-1].i
    return token.i - frame[0].i <= 3


def _named_neighbours(verb: Token, inside: set[int]) -> list[Token]:
    """Without a parse: a named entity touching the verb ("X said" / "said X")."""
    doc = verb.doc
    near = [i for i in (verb.i - 1, verb.i + 1) if i in inside and 0 <= i < len(doc)]
    return [doc[i] for i in near if doc[i].ent_type_ in ("PERSON", "ORG")]


def _subjects(verb: Token) -> list[Token]:
    if verb.lower_ == "saying" and verb.head.lower_ == "as" and verb.head.head is not verb.head:
        # "The BBC reported / The paper quoted X as saying": X speaks, not the outlet
        quoted = [c for c in verb.head.head.children if c.dep_ == "dobj"]
        if quoted:
            return quoted
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        # "The union issued a statement saying …": who issued the statement speaks
        subjects = [c for c in verb.head.head.children if c.dep_ in SUBJECT_DEPS]
    return subjects


def _dash_speaker(ctx: Context, frame: list[Token]) -> Speaker | None:
    if len(frame) >= 2 and frame[0].text in _DASHES:
        for token in frame[1:4]:
            if token.pos_ == "PROPN" or token.lower_ in _PERSON_PRONOUNS:
                return _speaker_of(ctx, token)
    return None


def _label_speaker(ctx: Context, frame: list[Token]) -> Speaker | None:
    """A name as a label before a colon: "Lund: “We will stay.”", or after the writer's
    lead-in and a dash ("Pollsters agree - Carl Bialik: “…”")."""
    if len(frame) < 2 or frame[-1].text != ":":
        return None
    last = frame[-2]
    if last.ent_type_ not in ("PERSON", "ORG"):
        return None
    start = len(frame) - 2
    while start > 0 and frame[start - 1].ent_type_ in ("PERSON", "ORG"):
        start -= 1
    if start > 0 and frame[start - 1].text not in _DASHES:
        return None
    return _speaker_of(ctx, last)


# a signature's name comes within this many tokens of its dash ("— former Senator Jo Park")
SIGNATURE_TOKENS = 5


def _signature_speaker(ctx: Context, quote: QuoteSpan) -> Speaker | None:
    """A quote ending its paragraph, signed by the next one ("¶— Maria Lopez, in a speech")."""
    text = ctx.text
    line_end = text.find("\n", quote.close_mark)
    if line_end < 0 or text[quote.close_mark : line_end].strip(" ."):
        return None
    following = text[line_end:].lstrip()
    if following[:1] not in ("-", "—", "–"):
        return None
    start = len(text) - len(following)
    for n, token in enumerate(_tokens(ctx, start, min(len(text), start + 60)) or ()):
        if n > SIGNATURE_TOKENS or "\n" in token.text:
            break
        if token.ent_type_ == "PERSON" and not in_quote(ctx, token.idx):
            return _speaker_of(ctx, token)
    return None


def _company_statement(ctx: Context, words: Span, before: list[Token]) -> Speaker | None:
    """Sony will "launch …": a quotation that is the predicate of a company subject."""
    if not before or before[-1].pos_ not in ("AUX", "VERB", "PART"):
        return None
    clause = words[0]
    for _ in range(3):
        if clause.pos_ in ("VERB", "AUX") or clause.head is clause:
            break
        clause = clause.head
    for subject in _subjects(clause):
        if subject.pos_ == "PRON":
            # no speech verb and only "it" to go on: too thin to put words in a mouth
            continue
        found = _speaker_of(ctx, subject)
        if found and found.kind == "company":
            return found
    return None


def _intro_speaker(ctx: Context, quote: QuoteSpan) -> Speaker | None:
    """A quote opening its paragraph, introduced by the paragraph before it."""
    text = ctx.text
    before = text[: quote.open_mark]
    if "\n" not in before[-3:] and before.strip():
        return None
    end = len(before.rstrip())
    if end == 0 or text[end - 1] not in ".:":
        return None
    frame = _before_frame(ctx, end - 1)
    found = _cue_speaker(ctx, frame, nearest_last=False)
    if found is None and text[end - 1] == ":":
        return _frame_subject(ctx, frame)
    return found


def _frame_subject(ctx: Context, frame: list[Token]) -> Speaker | None:
    """The subject of the writer's clause that hands over to a quote with a colon or a
    comma, whatever its verb ("X delivered a blunt message: …", "as X put it, …")."""
    verbs = [t for t in frame if t.pos_ in ("VERB", "AUX")]
    # "Ms Park said that the plan will be kept, “…”": the speech verb's subject speaks,
    # not the subject of the clause nearest the quote
    spoken = [t for t in verbs if t.lower_ in speech_forms()]
    for verb in [*reversed(spoken), *reversed(verbs)]:
        for subject in _subjects(verb):
            found = _speaker_of(ctx, subject)
            if found:
                return found
    return None


def _sentence_speaker(ctx: Context, quote: QuoteSpan) -> Speaker | None:
    """A quote standing as its own sentence after the writer's sentence about someone in
    the same paragraph ("Dr Lund agreed. “Prices will fall.”"): that sentence's subject."""
    text = ctx.text
    end = len(text[: quote.open_mark].rstrip())
    if (
        not ctx.parsed
        or end == 0
        or text[end - 1] not in ".:"
        or "\n" in text[end : quote.open_mark]
    ):
        return None
    frame = _before_frame(ctx, end - 1)
    found = _cue_speaker(ctx, frame, nearest_last=False)
    if found is not None:
        return found
    for token in frame:
        if token.dep_ == "ROOT":
            for subject in _subjects(token):
                named = _speaker_of(ctx, subject)
                if named is not None and named.kind is not None:
                    return named
    return None


def _starts_paragraph(text: str, open_mark: int) -> bool:
    line_start = text.rfind("\n", 0, open_mark) + 1
    return not text[line_start:open_mark].strip()


def _is_direct(quote: QuoteSpan, before: list[Token], after: list[Token]) -> bool:
    """A whole utterance in marks, not words woven into the writer's sentence."""
    if (
        before
        and before[-1].text not in (":", ",", "—", "–")
        and before[-1].lower_ not in speech_forms()
    ) or (before and before[-1].lower_ in naming_forms()):
        return False
    if quote.text[-1].isalnum() and after and after[0].is_lower and after[0].is_alpha:
        # the writer's sentence goes on after the marks: a partial quote
        return after[0].lower_ in _PERSON_PRONOUNS or after[0].lower_ in speech_forms()
    return len(quote.text.split()) > 2 or quote.text[-1] in ".,!?;:…—"


def _speech_framed(before: list[Token], after: list[Token]) -> bool:
    """A speech verb or a colon hands the quotation over, or a speech verb follows it."""
    if before and (before[-1].text == ":" or before[-1].lower_ in speech_forms()):
        return before[-1].lower_ not in naming_forms()
    return any(t.lower_ in speech_forms() for t in after[:NEW_SENTENCE_CUE_TOKENS])


def _speech_act(words: Span | None, before: list[Token], after: list[Token]) -> bool:
    """A speech verb frames the quotation or governs its words ("promises that the
    company “will change”")."""
    if _speech_framed(before, after):
        return True
    forms = speech_forms()
    return words is not None and any(
        a.lower_ in forms or a.lemma_.lower() in forms for t in words for a in t.ancestors
    )


def _fragment(quote: QuoteSpan) -> bool:
    """Three words or fewer (ANNOTATION.md: short fragments)."""
    return len(quote.text.split()) <= FRAGMENT_MAX_WORDS


def _is_scare(words: Span | None, quote: QuoteSpan) -> bool:
    if words is None:
        return True
    if len(quote.text.split()) > SCARE_MAX_WORDS:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in words)


def _evidence(ctx: Context, quote: QuoteSpan, before: list[Token], after: list[Token]) -> Evidence:
    start = before[0].idx if before else quote.open_mark
    end = after[-1].idx + len(after[-1]) if after else quote.close_mark
    return Evidence(ctx.article.id, start, end, ctx.article.text[start:end])


def find_quotes(doc: Doc, article: Article, entities: list[Entity]) -> list[Quote]:
    """Every quotation in the article with its speaker, in order of appearance.

    >>> # see tests/extract/test_quotes_*.py for one table per speaker pattern
    """
    text = doc.text
    spans = scan_quotes(text)
    ctx = make_context(doc, article, entities, spans, text)
    out: list[Quote] = []
    previous: tuple[QuoteSpan, Speaker | None] | None = None
    for quote in spans:
        words = _tokens(ctx, quote.start, quote.end)
        before = _before_frame(ctx, quote.open_mark)
        after = _after_frame(ctx, quote)
        direct = _is_direct(quote, before, after)
        if is_title(quote.text) and not _speech_framed(before, after):
            continue  # "his memoir, “Tough Choices,” …": a title, nobody's words
        scare = not direct and _is_scare(words, quote)
        if scare and not _speech_act(words, before, after):
            continue  # "a “reset”": a term in marks, no speech act (ANNOTATION.md)
        if not direct and _fragment(quote) and not _speech_act(words, before, after):
            continue  # "is “pausing” hiring": a word or three in marks, no speech act
        speaker = (
            _dash_speaker(ctx, after)
            or _label_speaker(ctx, before)
            or _cue_speaker(ctx, after, nearest_last=False)
            or _cue_speaker(ctx, before, nearest_last=True)
        )
        if speaker is not None and is_outlet(speaker.name):
            # "after an announcement that “…”, according to The Daily Telegraph": the
            # outlet reports a statement, and the statement's company said it
            speaker = _statement_in(ctx, before) or speaker
        if speaker is None and not direct and words is not None:
            speaker = _company_statement(ctx, words, before)
        if speaker is None and direct and before and before[-1].text in (":", ","):
            speaker = _frame_subject(ctx, before)
        if speaker is None and direct:
            speaker = _signature_speaker(ctx, quote) or _inherited(ctx, quote, previous)
        if speaker is None and not direct and _same_sentence(ctx, previous, quote):
            # "Cruz said there is “only one…,” adding that Trump “relentlessly attacks
            # us”": a second partial quote of one sentence is the same speaker's
            speaker = previous[1] if previous is not None else None
        if speaker is None and not direct:
            continue  # words in marks that no one is said to have said
        previous = (quote, speaker)
        if scare and _fragment(quote):
            # "a “long road ahead,” but ... will “beat expectations”": a verbless word or
            # three is no quote of its own, but says who speaks in the rest of the sentence
            continue
        out.append(_quote(ctx, quote, speaker, direct, _evidence(ctx, quote, before, after)))
    return out


def _same_sentence(
    ctx: Context, previous: tuple[QuoteSpan, Speaker | None] | None, quote: QuoteSpan
) -> bool:
    """The quote before, with a speaker, opens in the same sentence as this one."""
    if previous is None or previous[1] is None:
        return False
    first = _tokens(ctx, previous[0].start, previous[0].end)
    this = _tokens(ctx, quote.start, quote.end)
    return first is not None and this is not None and first.sent.start == this.sent.start


def _inherited(
    ctx: Context, quote: QuoteSpan, previous: tuple[QuoteSpan, Speaker | None] | None
) -> Speaker | None:
    """A speaker carried over: same paragraph, an introduction, or the quote before."""
    text = ctx.text
    found = _sentence_speaker(ctx, quote)
    if found is not None:
        return found
    if previous is not None and previous[1] is not None:
        gap = text[previous[0].close_mark : quote.open_mark]
        if "\n" not in gap:
            return previous[1]
    if not _starts_paragraph(text, quote.open_mark):
        return None
    found = _intro_speaker(ctx, quote)
    if found is not None or previous is None:
        return found
    gap = text[previous[0].close_mark : quote.open_mark]
    adjacent = gap.count("\n") <= 2 and not gap.strip()
    return previous[1] if adjacent else None


def _quote(
    ctx: Context, quote: QuoteSpan, speaker: Speaker | None, direct: bool, evidence: Evidence
) -> Quote:
    return Quote(
        text=quote.text,
        start=quote.start,
        end=quote.end,
        speaker=speaker.name if speaker else None,
        evidence=evidence,
        speaker_role=speaker.role if speaker else None,
        org=speaker.org if speaker else None,
        speaker_type="person"
        if speaker and speaker.kind == "person"
        else ("company" if speaker and speaker.kind == "company" else None),
        direct=direct,
    )
