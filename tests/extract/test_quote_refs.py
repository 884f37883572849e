"""Who "he"/"she", bare surnames and the writer's framing sentences name as a quote's
speaker, on hand-made Docs (no model loaded).

Rows use the builder of ``test_quotes_docs.py``: ``word/POS/dep/head`` per token.
"""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab
from test_quotes_docs import Row, build, run, vocab

__all__ = ["vocab"]  # the fixture, imported so pytest finds it here

# the subject of the speech verb, not the nearer subject of the clause it reports
SPEECH_SUBJECT_FIRST = Row(
    'Omar Haddad said Petra Novak was wrong. "We disagree," he said.',
    "Omar/PROPN/compound/1 Haddad/PROPN/nsubj/2 said/VERB/ROOT/2 Petra/PROPN/compound/4 "
    "Novak/PROPN/nsubj/5 was/AUX/ccomp/2 wrong/ADJ/acomp/5 ./PUNCT/punct/2 "
    '"/PUNCT/punct/14 We/PRON/nsubj/10 disagree/VERB/ccomp/14 ,/PUNCT/punct/14 '
    '"/PUNCT/punct/14 he/PRON/nsubj/14 said/VERB/ROOT/14 ./PUNCT/punct/14',
    (("Omar Haddad", "PERSON"), ("Petra Novak", "PERSON")),
)
# the nearest sentence with a person for a subject wins over an older one
NEAREST_SENTENCE = Row(
    'Petra Novak chairs the fund. Omar Haddad runs it. "We grew," he said.',
    "Petra/PROPN/compound/1 Novak/PROPN/nsubj/2 chairs/VERB/ROOT/2 the/DET/det/4 "
    "fund/NOUN/dobj/2 ./PUNCT/punct/2 Omar/PROPN/compound/7 Haddad/PROPN/nsubj/8 "
    "runs/VERB/ROOT/8 it/PRON/dobj/8 ./PUNCT/punct/8 "
    '"/PUNCT/punct/17 We/PRON/nsubj/13 grew/VERB/ccomp/17 ,/PUNCT/punct/17 '
    '"/PUNCT/punct/17 he/PRON/nsubj/17 said/VERB/ROOT/17 ./PUNCT/punct/17',
    (("Petra Novak", "PERSON"), ("Omar Haddad", "PERSON")),
)
# the tagger called the bare surname an organisation: it is still the person
SURNAME_TAGGED_ORG = Row(
    'Petra Novak met Omar Haddad. Haddad thanked her. "We are grateful," he said.',
    "Petra/PROPN/compound/1 Novak/PROPN/nsubj/2 met/VERB/ROOT/2 Omar/PROPN/compound/4 "
    "Haddad/PROPN/dobj/2 ./PUNCT/punct/2 Haddad/PROPN/nsubj/7 thanked/VERB/ROOT/7 "
    'her/PRON/dobj/7 ./PUNCT/punct/7 "/PUNCT/punct/17 We/PRON/nsubj/12 are/AUX/ccomp/17 '
    'grateful/ADJ/acomp/12 ,/PUNCT/punct/17 "/PUNCT/punct/17 he/PRON/nsubj/17 '
    "said/VERB/ROOT/17 ./PUNCT/punct/17",
    (("Petra Novak", "PERSON"), ("Omar Haddad", "PERSON"), ("Haddad", "ORG")),
)
# "Novak said she ...": a subject's own pronoun outweighs a "his" after an object
SUBJECT_PRONOUN_GENDER = Row(
    'Jo Park hired Novak and his staff. Novak said she would stay. "Thanks," he said.',
    "Jo/PROPN/compound/1 Park/PROPN/nsubj/2 hired/VERB/ROOT/2 Novak/PROPN/dobj/2 "
    "and/CCONJ/cc/3 his/PRON/poss/6 staff/NOUN/conj/3 ./PUNCT/punct/2 Novak/PROPN/nsubj/9 "
    "said/VERB/ROOT/9 she/PRON/nsubj/12 would/AUX/aux/12 stay/VERB/ccomp/9 ./PUNCT/punct/9 "
    '"/PUNCT/punct/19 Thanks/NOUN/dobj/19 ,/PUNCT/punct/19 "/PUNCT/punct/19 '
    "he/PRON/nsubj/19 said/VERB/ROOT/19 ./PUNCT/punct/19",
    (("Jo Park", "PERSON"), ("Novak", "PERSON"), ("Novak", "PERSON")),
)

