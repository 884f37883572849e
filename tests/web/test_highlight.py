"""Evidence highlighting: escaped pieces, linked marks, overlaps, bad offsets."""

from __future__ import annotations

import pytest

from newsledger.web.highlight import Span, highlight, pieces

TEXT = "Acme will cut 500 jobs. Its loss was $3m."
CUT = Span("e1-0", 0, 23, "layoff", fact="e1")  # "Acme will cut 500 jobs."
LOSS = Span("e2-0", 24, 41, "financial", fact="e2")  # "Its loss was $3m."

CASES = [
    pytest.param("plain", TEXT, [], [TEXT], ["<mark"], id="no-spans-is-just-escaped-text"),
    pytest.param(
        "one",
        TEXT,
        [CUT],
        [
            '<a class="ev" href="#fact-e1" data-facts="e1-0"><mark id="ev-e1-0" class="layoff">'
            "Acme will cut 500 jobs.</mark></a> Its loss"
        ],
        [],
        id="one-span-links-to-its-fact",
    ),
    pytest.param(
        "two",
        TEXT,
        [LOSS, CUT],
        ['id="ev-e1-0"', 'id="ev-e2-0"', 'href="#fact-e2"'],
        [],
        id="two-spans-any-order",
    ),
    pytest.param(
        "escape",
        "Ok <script>alert(1)</script> & done",
        [Span("q1", 3, 29, "quote")],
        ["&lt;script&gt;alert(1)&lt;/script&gt;", "&amp; done"],
        ["<script>"],
        id="markup-inside-a-span-is-escaped",
    ),
    pytest.param(
        "entities",
        "Tom &lt;b&gt; said &amp;",
        [],
        ["&amp;lt;b&amp;gt;", "&amp;amp;"],
        ["&lt;b&gt; said"],
        id="entities-shown-as-written",
    ),
    pytest.param(
        "overlap",
        "abcdefgh",
        [Span("a", 0, 5), Span("b", 3, 8)],
        [
            '<mark id="ev-a" class="fact">abc</mark>',
            'data-facts="a b"',
            '<mark id="ev-b" class="fact overlap">de</mark>',
            '<mark class="fact">fgh</mark>',
        ],
        [],
        id="crossing-spans-cut-into-pieces",
    ),
    pytest.param(
        "nested",
        "abcdefgh",
        [Span("outer", 0, 8), Span("inner", 0, 3)],
        [
            '<mark id="ev-inner" class="fact overlap">'
            '<span id="ev-outer" class="anchor"></span>abc',
        ],
        [],
        id="outer-span-keeps-an-anchor-when-inner-starts-with-it",
    ),
    pytest.param(
        "bad",
        "short",
        [Span("x", -4, 2), Span("y", 3, 99), Span("z", 4, 1)],
        ['id="ev-x"', ">sh</mark>", 'id="ev-y"', ">rt</mark>"],
        ["ev-z"],
        id="out-of-range-clamped-inverted-dropped",
    ),
    pytest.param(
        "key",
        "abc",
        [Span('x" onmouseover="alert(1)', 0, 3)],
        ["&#34;"],
        ['" onmouseover="'],
        id="hostile-key-escaped-in-attributes",
    ),
]


@pytest.mark.parametrize(("name", "text", "spans", "present", "absent"), CASES)
def test_highlight(
    name: str, text: str, spans: list[Span], present: list[str], absent: list[str]
) -> None:
    html = str(highlight(text, spans))
    for snippet in present:
        assert snippet in html, name
    for snippet in absent:
        assert snippet not in html, name


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        pytest.param([], [(0, 10, [])], id="whole-text"),
        pytest.param([Span("a", 2, 4)], [(0, 2, []), (2, 4, ["a"]), (4, 10, [])], id="middle"),
        pytest.param(
            [Span("a", 0, 10), Span("b", 0, 10)], [(0, 10, ["a", "b"])], id="identical-spans"
        ),
    ],
)
def test_pieces_cover_the_text_once(
    spans: list[Span], expected: list[tuple[int, int, list[str]]]
) -> None:
    got = [(p.start, p.end, [s.key for s in p.covering]) for p in pieces(10, spans)]
    assert got == expected


def test_text_survives_highlighting() -> None:
    import re
    from html import unescape

    text = "A <b>&amp; 'quoted' \"text\"\n\nwith lines"
    html = str(highlight(text, [Span("a", 1, 12), Span("b", 5, 30)]))
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text
