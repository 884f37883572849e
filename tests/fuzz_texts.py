"""Adversarial article texts by family, each rebuilt from (family, seed, size) alone.

Used by tests/test_fuzz.py (fixed seeds, bounded in time) and bench/fuzz.py (runs
for minutes). A family mixes its hostile material with news sentences, so that the
event, quote and entity rules get to work on it rather than seeing only noise.

>>> len(make_text("zero_width", seed=1, size=2_000)) >= 2_000
True
>>> make_text("html", 7, 500) == make_text("html", 7, 500)
True
"""

from __future__ import annotations

import random
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

Builder = Callable[[random.Random], str]

COMPANIES = ("Acme Corp", "Globex", "Initech Inc.", "Umbrella plc", "Sony", "Deutsche Bank")
PEOPLE = ("John Smith", "Maria García", "Li Wei", "Olaf Schulz", "Amina Yusuf")
NEWS = (
    "{co} will cut {n} jobs at its plant in Ohio.",
    "{co} said on Monday it would lay off {n} workers, or {p}% of its staff.",
    "{co} reported a net profit of ${n} million for the third quarter of 2019.",
    "Revenue at {co} rose to €{n}bn in the year to 31 March.",
    '"We had no choice," said {who}, chief executive of {co}.',
    "{who} was named chief executive of {co} last week.",
    "{co} agreed to buy {co2} for £{n} billion, {who} said.",
    "Shares in {co} fell {p} percent two days ago.",
)
# sizes of digit runs: around Python's 4,300-digit limit, far past it, and ordinary
DIGIT_RUNS = (1, 3, 12, 19, 20, 21, 28, 29, 60, 400, 4_299, 4_300, 4_301, 5_000, 20_000)
SCRIPTS = (
    "Компания сократит тысячи рабочих мест",  # Cyrillic
    "Η εταιρεία θα περικόψει θέσεις εργασίας",  # Greek
    "公司将裁员五千人",  # CJK
    "会社は従業員を削減する",  # Japanese
    "회사는 직원을 해고할 것이다",  # Hangul
    "कंपनी हजारों नौकरियों में कटौती करेगी",  # Devanagari
    "บริษัทจะเลิกจ้างพนักงาน",  # Thai
    "ستخفض الشركة آلاف الوظائف",  # Arabic
    "החברה תפטר אלפי עובדים",  # Hebrew
    "𝐀𝐜𝐦𝐞 𝐜𝐮𝐭 𝟓𝟎𝟎 𝐣𝐨𝐛𝐬",  # mathematical bold
    "Ａｃｍｅ ｃｕｔ ５００ ｊｏｂｓ",  # fullwidth
    "A\u0301c\u0302m\u0303e\u0304 c\u0305u\u0306t",  # combining marks
    "😀🏭💸 📉 👩‍👩‍👧‍👦 🇬🇧",  # emoji, ZWJ sequences, flags
    "Асme Согр",  # Cyrillic homoglyphs of "Acme Corp"
)
# RLM, LRM, embeddings, overrides and isolates (and their closers), the Arabic letter mark
RTL_MARKS = tuple("\u200f\u200e\u202b\u202a\u202c\u202e\u202d\u2067\u2066\u2068\u2069\u061c")
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u034f")
QUOTE_MARKS = ('"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "`", "''", "``", "「", "」")
HTML = (
    "<p>",
    "</p>",
    "<div class='story'>",
    "</div>",
    "<br/>",
    "<b>",
    "</b>",
    '<a href="https://example.com/?a=1&b=2">',
    "</a>",
    '<script>var s = "</p>"; if (a < b && c > d) {}</script>',
    "<style>p { content: '\"'; }</style>",
    "<!-- comment -->",
    "<![CDATA[ <p> ]]>",
    "&amp;",
    "&lt;",
    "&#8220;",
    "&#x201D;",
    "&nbsp;",
    "&quot;",
    "&#9999999999;",
    "<td",
    "<<<<",
    ">>>>",
    "<p <p <p>",
    "</",
)


def news(rng: random.Random, figure: str | None = None) -> str:
    """One news sentence, with ``figure`` (or an ordinary number) as its amount."""
    co, co2 = rng.sample(COMPANIES, 2)
    n = figure if figure is not None else str(rng.choice((12, 500, 2_500, 10_000)))
    return rng.choice(NEWS).format(co=co, co2=co2, who=rng.choice(PEOPLE), n=n, p=n)


def _digits(rng: random.Random) -> str:
    length = rng.choice(DIGIT_RUNS)
    return str(rng.randint(1, 9)) + "".join(rng.choices("0123456789", k=length - 1))


def _huge_number(rng: random.Random) -> str:
    d = _digits(rng)
    grouped = ",".join(d[max(i - 3, 0) : i] for i in range(len(d), 0, -3))[::-1]
    forms = (
        d,
        f"${d}",
        f"{d}%",
        f"1.{d}",
        f"{d}.{d}",
        grouped,
        grouped.replace(",", "."),
        grouped.replace(",", " "),
        f"${d} billion",
        f"£{d}m",
        f"{d} to {d}",
        f"between {d} and {d}",
        f"{d} in {d}",
        f"{d} days ago",
        f"{d} years ago",
        f"FY{d}",
        f"Q{d}",
        f"{d}-01-01",
        f"{d} in the first half of 0000",  # the calendar's edges: year 0 and 9999
        f"{d} in the fourth quarter of 9999",
        f"{d} in the year to December 31, 9999",
        f"1/{d}",
        d.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),  # Arabic-Indic digits
        d.translate(str.maketrans("0123456789", "０１２３４５６７８９")),  # fullwidth digits
    )
    return news(rng, rng.choice(forms))


