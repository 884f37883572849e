"""Speaker patterns on hand-made spaCy Docs: the parse is written out, so the rules
are tested alone, fast and deterministically (no model is loaded).

A row gives the text, then one ``word/POS/dep/head`` entry per token (``head`` is
the absolute index of the head token; ``¶`` stands for a paragraph break) and the
named entities as ``(words, label)``. :func:`build` turns a row into a Doc whose
token texts and spacing reproduce the text exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from newsledger.extract.entities import find_entities
from newsledger.extract.quotes import find_quotes
from newsledger.models import Article, Entity, Quote

PARAGRAPH = "¶"


@dataclass(frozen=True)
class Row:
    text: str
    parse: str
    ents: tuple[tuple[str, str], ...] = ()


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


def _spaces(text: str, words: list[str]) -> list[bool]:
    """Whether each word is followed by a space, checking the words spell the text."""
    spaces, pos = [], 0
    for word in words:
        assert text.startswith(word, pos), f"{word!r} is not at {pos} of {text!r}"
        pos += len(word)
        space = text[pos : pos + 1] == " "
        spaces.append(space)
        pos += space
    assert pos == len(text), f"words stop at {pos} of {len(text)}"
    return spaces


def _find(doc: Doc, words: str, taken: set[int]) -> tuple[int, int]:
    """The first occurrence of ``words`` not already taken by an earlier entity."""
    wanted = words.split()
    for i in range(len(doc) - len(wanted) + 1):
        here = set(range(i, i + len(wanted)))
        if [t.text for t in doc[i : i + len(wanted)]] == wanted and not here & taken:
            taken |= here
            return i, i + len(wanted)
    raise AssertionError(f"{words!r} not in {doc.text!r}")


def build(vocab: Vocab, row: Row, *, parse: bool = True, ents: bool = True) -> Doc:
    """A Doc from a table row; ``parse=False`` / ``ents=False`` leave those layers out."""
    entries = [e.rsplit("/", 3) for e in row.parse.split()]
    words = ["\n\n" if w == PARAGRAPH else w for w, _, _, _ in entries]
    doc = Doc(
        vocab,
        words=words,
        spaces=_spaces(row.text, words),
        pos=[p for _, p, _, _ in entries] if parse else None,
        deps=[d for _, _, d, _ in entries] if parse else None,
        heads=[int(h) for _, _, _, h in entries] if parse else None,
        lemmas=[w.lower() for w in words],
    )
    if ents:
        taken: set[int] = set()
        doc.ents = [Span(doc, *_find(doc, w, taken), label=label) for w, label in row.ents]
    return doc


def run(doc: Doc) -> tuple[list[Quote], list[Entity]]:
    article = Article(id="handmade", text=doc.text)
    entities = find_entities(doc, article)
    return find_quotes(doc, article, entities), entities


# --- one row per speaker pattern: (id, row, start of the quote, speaker) -----

X_SAID = Row(
    '"We will build two plants," Maria Lopez said.',
    '"/PUNCT/punct/10 We/PRON/nsubj/3 will/AUX/aux/3 build/VERB/ccomp/10 two/NUM/nummod/5 '
    'plants/NOUN/dobj/3 ,/PUNCT/punct/10 "/PUNCT/punct/10 Maria/PROPN/compound/9 '
    "Lopez/PROPN/nsubj/10 said/VERB/ROOT/10 ./PUNCT/punct/10",
    (("Maria Lopez", "PERSON"),),
)
SAID_X = Row(
    '"We will build two plants," said Maria Lopez.',
    '"/PUNCT/punct/8 We/PRON/nsubj/3 will/AUX/aux/3 build/VERB/ccomp/8 two/NUM/nummod/5 '
    'plants/NOUN/dobj/3 ,/PUNCT/punct/8 "/PUNCT/punct/8 said/VERB/ROOT/8 '
    "Maria/PROPN/compound/10 Lopez/PROPN/nsubj/8 ./PUNCT/punct/8",
    (("Maria Lopez", "PERSON"),),
)
APPOSITION = Row(
    '"Prices will rise," Peter Grant, chief executive of Halvorsen Foods, said.',
    '"/PUNCT/punct/15 Prices/NOUN/nsubj/3 will/AUX/aux/3 rise/VERB/ccomp/15 ,/PUNCT/punct/15 '
    '"/PUNCT/punct/15 Peter/PROPN/compound/7 Grant/PROPN/nsubj/15 ,/PUNCT/punct/7 '
    "chief/ADJ/amod/10 executive/NOUN/appos/7 of/ADP/prep/10 Halvorsen/PROPN/compound/13 "
    "Foods/PROPN/pobj/11 ,/PUNCT/punct/7 said/VERB/ROOT/15 ./PUNCT/punct/15",
    (("Peter Grant", "PERSON"), ("Halvorsen Foods", "ORG")),
)
ACCORDING_TO = Row(
    '"The deal is dead," according to Samuel Okafor.',
    '"/PUNCT/punct/3 The/DET/det/2 deal/NOUN/nsubj/3 is/AUX/ROOT/3 dead/ADJ/acomp/3 '
    ',/PUNCT/punct/3 "/PUNCT/punct/3 according/VERB/prep/3 to/ADP/prep/7 '
    "Samuel/PROPN/compound/10 Okafor/PROPN/pobj/8 ./PUNCT/punct/3",
    (("Samuel Okafor", "PERSON"),),
)
EM_DASH = Row(
    "“We are not leaving this city” — Helen Marsh, at the plant gate.",
    "“/PUNCT/punct/4 We/PRON/nsubj/4 are/AUX/aux/4 not/PART/neg/4 leaving/VERB/ROOT/4 "
    "this/DET/det/6 city/NOUN/dobj/4 ”/PUNCT/punct/4 —/PUNCT/punct/4 "
    "Helen/PROPN/compound/10 Marsh/PROPN/npadvmod/4 ,/PUNCT/punct/10 at/ADP/prep/10 "
    "the/DET/det/15 plant/NOUN/compound/15 gate/NOUN/pobj/12 ./PUNCT/punct/4",
    (("Helen Marsh", "PERSON"),),
)
COLON_INTRO = Row(
    "Brightwell chief Anna Kowalski gave her view:\n\n“The market has turned for good.”",
    "Brightwell/PROPN/compound/1 chief/NOUN/compound/3 Anna/PROPN/compound/3 "
    "Kowalski/PROPN/nsubj/4 gave/VERB/ROOT/4 her/PRON/poss/6 view/NOUN/dobj/4 "
    ":/PUNCT/punct/4 ¶/SPACE/dep/7 “/PUNCT/punct/13 The/DET/det/11 market/NOUN/nsubj/13 "
    "has/AUX/aux/13 turned/VERB/ROOT/13 for/ADP/prep/13 good/ADJ/pobj/14 ./PUNCT/punct/13 "
    "”/PUNCT/punct/13",
    (("Brightwell", "ORG"), ("Anna Kowalski", "PERSON")),
)
CONTINUATION = Row(
    "“We will open ten stores,” said Lena Fischer.\n\n“And we will hire more staff.”",
    "“/PUNCT/punct/7 We/PRON/nsubj/3 will/AUX/aux/3 open/VERB/ccomp/7 ten/NUM/nummod/5 "
    "stores/NOUN/dobj/3 ,/PUNCT/punct/7 ”/PUNCT/punct/7 said/VERB/ROOT/7 "
    "Lena/PROPN/compound/9 Fischer/PROPN/nsubj/7 ./PUNCT/punct/7 ¶/SPACE/dep/10 "
    "“/PUNCT/punct/16 And/CCONJ/cc/16 we/PRON/nsubj/16 will/AUX/aux/16 hire/VERB/ROOT/16 "
    "more/ADJ/amod/18 staff/NOUN/dobj/16 ./PUNCT/punct/16 ”/PUNCT/punct/16",
    (("Lena Fischer", "PERSON"),),
)
HE_SAID = Row(
    'Tomas Berg met Ana Ruiz. "Output doubled this year," he said.',
    "Tomas/PROPN/compound/1 Berg/PROPN/nsubj/2 met/VERB/ROOT/2 Ana/PROPN/compound/4 "
    'Ruiz/PROPN/dobj/2 ./PUNCT/punct/2 "/PUNCT/punct/14 Output/NOUN/nsubj/8 '
    "doubled/VERB/ccomp/14 this/DET/det/10 year/NOUN/npadvmod/8 ,/PUNCT/punct/14 "
    '"/PUNCT/punct/14 he/PRON/nsubj/14 said/VERB/ROOT/14 ./PUNCT/punct/14',
    (("Tomas Berg", "PERSON"), ("Ana Ruiz", "PERSON")),
)
SHE_ADDED = Row(
    'Lena Fischer leads the bank. "We lend more than ever," she added.',
    "Lena/PROPN/compound/1 Fischer/PROPN/nsubj/2 leads/VERB/ROOT/2 the/DET/det/4 "
    'bank/NOUN/dobj/2 ./PUNCT/punct/2 "/PUNCT/punct/15 We/PRON/nsubj/8 lend/VERB/ccomp/15 '
    "more/ADJ/dobj/8 than/ADP/prep/9 ever/ADV/pcomp/10 ,/PUNCT/punct/15 "
    '"/PUNCT/punct/15 she/PRON/nsubj/15 added/VERB/ROOT/15 ./PUNCT/punct/15',
    (("Lena Fischer", "PERSON"),),
)
COMPANY_STATEMENT = Row(
    "Velmora will “launch two electric models.”",
    "Velmora/PROPN/nsubj/3 will/AUX/aux/3 “/PUNCT/punct/3 launch/VERB/ROOT/3 "
    "two/NUM/nummod/6 electric/ADJ/amod/6 models/NOUN/dobj/3 ./PUNCT/punct/3 ”/PUNCT/punct/3",
    (("Velmora", "ORG"),),
)

# gender: "Ms" before the subject, so "he" is the man named after her
TITLE_GENDER = Row(
    'Ms Fischer thanked Tomas Berg. "We lend more," he said.',
    "Ms/PROPN/compound/1 Fischer/PROPN/nsubj/2 thanked/VERB/ROOT/2 Tomas/PROPN/compound/4 "
    'Berg/PROPN/dobj/2 ./PUNCT/punct/2 "/PUNCT/punct/13 We/PRON/nsubj/8 lend/VERB/ccomp/13 '
    'more/ADJ/dobj/8 ,/PUNCT/punct/13 "/PUNCT/punct/13 he/PRON/nsubj/13 said/VERB/ROOT/13 '
    "./PUNCT/punct/13",
    (("Fischer", "PERSON"), ("Tomas Berg", "PERSON")),
)
# gender: "her bank" after Fischer, so "he" skips her for the subject before
PRONOUN_GENDER = Row(
    'Tomas Berg met Lena Fischer. Fischer said her bank would grow. "It will," he said.',
    "Tomas/PROPN/compound/1 Berg/PROPN/nsubj/2 met/VERB/ROOT/2 Lena/PROPN/compound/4 "
    "Fischer/PROPN/dobj/2 ./PUNCT/punct/2 Fischer/PROPN/nsubj/7 said/VERB/ROOT/7 "
    "her/PRON/poss/9 bank/NOUN/nsubj/11 would/AUX/aux/11 grow/VERB/ccomp/7 ./PUNCT/punct/7 "
    '"/PUNCT/punct/19 It/PRON/nsubj/15 will/AUX/ccomp/19 ,/PUNCT/punct/19 "/PUNCT/punct/19 '
    "he/PRON/nsubj/19 said/VERB/ROOT/19 ./PUNCT/punct/19",
    (("Tomas Berg", "PERSON"), ("Lena Fischer", "PERSON"), ("Fischer", "PERSON")),
)

SPEAKERS = [
    ("x_said", X_SAID, "We will build", "Maria Lopez"),
    ("said_x", SAID_X, "We will build", "Maria Lopez"),
    ("x_chief_executive_of_y_said", APPOSITION, "Prices will rise", "Peter Grant"),
    ("according_to_x", ACCORDING_TO, "The deal is dead", "Samuel Okafor"),
    ("em_dash_after_quote", EM_DASH, "We are not leaving", "Helen Marsh"),
    ("intro_paragraph_ends_in_colon", COLON_INTRO, "The market has turned", "Anna Kowalski"),
    ("same_speaker_next_paragraph", CONTINUATION, "And we will hire", "Lena Fischer"),
    ("he_said_is_last_named_subject", HE_SAID, "Output doubled", "Tomas Berg"),
    ("she_added", SHE_ADDED, "We lend more", "Lena Fischer"),
    ("company_statement", COMPANY_STATEMENT, "launch two electric", "Velmora"),
    ("he_skips_a_subject_titled_ms", TITLE_GENDER, "We lend more", "Tomas Berg"),
    ("he_skips_a_subject_called_her", PRONOUN_GENDER, "It will", "Tomas Berg"),
]


def _quote(quotes: list[Quote], starts: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(starts)]
    assert found, f"no quote starting {starts!r} in {[q.text for q in quotes]}"
    return found[0]


@pytest.mark.parametrize(
    ("row", "starts", "speaker"), [c[1:] for c in SPEAKERS], ids=[c[0] for c in SPEAKERS]
)
def test_speaker(vocab: Vocab, row: Row, starts: str, speaker: str) -> None:
    doc = build(vocab, row)
    quotes, _ = run(doc)
    quote = _quote(quotes, starts)
    assert quote.speaker == speaker
    assert doc.text[quote.start : quote.end] == quote.text
    assert quote.evidence.text == doc.text[quote.evidence.start : quote.evidence.end]


def test_apposition_gives_role_and_org(vocab: Vocab) -> None:
    quotes, _ = run(build(vocab, APPOSITION))
    quote = _quote(quotes, "Prices will rise")
    assert (quote.speaker_role, quote.org, quote.speaker_type) == (
        "chief executive",
        "Halvorsen Foods",
        "person",
    )


def test_company_statement_is_not_direct(vocab: Vocab) -> None:
    quote = _quote(run(build(vocab, COMPANY_STATEMENT))[0], "launch")
    assert (quote.speaker_type, quote.direct) == ("company", False)


# --- words in marks that are nobody's --------------------------------------

QUESTION_TO_READER = Row(
    "Do you think Velmora can recover?\n\n“It will recover.”",
    "Do/AUX/aux/2 you/PRON/nsubj/2 think/VERB/ROOT/2 Velmora/PROPN/nsubj/5 can/AUX/aux/5 "
    "recover/VERB/ccomp/2 ?/PUNCT/punct/2 ¶/SPACE/dep/6 “/PUNCT/punct/11 It/PRON/nsubj/11 "
    "will/AUX/aux/11 recover/VERB/ROOT/11 ./PUNCT/punct/11 ”/PUNCT/punct/11",
    (("Velmora", "ORG"),),
)
YOU_ASK = Row(
    '"Will it last?" you might ask.',
    '"/PUNCT/punct/7 Will/AUX/aux/3 it/PRON/nsubj/3 last/VERB/ccomp/7 ?/PUNCT/punct/3 '
    '"/PUNCT/punct/7 you/PRON/nsubj/7 might/AUX/aux/7 ask/VERB/ROOT/7 ./PUNCT/punct/7',
)
SCARE = Row(
    'After a "goodwill impairment charge," Velmora cut its outlook.',
    'After/ADP/prep/9 a/DET/det/5 "/PUNCT/punct/5 goodwill/NOUN/compound/5 '
    'impairment/NOUN/compound/5 charge/NOUN/pobj/0 ,/PUNCT/punct/9 "/PUNCT/punct/9 '
    "Velmora/PROPN/nsubj/9 cut/VERB/ROOT/9 its/PRON/poss/11 outlook/NOUN/dobj/9 "
    "./PUNCT/punct/9",
    (("Velmora", "ORG"),),
)
BRAND_IN_MARKS = Row(
    'Velmora sells its "Blue Line" kettles.',
    'Velmora/PROPN/nsubj/1 sells/VERB/ROOT/1 its/PRON/poss/7 "/PUNCT/punct/7 '
    'Blue/PROPN/compound/5 Line/PROPN/compound/7 "/PUNCT/punct/7 kettles/NOUN/dobj/1 '
    "./PUNCT/punct/1",
    (("Velmora", "ORG"),),
)
# the writer's relative clause in marks, then a new sentence whose verb is no cue
RELATIVE_CLAUSE = Row(
    'Velmora makes kettles "in which it excels." And it will sell them abroad.',
    'Velmora/PROPN/nsubj/1 makes/VERB/ROOT/1 kettles/NOUN/dobj/1 "/PUNCT/punct/7 '
    "in/ADP/prep/7 which/PRON/pobj/4 it/PRON/nsubj/7 excels/VERB/relcl/2 ./PUNCT/punct/1 "
    '"/PUNCT/punct/1 And/CCONJ/cc/13 it/PRON/nsubj/13 will/AUX/aux/13 sell/VERB/ROOT/13 '
    "them/PRON/dobj/13 abroad/ADV/advmod/13 ./PUNCT/punct/13",
    (("Velmora", "ORG"),),
)
# no speech verb and only a pronoun for a subject: not enough to call it a statement
PRONOUN_PREDICATE = Row(
    "Velmora is busy. It will “open two plants and hire more staff.”",
    "Velmora/PROPN/nsubj/1 is/AUX/ROOT/1 busy/ADJ/acomp/1 ./PUNCT/punct/1 It/PRON/nsubj/7 "
    "will/AUX/aux/7 “/PUNCT/punct/7 open/VERB/ROOT/7 two/NUM/nummod/9 plants/NOUN/dobj/7 "
    "and/CCONJ/cc/7 hire/VERB/conj/7 more/ADJ/amod/13 staff/NOUN/dobj/11 ./PUNCT/punct/7 "
    "”/PUNCT/punct/7",
    (("Velmora", "ORG"),),
)

NOBODYS = [
    ("question_to_reader_then_quote", QUESTION_TO_READER, "It will recover"),
    ("you_might_ask", YOU_ASK, "Will it last"),
    ("scare_quote_term", SCARE, "goodwill"),
    ("brand_in_marks", BRAND_IN_MARKS, "Blue Line"),
    ("relative_clause_fragment", RELATIVE_CLAUSE, "in which it excels"),
    ("pronoun_predicate_without_speech_verb", PRONOUN_PREDICATE, "open two plants"),
]


@pytest.mark.parametrize(("row", "starts"), [c[1:] for c in NOBODYS], ids=[c[0] for c in NOBODYS])
def test_nobodys_words(vocab: Vocab, row: Row, starts: str) -> None:
    quotes, _ = run(build(vocab, row))
    assert [q for q in quotes if q.text.startswith(starts) and q.speaker] == []


def test_you_is_never_a_speaker(vocab: Vocab) -> None:
    for _, row, _ in NOBODYS:
        quotes, _ = run(build(vocab, row))
        assert all((q.speaker or "").lower() not in ("you", "it") for q in quotes)


# --- Docs missing a layer degrade, never crash ------------------------------

DEGRADED = [
    ("no_parse_x_said", X_SAID, False, True, "Maria Lopez"),
    ("no_parse_said_x", SAID_X, False, True, "Maria Lopez"),
    ("no_parse_no_ents", X_SAID, False, False, None),
    ("parse_no_ents", X_SAID, True, False, "Maria Lopez"),
]


@pytest.mark.parametrize(
    ("row", "parse", "ents", "speaker"), [c[1:] for c in DEGRADED], ids=[c[0] for c in DEGRADED]
)
def test_missing_layers(
    vocab: Vocab, row: Row, parse: bool, ents: bool, speaker: str | None
) -> None:
    doc = build(vocab, row, parse=parse, ents=ents)
    quotes, _ = run(doc)
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker
    assert doc.text[quotes[0].start : quotes[0].end] == quotes[0].text


@pytest.mark.parametrize(
    "text",
    ['He said "', "“We lend", "Plain words, no marks.", '"" ""'],
    ids=["dangling", "unclosed", "no_marks", "empty_marks"],
)
def test_words_only_doc_never_crashes(vocab: Vocab, text: str) -> None:
    doc = Doc(vocab, words=text.split(), spaces=[True] * (len(text.split()) - 1) + [False])
    for quote in run(doc)[0]:
        assert doc.text[quote.start : quote.end] == quote.text
