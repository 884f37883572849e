"""Every good input form -> Articles with the right text, title, date, source and origin."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from newsledger.ingest import article_id, read_inputs
from newsledger.ingest.readers import sniff_format
from newsledger.models import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures"

HEADLINED = (
    "Ostrava Glass to shed 300 jobs\n"
    "\n"
    "Ostrava Glass will shed 300 jobs, about 12 per cent of its staff, the company said "
    "on Monday.\n"
    "\n"
    "Its chief executive, Marek Dvorak, said the cuts were unavoidable.\n"
)


def _articles(items: list[Article | Failure]) -> list[Article]:
    assert all(isinstance(i, Article) for i in items), items
    return [i for i in items if isinstance(i, Article)]


def test_plain_text_with_headline(tmp_path: Path) -> None:
    path = tmp_path / "ostrava.txt"
    path.write_text(HEADLINED, encoding="utf-8")
    (article,) = _articles(
        list(read_inputs([str(path)], published=date(2016, 2, 1), source="Wire"))
    )
    assert article.title == "Ostrava Glass to shed 300 jobs"
    assert article.text.startswith("Ostrava Glass to shed 300 jobs\n\nOstrava Glass will")
    assert article.text == HEADLINED.strip()  # offsets refer to this text
    assert (article.published, article.source, article.origin) == (
        date(2016, 2, 1),
        "Wire",
        str(path),
    )
    assert article.id == article_id(HEADLINED) and article.fingerprint


TEXT_ENCODINGS = {
    "utf-8": "Nestor Café cuts 40 jobs in Zürich\n\nThe café chain said so.".encode(),
    "utf-8 with BOM": b"\xef\xbb\xbf" + "Café cuts jobs\n\nThe café chain said so.".encode(),
    "utf-16 with BOM": "Café cuts jobs\n\nThe café chain said so.".encode("utf-16"),
    "cp1252 pound sign": "Café cuts jobs\n\nA £5m charge, the café chain said.".encode("cp1252"),
    "windows line ends": b"Cafe cuts jobs\r\n\r\nThe cafe chain said so.\r\n",
}


@pytest.mark.parametrize("data", list(TEXT_ENCODINGS.values()), ids=list(TEXT_ENCODINGS))
def test_text_encodings(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(data)
    (article,) = _articles(list(read_inputs([str(path)])))
    assert article.title is not None and "cuts" in article.title
    assert "\r" not in article.text and "\ufeff" not in article.text
    assert "caf" in article.text.lower()


def test_html_page_with_metadata() -> None:
    path = FIXTURES / "page.html"
    (article,) = _articles(list(read_inputs([str(path)], source="fallback")))
    assert article.title == "Halvorsen Foods to close Leeds bakery"
    assert article.published == date(2019, 3, 6)
    assert article.source == "The Ledger Gazette"
    assert article.url == "https://gazette.example/business/halvorsen-leeds"
    assert "about 240 jobs at risk" in article.text
    assert "said managing director Ingrid Solberg" in article.text
    for boilerplate in ("Sport", "Copyright", "tracking"):
        assert boilerplate not in article.text


def test_rss_items_become_articles() -> None:
    items = list(read_inputs([str(FIXTURES / "items.rss")]))
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Keelson Marine posts record profit"
    assert first.text.startswith("Keelson Marine reported a record net profit of €84 million")
    assert "teaser" not in first.text  # full content wins over the summary
    assert (first.published, first.source) == (date(2019, 2, 12), "Harbour Business Wire")
    assert first.url == "https://wire.example/keelson-profit"
    assert second.source == "Coastal Courier"  # an item's own <source> wins over the feed title
    assert second.text == (
        "Tidewater Rope will cut 60 jobs at its mill in Grimsby, a spokeswoman said."
    )
    assert isinstance(third, Failure) and third.code == "NL106"
    assert third.input.endswith("items.rss#item 3")


# character references to no character: feedparser made chr(n) of them unchecked and
# the ingest crashed (issue 11); each reads as U+FFFD, as the HTML standard says
@pytest.mark.parametrize(
    ("ref", "read"),
    [
        pytest.param("&#xD800;", "\ufffd", id="surrogate"),
        pytest.param("&#55296 ", "\ufffd ", id="surrogate-decimal-no-semicolon"),
        pytest.param("&#x110000;", "\ufffd", id="past-unicode"),
        pytest.param("&#99999999999;", "\ufffd", id="past-a-c-int"),
        pytest.param("&#" + "9" * 5_000 + ";", "\ufffd", id="5000-digits"),
        pytest.param("&#0;", "\ufffd", id="nul"),
        pytest.param("&#x0000041;", "A", id="leading-zeros-still-read"),
    ],
)
def test_a_feed_reference_to_no_character_is_a_replacement(
    tmp_path: Path, ref: str, read: str
) -> None:
    feed = tmp_path / "refs.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
        f"<title>Acme {ref}</title><description>Acme will cut 50 jobs {ref}.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = _articles(list(read_inputs([str(feed)])))
    assert article.text == f"Acme will cut 50 jobs {read}."


def test_atom_entries_become_articles() -> None:
    (article,) = _articles(list(read_inputs([str(FIXTURES / "items.atom")])))
    assert article.title == "Brunnen Optik shuts Graz workshop"
    assert (
        article.text == "Brunnen Optik will shut its lens workshop in Graz, affecting 35 employees."
    )
    assert (article.published, article.source) == (date(2020, 6, 2), "Alpine Industry Notes")
    assert article.url == "https://notes.example/brunnen-graz"


def test_jsonl_lines_become_articles_and_failures() -> None:
    path = FIXTURES / "records.jsonl"
    items = list(read_inputs([str(path)], source="Default Desk"))
    kinds = [(type(i).__name__, i.origin if isinstance(i, Article) else i.input) for i in items]
    assert kinds == [
        ("Article", f"{path}:line 1"),
        ("Article", f"{path}:line 3"),
        ("Failure", f"{path}:line 4"),
        ("Failure", f"{path}:line 5"),
        ("Article", f"{path}:line 6"),
    ]
    first, second = items[0], items[1]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.published, first.source, first.url) == (
        "Marlow Freight cuts drivers",
        date(2021, 5, 3),
        "Road Trade Weekly",
        "https://rtw.example/marlow",
    )
    assert (second.published, second.source) == (date(2021, 7, 28), "Default Desk")


def test_folder_is_read_recursively_sorted_without_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Beta Works cut 20 jobs on Tuesday.")
    (tmp_path / "a.txt").write_text("Alpha Mills cut 10 jobs on Monday.")
    (tmp_path / "c.txt").write_text("Gamma Steel cut 30 jobs on Wednesday.")
    (tmp_path / ".draft.txt").write_text("Hidden draft that must be skipped.")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    articles = _articles(list(read_inputs([str(tmp_path)])))
    assert [Path(a.origin or "").relative_to(tmp_path).as_posix() for a in articles] == [
        "a.txt",
        "b/2.txt",
        "c.txt",
    ]


def test_stdin_is_read_from_dash() -> None:
    stream = io.BytesIO(HEADLINED.encode("utf-8"))
    (article,) = _articles(list(read_inputs(["-"], stdin=stream, source="Pasted")))
    assert (article.title, article.source, article.origin) == (
        "Ostrava Glass to shed 300 jobs",
        "Pasted",
        "<stdin>",
    )


def test_stdin_formats_are_sniffed() -> None:
    stream = io.BytesIO((FIXTURES / "records.jsonl").read_bytes())
    items = list(read_inputs(["-"], stdin=stream))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "Article",
        "Failure",
        "Failure",
        "Article",
    ]
    assert items[0].origin == "<stdin>:line 1"  # type: ignore[union-attr]


def test_stdin_over_the_limit_is_too_large() -> None:
    (item,) = read_inputs(["-"], stdin=io.BytesIO(b"word " * 100), max_bytes=100)
    assert isinstance(item, Failure) and (item.code, item.input) == ("NL107", "<stdin>")


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "saved-page"
    page.write_bytes((FIXTURES / "page.html").read_bytes())
    (article,) = _articles(list(read_inputs([str(page)])))
    assert article.source == "The Ledger Gazette"


SNIFF = {
    "doctype": ("<!DOCTYPE html>\n<html><body>x</body></html>", "html"),
    "html tag after BOM": ("\ufeff  <html><p>x</p></html>", "html"),
    "rss": ('<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
    "atom": ('<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    "rdf": ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
    "jsonl": ('\n{"text": "Acme cut jobs.", "title": "t"}\n', "jsonl"),
    "json without text field": ('{"body": "Acme"}', "text"),
    "prose mentioning html": ("The <html> tag starts a page, the guide says.", "text"),
    "plain": ("Acme cut 40 jobs.", "text"),
}


@pytest.mark.parametrize("case", list(SNIFF.values()), ids=list(SNIFF))
def test_sniff_format(case: tuple[str, str]) -> None:
    text, expected = case
    assert sniff_format(text) == expected


def test_same_article_twice_has_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(HEADLINED, encoding="utf-8")
    (tmp_path / "two.txt").write_text(HEADLINED.replace("\n\n", "\n\n\n") + "\n\n")
    first, second = _articles(list(read_inputs([str(tmp_path)])))
    assert first.id == second.id
