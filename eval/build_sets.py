"""Write the gold files that point at the shared third-party texts (never copying them).

    .venv/bin/python eval/build_sets.py

* ``seeds.gold.jsonl``: the two seed articles' layoffs, financials and quotes,
  from ../shared/seeds/expected.json.
* ``bbc-business.gold.jsonl``: every one of the 510 BBC files; the job cuts of
  the hand list in ../shared/dev/bbc-business/README.md (sections A-E),
  restated in ``BBC`` below; every other file with empty layoff gold.
* ``polnear.gold.jsonl``: direct quotes of the scoring fold of PolNeAR train
  (bench/polnear.py's: first byte of ``sha1(id)`` >= 179), the first
  ``POLNEAR_CAP`` articles in id-hash order.

Run it again only when the shared data or these rules change; review the diff.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

EVAL = Path(__file__).resolve().parent
SHARED_REL = "../shared"  # relative to the repository root, where gold paths resolve
SHARED = EVAL.parent.parent / "shared"
# the scoring fold has ~250 long political articles; 60 keeps the gate test under
# a minute on 2 cores while still holding several hundred direct quotes
POLNEAR_CAP = 60
SHORT_WORDS = 3  # ANNOTATION.md: fragments of three words or fewer are not scored
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "him", "her", "them"})


def _write(name: str, records: list[dict[str, Any]]) -> None:
    with (EVAL / name).open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{name}: {len(records)} articles")


# --- seeds ---------------------------------------------------------------------


def seeds() -> list[dict[str, Any]]:
    expected = json.loads((SHARED / "seeds/expected.json").read_text(encoding="utf-8"))
    records = []
    for filename, item in expected["articles"].items():
        layoffs = [
            {k: lay.get(k) for k in ("company", "jobs", "percent", "unit")}
            for lay in item.get("layoffs", [])
        ]
        financials = [
            {k: fin.get(k) for k in ("company", "kind", "amount", "currency", "period")}
            for fin in item.get("financials", [])
        ]
        for fin in financials:  # the impairment states no currency: leave it unchecked
            if fin["amount"] is None and fin["currency"] is None:
                del fin["currency"]
            if fin["period"] is None:
                del fin["period"]
        for fin, given in zip(financials, item.get("financials", []), strict=True):
            if given.get("outlook"):
                fin["outlook"] = True  # guidance: not scored (ANNOTATION.md)
        text = (SHARED / "seeds" / filename).read_text(encoding="utf-8")
        quotes = [_seed_quote(text, q["speaker"], q["starts"]) for q in item["quotes"]]
        records.append(
            {
                "id": filename.removesuffix(".txt"),
                "path": f"{SHARED_REL}/seeds/{filename}",
                "published": item["published"],
                "source": "seed",
                "gold": {"layoffs": layoffs, "financials": financials, "quotes": quotes},
            }
        )
    return records


def _seed_quote(text: str, speaker: str, starts: str) -> dict[str, Any]:
    fact: dict[str, Any] = {"speaker": speaker, "quote_start": starts}
    at = text.find(starts)
    close = re.search(r"[\"\u201d]", text[at:]) if at >= 0 else None
    if close and _short(text[at : at + close.start()]):
        fact["optional"] = True  # a fragment of three words or fewer (ANNOTATION.md, Quotes)
    return fact


# --- BBC business: the README's hand list, restated ----------------------------


def _lay(
    company: str, jobs: int | None, percent: float | None = None, **extra: Any
) -> dict[str, Any]:
    out: dict[str, Any] = {"company": company, "jobs": jobs, "percent": percent}
    out.update(extra)
    if out.get("percent") == "unchecked":  # a vague fraction ("nearly half"): not checked
        del out["percent"]
    return out


def _opt(company: str, jobs: int | None, note: str) -> dict[str, Any]:
    return {"company": company, "jobs": jobs, "optional": True, "note": note}


WORLDCOM = [_lay("WorldCom", 20000, note="past: 20,000 lost their jobs in the collapse")]
VW_LINE = [
    _opt(c, None, "weak: talks with unions about trimming jobs")
    for c in ("Volkswagen", "DaimlerChrysler", "Siemens")
]
BBC: dict[str, list[dict[str, Any]]] = {
    # A. the story is a company's job cuts
    "014": [
        _lay("Telegraph Group (Daily and Sunday Telegraph)", 90, 17, unit="editorial staff"),
        _opt("Financial Times (Pearson)", 30, "voluntary redundancy offered to about 30"),
    ],
    "027": [
        _lay("Mittal Steel", 45000, None, note="up to 45,000 over five years"),
        _opt("Mittal Steel", 7000, "7,000-8,000 a year"),
    ],
    "034": [_lay("MG Rover (Longbridge, Midlands)", 2000, None)],
    "103": [
        _lay("Marsh & McLennan", 2500, None),
        _opt("Marsh & McLennan", 5500, "the total to go at the firm"),
    ],
    "148": [_lay("Fiat (Fiat Powertrain plant, Arese)", 800, None)],
    "212": [_lay("MG Rover (Longbridge)", 3000, "unchecked", note="nearly half the workforce")],
    "278": [_lay("SBC Communications", 12800, None)]
    + [_opt("SBC Communications", n, "part of the 12,800") for n in (5125, 1700, 3400, 2600)],
    "297": [
        _lay("ABN Amro", 2850, 3),
        _lay("Deutsche Bank", 1920, None),
        _lay("Credit Suisse First Boston", 300, None),
    ]
    + [_opt("ABN Amro", n, "part of the 2,850") for n in (1100, 1200, 550)],
    "442": [
        _lay(
            "Leisure Garments (Modern Garments, Precious Six Garments, TW Garments, "
            "Lesotho Hats, Vogue Landmark)",
            6650,
            None,
            note="six foreign-owned textile factories closed",
        )
    ],
    "460": [_lay("Oracle (PeopleSoft)", 5000, 9), _opt("Oracle", 6000, "6,000 had been expected")],
    # B. company job cuts within another story
    "004": [_lay("British Airways", 13000, None)],
    "078": [_lay("Opel (GM Europe)", 12000, None)],
    "143": [_lay("Cadbury Schweppes", None, 10)],
    "149": [_lay("General Motors (European operations)", 12000, None)],
    "173": [_lay("Carlsberg", 200, None)],
    "216": [_lay("Nissan", 200000, None, note="doubtful figure, kept as written")],
    "304": [_lay("Bombardier", None, "unchecked", note="almost a third of 75,000")],
    "395": [_lay("Delta Air Lines", 6900, None)],
    "462": [
        _lay(
            "General Motors (Europe)",
            12000,
            None,
            note="one fifth of the European total: a ratio, no percent (ANNOTATION.md)",
        )
    ],
    "087": WORLDCOM,
    "100": WORLDCOM,
    "162": WORLDCOM,
    "251": WORLDCOM,
    "465": WORLDCOM,
    "201": [_opt("Novartis (Sandoz)", None, "'there may be job cuts'")],
    # 387 ("companies such as Adam Opel ... and retailer KarstadtQuelle have slashed jobs"):
    # examples in a list, no event of theirs (ANNOTATION.md, Layoffs), and no figure
    "387": [],
    "445": [_opt("Aer Lingus", None, "past: cut fares and staff")],
    "073": VW_LINE,
    "439": VW_LINE,
    # C (jobs moved), D (sector losses) and E (no cuts) have no company job cut:
    # their files stay with empty gold, so a layoff reported there is spurious
}


def bbc() -> list[dict[str, Any]]:
    folder = SHARED / "dev/bbc-business"
    records = []
    for path in sorted(folder.glob("[0-9][0-9][0-9].txt")):
        stem = path.stem
        records.append(
            {
                "id": f"bbc-{stem}",
                "path": f"{SHARED_REL}/dev/bbc-business/{path.name}",
                "source": "BBC News",
                "gold": {"layoffs": BBC.get(stem, [])},
            }
        )
    missing = set(BBC) - {r["id"].removeprefix("bbc-") for r in records}
    assert not missing, f"hand list names files not present: {missing}"
    return records


# --- PolNeAR: direct quotes of the scoring fold ---------------------------------


# bench/polnear.py (the quotes helper's) defines the folds; the gold uses its score fold
TUNE_SHARE_BYTE = 179


def polnear_fold(ident: str) -> bool:
    """The score fold of bench/polnear.py: first byte of ``sha1(id)`` at least 179 (~30%)."""
    return hashlib.sha1(ident.encode()).digest()[0] >= TUNE_SHARE_BYTE


def _opening(text: str, words: int = 6) -> str:
    return " ".join(text.split()[:words])


# words that may open a description, capitalised only because a sentence starts there
_OPENERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "one",
        "another",
        "some",
        "many",
        "several",
    }
)


def _names_someone(text: str) -> bool:
    """A source with a name in it: a capital letter past an opening determiner ("The
    longtime senator" names no one; "The Trayvon Martin Foundation" does)."""
    words = text.split()
    if words and words[0].lower() in _OPENERS:
        words = words[1:]
    return any(ch.isupper() for w in words for ch in w)


def _speaker(source: dict[str, Any] | None) -> dict[str, Any]:
    if source is None:
        return {}
    text = " ".join(source["text"].split())
    if text.lower() in PRONOUNS or not _names_someone(text):
        return {}  # a pronoun or a description: the annotation does not name the speaker
    return {"speaker": text}


def _described(source: dict[str, Any] | None) -> bool:
    """A source that is only a description ("a senior aide", "The longtime senator"): no
    name and no pronoun. ANNOTATION.md, Quotes: "A quote whose speaker is only
    described and never named ... is not scored"."""
    if source is None:
        return False
    text = " ".join(source["text"].split())
    return text.lower() not in PRONOUNS and not _names_someone(text)


# quotation marks that open and close a span inside an annotated content
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]|''([^']+?)''")


def _inner_quotes(piece: dict[str, Any]) -> list[str]:
    """The spans in quotation marks inside a content that do not open it.

    ANNOTATION.md, Quotes: "A quote is a span in quotation marks attributed to a
    source": in "he said the plan was 'a disaster for the state'" the quoted span
    is a quote of his, though PolNeAR's content starts at "the plan"."""
    text = piece["text"]
    spans = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1) or match.group(2) or ""
        if text[: match.start()].strip(" \t\n\"'\u201c\u2018") and inner.strip():
            spans.append(inner)
    return spans


def _short(text: str) -> bool:
    """ANNOTATION.md, Quotes: "a quoted fragment of three words or fewer ... is not
    scored either way"."""
    return len(text.strip(" \t\n\"'\u201c\u201d\u2018\u2019.,").split()) <= SHORT_WORDS


def _title_case(text: str) -> bool:
    """Every longer word capitalised: a title or slogan ("Make America Great Again",
    "Tales From the Crypt"). ANNOTATION.md, Quotes: titles are not quotes."""
    if re.search(r"[.!?]", text):
        return False  # "What a Super Tuesday!": an exclamation, not a title
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _gold_quote(text: str, source: dict[str, Any] | None, required: bool) -> dict[str, Any]:
    fact = {"quote_start": _opening(text), **_speaker(source)}
    if not required or _described(source) or _short(text) or _title_case(text):
        # a speaker only described, a short fragment and a title are there to be
        # found but not required (ANNOTATION.md, Quotes)
        fact["optional"] = True
    return fact


def _polnear_quotes(item: dict[str, Any]) -> list[dict[str, Any]]:
    quotes = []
    for attribution in item["attributions"]:
        content = attribution["content"]
        pieces = content.get("fragments") or [content]
        direct = bool(attribution["direct"])
        source = attribution["source"]
        for i, piece in enumerate(pieces):
            # indirect speech and the later pieces of an interrupted quotation are
            # there to be found but not required
            quotes.append(_gold_quote(piece["text"], source, direct and i == 0))
            if not direct:
                # a span in quotation marks inside indirect speech is a quote
                quotes.extend(_gold_quote(inner, source, True) for inner in _inner_quotes(piece))
    return [fact for fact in quotes if fact["quote_start"]]


def polnear() -> list[dict[str, Any]]:
    items = []
    with (SHARED / "dev/polnear/train.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if polnear_fold(item["id"]):
                items.append(item)
    items.sort(key=lambda it: hashlib.sha1(it["id"].encode()).hexdigest())
    return [
        {
            "id": item["id"],
            "path": f"{SHARED_REL}/dev/polnear/train.jsonl",
            "record": item["id"],
            "gold": {"quotes": _polnear_quotes(item)},
        }
        for item in items[:POLNEAR_CAP]
    ]


if __name__ == "__main__":
    _write("seeds.gold.jsonl", seeds())
    _write("bbc-business.gold.jsonl", bbc())
    _write("polnear.gold.jsonl", polnear())