# the writer's clause hands over with a colon, whatever its verb
COLON_CLAUSE = Row(
    'Jo Park sent a note to staff: "We will stay."',
    "Jo/PROPN/compound/1 Park/PROPN/nsubj/2 sent/VERB/ROOT/2 a/DET/det/4 note/NOUN/dobj/2 "
    'to/ADP/prep/2 staff/NOUN/pobj/5 :/PUNCT/punct/2 "/PUNCT/punct/11 We/PRON/nsubj/11 '
    'will/AUX/aux/11 stay/VERB/ROOT/11 ./PUNCT/punct/11 "/PUNCT/punct/11',
    (("Jo Park", "PERSON"),),
)
AS_X_PUT_IT = Row(
    'As Jo Park put it, "the plant is too old."',
    "As/SCONJ/mark/3 Jo/PROPN/compound/2 Park/PROPN/nsubj/3 put/VERB/advcl/9 it/PRON/dobj/3 "
    ',/PUNCT/punct/9 "/PUNCT/punct/9 the/DET/det/8 plant/NOUN/nsubj/9 is/AUX/ROOT/9 '
    'too/ADV/advmod/11 old/ADJ/acomp/9 ./PUNCT/punct/9 "/PUNCT/punct/9',
    (("Jo Park", "PERSON"),),
)
# a quote standing as its own sentence after a sentence about its speaker
AFTER_A_SENTENCE = Row(
    'Later that day Jo Park weighed in. "Prices will fall."',
    "Later/ADV/advmod/5 that/DET/det/2 day/NOUN/npadvmod/0 Jo/PROPN/compound/4 "
    "Park/PROPN/nsubj/5 weighed/VERB/ROOT/5 in/ADP/prt/5 ./PUNCT/punct/5 "
    '"/PUNCT/punct/11 Prices/NOUN/nsubj/11 will/AUX/aux/11 fall/VERB/ROOT/11 '
    './PUNCT/punct/11 "/PUNCT/punct/11',
    (("Jo Park", "PERSON"),),
)
NAME_AS_LABEL = Row(
    'Lund: "We will stay."',
    'Lund/PROPN/ROOT/0 :/PUNCT/punct/0 "/PUNCT/punct/5 We/PRON/nsubj/5 will/AUX/aux/5 '
    'stay/VERB/ROOT/5 ./PUNCT/punct/5 "/PUNCT/punct/5',
    (("Lund", "PERSON"),),
)
SIGNATURE = Row(
    '"We will stay."\n\n— Jo Park',
    '"/PUNCT/punct/3 We/PRON/nsubj/3 will/AUX/aux/3 stay/VERB/ROOT/3 ./PUNCT/punct/3 '
    '"/PUNCT/punct/3 ¶/SPACE/dep/5 —/PUNCT/punct/9 Jo/PROPN/compound/9 Park/PROPN/ROOT/9',
    (("Jo Park", "PERSON"),),
)

# verb first after the quote, its speaker parsed as an object
VERB_FIRST_OBJECT = Row(
    '"Nobody told us," tweeted a nurse from Lyon.',
    '"/PUNCT/punct/6 Nobody/PRON/nsubj/2 told/VERB/ccomp/6 us/PRON/dobj/2 ,/PUNCT/punct/6 '
    '"/PUNCT/punct/6 tweeted/VERB/ROOT/6 a/DET/det/8 nurse/NOUN/dobj/6 from/ADP/prep/8 '
    "Lyon/PROPN/pobj/9 ./PUNCT/punct/6",
    (("Lyon", "GPE"),),
)

