"""When an event happened or was announced (ANNOTATION.md, Dates), on whole sentences.

Rows are grouped as the house style asks: ``dev`` rows come from the Wikinews tune
fold the rules were read on; ``bugs_caught`` rows are the failures issue 10 saw.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.model


def _dates(extractor: Any, text: str, published: date | None) -> dict[str, date | None]:
    result = extractor.extract_text(text, published=published)
    out: dict[str, date | None] = {}
    for event in result.events:
        amount = getattr(event.args, "amount", None)
        jobs = getattr(event.args, "jobs", None)
        out[str(amount if amount is not None else jobs)] = event.event_date
    return out


INTEL = (
    "Intel posts best ever quarterly results\n\nTechnology giant Intel released its second "
    "quarter results on Tuesday. Intel's revenues over the quarter up to 26 June were "
    "$10.8 billion, with net profit at $2.9 billion."
)
WEEKS = (
    "Harlan Coffee set to cut 6,700 staff\n\nHarlan Coffee made a profit of $64.3 million in "
    "the 13 trading weeks ending in December, down from $208.1 million last year."
)
CREATIVE = (
    "Creative Technology sees profits drop 72%\n\nCreative Technology Ltd has reported a 72% "
    "drop in quarterly profits. Net income was $15.9m, $0.18 a share; down from $57m or "
    "$0.68 a share a year earlier."
)
MICROSOFT = (
    "Microsoft reports 60% profit increase\n\nNet profit for the last three months of last "
    "year is $6.66bn, compared to $4.18bn for the last three months of 2008."
)
# (id, text, published, the event's amount or jobs, its date)
CASES = [
    # dev: wikinews tune
    ("dev-period-end-is-no-event-date", INTEL, date(2010, 7, 14), "10800000000", date(2010, 7, 14)),
    ("dev-weeks-ending-is-a-period", WEEKS, date(2009, 1, 29), "64300000", date(2009, 1, 29)),
    ("dev-year-earlier-goes-back", CREATIVE, date(2005, 4, 22), "57000000", date(2004, 4, 22)),
    # bugs caught: issue 10
    ("bugs-earlier-quarter", MICROSOFT, date(2010, 1, 29), "4180000000", date(2009, 1, 29)),
    ("bugs-weeks-ago-is-a-date", "Selby Foods said two weeks ago it would cut 400 jobs.",
     date(2015, 6, 9), "400", date(2015, 5, 26)),
    ("bugs-undated-article-stays-undated", "Selby Foods said on Monday it would cut 400 jobs.",
     None, "400", None),
    # bugs caught: issue 10.4, a plan retold with the month it was announced (Wikinews, Ford)
    ("bugs-plan-announced-in-january", "Selby Foods will sell its bakeries. The sale comes on "
     "top of existing turnaround plans announced in January, in which 2,500 to 3,000 "
     "positions should be cut and four plants closed by 2012.",
     date(2006, 8, 19), "2500", date(2006, 1, 1)),
    ("bugs-programme-unveiled-in-march", "Selby Foods is also selling its bakeries, besides "
     "a programme unveiled in March under which 1,200 posts will go.",
     date(2015, 6, 9), "1200", date(2015, 3, 1)),
    ("bugs-cuts-announced-on-monday", "The 400 job cuts announced on Monday by Selby Foods "
     "will hit its Leeds plant.", date(2015, 6, 10), "400", date(2015, 6, 8)),
    ("bugs-trap-another-verbs-date", "Selby Foods, which bought the unit in March, said it "
     "would cut 400 jobs there.", date(2015, 6, 10), "400", date(2015, 6, 10)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "key", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_event_dates(
    extractor: Any, text: str, published: date | None, key: str, expected: date | None
) -> None:
    dates = _dates(extractor, text, published)
    assert key in dates, dates
    assert dates[key] == expected


def test_a_teaser_line_never_dates_the_headline_cut(extractor: Any) -> None:
    """bugs caught (issue 10): a 2024 headline's cut was dated 2018, the year of a
    teaser line the plain text ran into the headline's sentence."""
    import io

    from newsledger.ingest import read_inputs

    text = (
        "Acme to cut 500 jobs\nRelated: Globex shut its Leeds plant in March 2018\n"
        "Share this article\nAcme said it would cut 500 jobs at its Ohio plant.\n\n"
        "The cuts follow a fall in orders.\n"
    )
    (article,) = read_inputs(["-"], stdin=io.BytesIO(text.encode()), published=date(2024, 5, 8))
    layoffs = [e for e in extractor.extract(article).events if e.type == "layoff"]
    assert [(e.company, e.event_date) for e in layoffs] == [("Acme", date(2024, 5, 8))]
