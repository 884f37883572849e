"""One test per bad input: a one-line Failure naming the input and the code; the rest goes on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsledger.ingest import read_inputs
from newsledger.models import Article, Failure

GOOD_TEXT = "Ferrow Tools to cut 80 jobs\n\nFerrow Tools will cut 80 jobs at its Sheffield works."


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.txt"
    path.write_text("  \n\t\n", encoding="utf-8")
    return path


def _zero_bytes(tmp: Path) -> Path:
    path = tmp / "zero.txt"
    path.write_bytes(b"")
    return path


def _binary(tmp: Path) -> Path:
    path = tmp / "logo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return path


def _control_bytes(tmp: Path) -> Path:
    path = tmp / "dump.dat"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 65, 66]) * 200)
    return path


def _undecodable(tmp: Path) -> Path:
    path = tmp / "garbled.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 20)
    return path


def _c1_controls(tmp: Path) -> Path:
    path = tmp / "c1.txt"
    path.write_bytes(b"Caf\xc3 \x81\x8d\x8f\x90\x9d report " * 30)
    return path


def _bad_utf16(tmp: Path) -> Path:
    path = tmp / "half.txt"
    path.write_bytes(b"\xff\xfe" + "Acme".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    return path


def _no_text_html(tmp: Path) -> Path:
    path = tmp / "shell.html"
    path.write_text(
        "<!doctype html><html><head><title>Loading</title><script>boot()</script></head>"
        "<body><div id='app'></div><nav><a href='/'>Home</a></nav></body></html>",
        encoding="utf-8",
    )
    return path


def _malformed_html(tmp: Path) -> Path:
    path = tmp / "broken.htm"
    path.write_text("<html><<<body <p <div>>></i></b></html", encoding="utf-8")
    return path


def _jsonl_not_json(tmp: Path) -> Path:
    path = tmp / "batch.jsonl"
    path.write_text('{"text": "Ferrow Tools will cut 80 jobs."}\nthis line is not json\n')
    return path


def _jsonl_no_text(tmp: Path) -> Path:
    path = tmp / "batch.ndjson"
    path.write_text('{"title": "headline only"}\n')
    return path


def _jsonl_not_object(tmp: Path) -> Path:
    path = tmp / "list.jsonl"
    path.write_text('["text", "in a list"]\n')
    return path


def _jsonl_bad_field(tmp: Path) -> Path:
    path = tmp / "typed.jsonl"
    path.write_text('{"text": "Ferrow Tools will cut 80 jobs.", "source": 42}\n')
    return path


def _jsonl_lone_surrogate(tmp: Path) -> Path:
    # valid JSON and valid UTF-8, but "\ud800" decodes to half a surrogate pair: it
    # crashed ingest when the article id was hashed (issue 11)
    path = tmp / "escaped.jsonl"
    path.write_text('{"text": "Ferrow Tools will cut 80 jobs \\ud800."}\n')
    return path


def _jsonl_lone_surrogate_title(tmp: Path) -> Path:
    path = tmp / "titled.jsonl"
    path.write_text('{"text": "Ferrow Tools will cut 80 jobs.", "title": "\\udfff"}\n')
    return path


def _jsonl_nul(tmp: Path) -> Path:
    # valid JSON: SQLite kept the "\u0000"; PostgreSQL refused it and stopped the batch
    path = tmp / "nul.jsonl"
    path.write_text('{"text": "Ferrow Tools will cut 80 jobs.\\u0000"}\n')
    return path


def _feed_without_items(tmp: Path) -> Path:
    path = tmp / "empty.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    )
    return path


def _missing(tmp: Path) -> Path:
    return tmp / "no-such-file.txt"


def _empty_folder(tmp: Path) -> Path:
    path = tmp / "nothing-here"
    path.mkdir()
    (path / ".hidden.txt").write_text("hidden files are skipped")
    return path


def _huge(tmp: Path) -> Path:
    path = tmp / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written or held
    return path


# name -> (make the bad input, expected code, text expected in the input name)
BAD: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "empty file": (_empty, "NL102", "empty.txt"),
    "zero-byte file": (_zero_bytes, "NL102", "zero.txt"),
    "binary file": (_binary, "NL103", "logo.txt"),
    "control bytes": (_control_bytes, "NL103", "dump.dat"),
    "undecodable bytes": (_undecodable, "NL104", "garbled.txt"),
    "C1 control characters": (_c1_controls, "NL104", "c1.txt"),
    "broken UTF-16": (_bad_utf16, "NL104", "half.txt"),
    "html with no text": (_no_text_html, "NL105", "shell.html"),
    "malformed html": (_malformed_html, "NL105", "broken.htm"),
    "jsonl line not json": (_jsonl_not_json, "NL106", "batch.jsonl:line 2"),
    "jsonl line without text": (_jsonl_no_text, "NL106", "batch.ndjson:line 1"),
    "jsonl line not an object": (_jsonl_not_object, "NL106", "list.jsonl:line 1"),
    "jsonl field of the wrong type": (_jsonl_bad_field, "NL106", "typed.jsonl:line 1"),
    "jsonl text with a lone surrogate": (_jsonl_lone_surrogate, "NL106", "escaped.jsonl:line 1"),
    "jsonl title with a lone surrogate": (
        _jsonl_lone_surrogate_title,
        "NL106",
        "titled.jsonl:line 1",
    ),
    "jsonl text with a NUL character": (_jsonl_nul, "NL106", "nul.jsonl:line 1"),
    "feed without items": (_feed_without_items, "NL105", "empty.rss"),
    "missing path": (_missing, "NL101", "no-such-file.txt"),
    "folder of hidden files": (_empty_folder, "NL102", "nothing-here"),
    "50 MB file": (_huge, "NL107", "huge.txt"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_input_is_one_failure_and_the_rest_goes_on(tmp_path: Path, case: str) -> None:
    make, code, name = BAD[case]
    bad = make(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")

    items = list(read_inputs([str(bad), str(good)]))

    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 1, items
    failure = failures[0]
    assert (failure.code, failure.stage) == (code, "ingest")
    assert name in failure.input
    line = failure.line()
    assert "\n" not in line and name in line and code in line
    titles = [i.title for i in items if isinstance(i, Article)]
    assert titles[-1] == "Ferrow Tools to cut 80 jobs"  # the good input after it is read


def test_too_large_is_decided_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    (item,) = read_inputs([str(path)], max_bytes=1000)
    assert isinstance(item, Failure) and item.code == "NL107"
    assert "2,000" in item.reason


def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = tmp_path / "locked.txt"
    path.write_text(GOOD_TEXT)
    path.chmod(0)
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Failure) and item.code == "NL100"


MISUSE: dict[str, tuple[dict[str, object], type[Exception]]] = {
    "a bare string": ({"paths": "news.txt"}, TypeError),
    "a path that is not a string": ({"paths": [42]}, TypeError),
    "an empty path": ({"paths": [""]}, ValueError),
    "published as a string": ({"paths": ["a"], "published": "2012-04-12"}, TypeError),
    "source as a number": ({"paths": ["a"], "source": 7}, TypeError),
    "max_bytes zero": ({"paths": ["a"], "max_bytes": 0}, ValueError),
    "max_bytes as float": ({"paths": ["a"], "max_bytes": 1e6}, TypeError),
}


@pytest.mark.parametrize("case", list(MISUSE), ids=list(MISUSE))
def test_misuse_raises_at_the_call(case: str) -> None:
    kwargs, error = MISUSE[case]
    paths = kwargs.pop("paths")
    with pytest.raises(error):
        read_inputs(paths, **kwargs)  # type: ignore[arg-type]