# a participle after the quote is no speech verb: its object is nobody
PARTICIPLE_AFTER = Row(
    'Jo Park ended her speech with a promise. "We will win," prompting loud cheers.',
    "Jo/PROPN/compound/1 Park/PROPN/nsubj/2 ended/VERB/ROOT/2 her/PRON/poss/4 "
    "speech/NOUN/dobj/2 with/ADP/prep/2 a/DET/det/7 promise/NOUN/pobj/5 ./PUNCT/punct/2 "
    '"/PUNCT/punct/15 We/PRON/nsubj/12 will/AUX/aux/12 win/VERB/ccomp/15 ,/PUNCT/punct/15 '
    '"/PUNCT/punct/15 prompting/VERB/ROOT/15 loud/ADJ/amod/17 cheers/NOUN/dobj/15 '
    "./PUNCT/punct/15",
    (("Jo Park", "PERSON"),),
)
# a day after the verb is no speaker, and "he" with no one named is no one
DATE_AFTER_VERB = Row(
    '"It is over," he said Monday.',
    '"/PUNCT/punct/7 It/PRON/nsubj/2 is/AUX/ccomp/7 over/ADV/advmod/2 ,/PUNCT/punct/7 '
    '"/PUNCT/punct/7 he/PRON/nsubj/7 said/VERB/ROOT/7 Monday/PROPN/npadvmod/7 ./PUNCT/punct/7',
    (("Monday", "DATE"),),
)
# the writer's lead-in, a dash, then the name as the quote's label
DASH_LABEL = Row(
    'Analysts agree - Jo Park: "Margins will recover."',
    "Analysts/NOUN/nsubj/1 agree/VERB/ROOT/1 -/PUNCT/punct/1 Jo/PROPN/compound/4 "
    'Park/PROPN/appos/1 :/PUNCT/punct/1 "/PUNCT/punct/9 Margins/NOUN/nsubj/9 '
    'will/AUX/aux/9 recover/VERB/ROOT/9 ./PUNCT/punct/9 "/PUNCT/punct/9',
    (("Jo Park", "PERSON"),),
)

CASES = [
    (
        "speech_verb_subject_before_reported_subject",
        SPEECH_SUBJECT_FIRST,
        "We disagree",
        "Omar Haddad",
    ),
    ("nearest_sentence_subject", NEAREST_SENTENCE, "We grew", "Omar Haddad"),
    ("surname_tagged_as_organisation", SURNAME_TAGGED_ORG, "We are grateful", "Omar Haddad"),
    ("verb_first_object_is_the_speaker", VERB_FIRST_OBJECT, "Nobody told us", "a nurse from Lyon"),
    ("participle_object_is_no_speaker", PARTICIPLE_AFTER, "We will win", "Jo Park"),
    ("date_after_verb_is_no_speaker", DATE_AFTER_VERB, "It is over", None),
    ("name_after_dash_labels_the_quote", DASH_LABEL, "Margins", "Jo Park"),
    ("colon_after_any_clause", COLON_CLAUSE, "We will stay", "Jo Park"),
    ("as_x_put_it_comma", AS_X_PUT_IT, "the plant", "Jo Park"),
    ("quote_after_a_sentence_about_its_speaker", AFTER_A_SENTENCE, "Prices", "Jo Park"),
    ("name_as_label_before_colon", NAME_AS_LABEL, "We will stay", "Lund"),
    ("signature_paragraph_after_quote", SIGNATURE, "We will stay", "Jo Park"),
    ("he_skips_a_name_whose_subject_pronoun_is_she", SUBJECT_PRONOUN_GENDER, "Thanks", "Jo Park"),
]


@pytest.mark.parametrize(
    ("row", "starts", "speaker"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_speaker(vocab: Vocab, row: Row, starts: str, speaker: str | None) -> None:
    quotes, _ = run(build(vocab, row))
    found = [q for q in quotes if q.text.startswith(starts)]
    assert [q.speaker for q in found] == [speaker]