def _random_bytes(rng: random.Random) -> str:
    data = rng.randbytes(rng.randint(1, 600))
    encoding = rng.choice(("utf-8", "latin-1", "cp1252", "utf-16-le", "utf-32-le"))
    return data.decode(encoding, errors="replace") + " " + news(rng)


def _quote_marks(rng: random.Random) -> str:
    mark = rng.choice(QUOTE_MARKS)
    if rng.random() < 0.3:  # 10k quotation marks: in one run, spaced, or around words
        words = [w for _ in range(3) for w in news(rng).split()]
        return rng.choice(
            (
                mark * 10_000,
                f"{mark} " * 10_000,
                " ".join(f"{mark}{words[i % len(words)]}" for i in range(10_000)),
            )
        )
    run = rng.randint(1, 50)
    words = news(rng).split()
    return " ".join(rng.choice((mark * run, w, f"{mark}{w}", f"{w}{mark}")) for w in words)


def _nested_quotes(rng: random.Random) -> str:
    depth = rng.randint(1, 60)
    pairs = (("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("«", "»"), ("„", "“"))
    text = news(rng)
    for _ in range(depth):
        left, right = rng.choice(pairs)
        verb = rng.choice(("said", "told reporters", "added", "warned"))
        text = f"{left}{text}{rng.choice((',', '.', ''))}{right} {rng.choice(PEOPLE)} {verb}"
        if rng.random() < 0.2:
            text = text.removesuffix(right)  # an unclosed one
    return text + "."


def _long_sentence(rng: random.Random) -> str:
    # no full stop at all: clauses joined by commas and 'and' (the caller adds no stop)
    clause = news(rng).rstrip(".")
    return f"{clause}{rng.choice((',', ' and', ';', ' -', ''))} "


def _mixed_scripts(rng: random.Random) -> str:
    parts = [rng.choice(SCRIPTS) for _ in range(rng.randint(1, 4))]
    parts.insert(rng.randint(0, len(parts)), news(rng))
    return " ".join(parts)


def _html(rng: random.Random) -> str:
    words = news(rng).split()
    return " ".join(rng.choice(HTML) + w if rng.random() < 0.5 else w for w in words)


def _rtl(rng: random.Random) -> str:
    rtl = rng.choice(SCRIPTS[7:9])
    marks = "".join(rng.choices(RTL_MARKS, k=rng.randint(1, 6)))
    words = [rtl, *news(rng).split(), rtl]
    return " ".join(marks + w if rng.random() < 0.5 else w for w in words)


def _zero_width(rng: random.Random) -> str:
    if rng.random() < 0.05:  # a long run of nothing visible
        return "".join(rng.choices(ZERO_WIDTH, k=10_000))
    text = news(rng)
    return "".join(c + rng.choice(ZERO_WIDTH) if rng.random() < 0.3 else c for c in text)


_PIECES: dict[str, Builder] = {
    "random_bytes": _random_bytes,
    "huge_numbers": _huge_number,
    "quote_marks": _quote_marks,
    "nested_quotes": _nested_quotes,
    "long_sentence": _long_sentence,
    "mixed_scripts": _mixed_scripts,
    "html": _html,
    "rtl": _rtl,
    "zero_width": _zero_width,
}
FAMILIES = (*_PIECES, "blend")


def _piece(family: str, rng: random.Random) -> str:
    if family == "blend":  # every family's material in one text
        return _PIECES[rng.choice(tuple(_PIECES))](rng)
    return _PIECES[family](rng)


def make_text(family: str, seed: int, size: int) -> str:
    """A text of at least ``size`` characters (and not much more) from ``family``."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; one of {', '.join(FAMILIES)}")
    rng = random.Random(f"{family}:{seed}")
    parts: list[str] = []
    length = 0
    while length < size:
        part = _piece(family, rng)
        if family != "long_sentence":
            part += rng.choice((" ", " ", "\n", "\n\n"))
        parts.append(part)
        length += len(part)
    return "".join(parts)


class Hang(Exception):
    """The extractor took longer than the hang guard allows on one text."""


@contextmanager
def hang_guard(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in the block after ``seconds`` (SIGALRM: main thread, POSIX).

    The alarm interrupts Python code and regular expressions alike, so a
    catastrophic regex fails the one text instead of stalling the run.
    """

    def _ring(_signum: int, _frame: FrameType | None) -> None:
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
