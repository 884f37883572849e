"""Decoding, binary detection and headline recognition, as tables of cases."""

from __future__ import annotations

import pytest

from newsledger.errors import BinaryInput, EncodingError
from newsledger.ingest.text import (
    Defaults,
    decode_bytes,
    looks_binary,
    split_headline,
    text_article,
)

HEADLINES = {
    # text -> expected title
    "short headline": ("Acme to cut 500 jobs\n\nAcme said on Monday...", "Acme to cut 500 jobs"),
    "headline with question": ("Is Acme in trouble?\n\nShares fell.", "Is Acme in trouble?"),
    "headline with quote": (
        "'We will recover', says Acme boss\n\nText.",
        "'We will recover', says Acme boss",
    ),
    "blank line with spaces": ("Acme cuts jobs\n   \nAcme said.", "Acme cuts jobs"),
    "first line is a sentence": ("Acme cut jobs on Monday.\n\nMore text.", None),
    "no blank line": ("Acme cuts jobs\nAcme said on Monday.", None),
    "single paragraph": ("Acme said on Monday it would cut jobs", None),
    "nothing after the blank line": ("Acme cuts jobs\n\n   ", None),
    "too long for a headline": (" ".join(["word"] * 40) + "\n\nBody.", None),
    "ends with a colon": ("Acme said the following:\n\nBody.", None),
}


@pytest.mark.parametrize("case", list(HEADLINES.values()), ids=list(HEADLINES))
def test_split_headline(case: tuple[str, str | None]) -> None:
    text, expected = case
    assert split_headline(text) == expected


DECODES = {
    "ascii": (b"Acme cut jobs.", "Acme cut jobs."),
    "utf-8 accents": ("Škoda and Nestlé".encode(), "Škoda and Nestlé"),
    "utf-8 BOM dropped": (b"\xef\xbb\xbfAcme", "Acme"),
    "utf-16 LE BOM": (b"\xff\xfe" + "Acme £5m".encode("utf-16-le"), "Acme £5m"),
    "utf-16 BE BOM": (b"\xfe\xff" + "Acme €5m".encode("utf-16-be"), "Acme €5m"),
    "utf-32 BOM": ("Acme ¥5bn".encode("utf-32"), "Acme ¥5bn"),
    "cp1252 curly quotes": (
        "Acme’s “One Acme” plan will cost €5m.".encode("cp1252"),
        "Acme’s “One Acme” plan will cost €5m.",
    ),
    "latin-1 pound": ("A £5m charge at the Café".encode("latin-1"), "A £5m charge at the Café"),
}


@pytest.mark.parametrize("case", list(DECODES.values()), ids=list(DECODES))
def test_decode_bytes(case: tuple[bytes, str]) -> None:
    data, expected = case
    assert decode_bytes(data, "x.txt") == expected


REFUSED: dict[str, tuple[bytes, type[Exception]]] = {
    "NUL bytes": (b"Acme\x00cut\x00jobs", BinaryInput),
    "gzip header": (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(100), BinaryInput),
    "many control bytes": (b"\x01\x02\x03\x04 Acme " * 50, BinaryInput),
    "all high bytes": (bytes(range(0xA0, 0x100)) * 10, EncodingError),
    "C1 controls": (b"Acme \x81\x8d\x8f\x90 cut " * 20, EncodingError),
}


@pytest.mark.parametrize("case", list(REFUSED.values()), ids=list(REFUSED))
def test_decode_refuses_non_text(case: tuple[bytes, type[Exception]]) -> None:
    data, error = case
    with pytest.raises(error) as caught:
        decode_bytes(data, "input.bin")
    assert "input.bin" in str(caught.value)


def test_text_with_tabs_and_form_feeds_is_not_binary() -> None:
    assert not looks_binary(b"Acme\tcut\fjobs\r\n" * 100)


PAGE_LINES = {
    # text -> (text as stored, title)
    "share line after the headline": (
        "Acme to cut jobs\nShare this article\nAcme said so.",
        "Acme to cut jobs\n\nShare this article\n\nAcme said so.",
        "Acme to cut jobs",
    ),
    "teaser with a date": (
        "Acme to cut jobs\nRelated: Globex shut a plant in March 2018\nAcme said so.",
        "Acme to cut jobs\n\nRelated: Globex shut a plant in March 2018\n\nAcme said so.",
        "Acme to cut jobs",
    ),
    "breadcrumb above the headline is no headline": (
        "Home > Business > Markets\nAcme to cut jobs\n\nAcme said so.",
        "Home > Business > Markets\n\nAcme to cut jobs\n\nAcme said so.",
        "Acme to cut jobs",
    ),
    "time stamp": (
        "Acme to cut jobs\n\nUpdated 12 March 2018\nAcme said so.",
        "Acme to cut jobs\n\nUpdated 12 March 2018\n\nAcme said so.",
        "Acme to cut jobs",
    ),
    "navigation already apart is left alone": (
        "Acme to cut jobs\n\nAdvertisement\n\nAcme said so.",
        "Acme to cut jobs\n\nAdvertisement\n\nAcme said so.",
        "Acme to cut jobs",
    ),
    "headline rule holds without page lines": (
        "Acme cuts jobs\nAcme said on Monday.",
        "Acme cuts jobs\nAcme said on Monday.",
        None,
    ),
    "a line that only looks like a menu word stays prose": (
        "Acme to cut jobs\n\nShare prices fell 5% on Monday.\nAcme said so.",
        "Acme to cut jobs\n\nShare prices fell 5% on Monday.\nAcme said so.",
        "Acme to cut jobs",
    ),
}


@pytest.mark.parametrize("case", list(PAGE_LINES.values()), ids=list(PAGE_LINES))
def test_page_lines_get_a_paragraph_of_their_own(case: tuple[str, str, str | None]) -> None:
    raw, stored, title = case
    article = text_article(raw, "x.txt", Defaults())
    assert (article.text, article.title) == (stored, title)
    assert article.id == text_article(raw.replace("\n", " "), "y.txt", Defaults()).id
