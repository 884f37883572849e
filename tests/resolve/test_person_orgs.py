"""A person's organisation and role read from the words around the name: text tables."""

from __future__ import annotations

import re

import pytest

from newsledger.models import Article, Entity, Evidence, Extraction
from newsledger.resolve.person_orgs import read_people


def _entity(text: str, kind: str, name: str, role: str | None = None) -> Entity:
    spans = [m.span() for m in re.finditer(re.escape(name), text)]
    mentions = tuple(Evidence("a", s, e, name) for s, e in spans)
    return Entity(f"{kind}:{name}", kind, name, role=role, mentions=mentions)  # type: ignore[arg-type]


def read(text: str, person: str, companies: tuple[str, ...], role: str | None = None) -> Entity:
    """The person as read_people leaves them, in an article naming ``companies``."""
    entities = [_entity(text, "company", c) for c in companies]
    entities.append(_entity(text, "person", person, role))
    out = read_people(Extraction(Article("a", text), entities=tuple(entities)))
    return next(e for e in out.entities if e.type == "person")


# (id, text, person, companies, role extraction gave, role and organisation read)
CASES = [
    ("possessive-title-comma", "Sony's chief executive, Kazuo Hirai, spoke.", "Kazuo Hirai",
     ("Sony",), None, ("chief executive", "Sony")),
    ("who-heads", "Kazuo Hirai, who heads Sony, spoke.", "Kazuo Hirai", ("Sony",), None,
     ("head", "Sony")),
    ("who-chairs", "Ann Lee, who now chairs Zenta, spoke.", "Ann Lee", ("Zenta",), None,
     ("chairman", "Zenta")),
    ("org-boss", "Sony boss Kazuo Hirai spoke.", "Kazuo Hirai", ("Sony",), None,
     ("boss", "Sony")),
    ("two-titles", "GM chairman and chief executive Rick Wagoner said so.", "Rick Wagoner",
     ("GM",), "chief executive", ("chief executive", "GM")),
    ("possessive-only", "A meeting between Fiat and GM's Rick Wagoner.", "Rick Wagoner",
     ("Fiat", "GM"), None, (None, "GM")),
    ("title-of-org-comma", "The chief executive of Sony, Kazuo Hirai, spoke.", "Kazuo Hirai",
     ("Sony",), None, ("chief executive", "Sony")),
    ("apposition-title-of", "Theresa Gattung, chief executive of Telecom, said it.",
     "Theresa Gattung", ("Telecom",), None, ("chief executive", "Telecom")),
    ("apposition-org-title", "Herbert Hainer, Adidas CEO, said it.", "Herbert Hainer",
     ("Adidas",), None, ("chief executive", "Adidas")),
    ("apposition-possessive", "Anil Aggarwal, Peoplesoft's director of sales, said it.",
     "Anil Aggarwal", ("Peoplesoft",), None, ("director", "Peoplesoft")),
    ("bare-title-sentence-company",
     "Sony Corp said it would cut jobs, as new chief executive Kazuo Hirai set out a plan.",
     "Kazuo Hirai", ("Sony Corp", "Panasonic"), "as new chief executive",
     ("as new chief executive", "Sony Corp")),
    ("bare-title-main-company",
     "Sony will cut jobs. Sony makes TVs. Panasonic did not. Chief executive Kazuo Hirai spoke.",
     "Kazuo Hirai", ("Sony", "Panasonic"), "Chief executive", ("Chief executive", "Sony")),
    ("bare-title-main-not-nearest",
     "BMW may seek compensation from Bosch, the carmaker's chief executive Helmut Panke said. "
     "BMW will recall cars.", "Helmut Panke", ("BMW", "Bosch"), "chief executive",
     ("chief executive", "BMW")),
    ("bare-title-no-main-company",
     "Sony will cut jobs. Panasonic did not. Chief executive Kazuo Hirai spoke.",
     "Kazuo Hirai", ("Sony", "Panasonic"), "Chief executive", ("Chief executive", None)),
    ("analyst-is-not-the-company's",
     "Sony will cut jobs, analyst Ann Lee said. Sony makes TVs.", "Ann Lee", ("Sony",),
     "analyst", ("analyst", None)),
    ("minister-is-not-the-company's",
     "Sony will cut jobs. Finance minister Ann Lee spoke.", "Ann Lee", ("Sony",),
     "Finance minister", ("Finance minister", None)),
    ("words-between-are-no-role",
     "Sony said on Monday that Ann Lee would leave.", "Ann Lee", ("Sony",), None, (None, None)),
    ("verb-then-title-is-no-role",
     "Sony hired chief executive Ann Lee.", "Ann Lee", ("Sony",), None, (None, None)),
    ("other-company-in-between",
     "Sony's rival Zenta's boss Ann Lee spoke.", "Ann Lee", ("Sony", "Zenta"), None,
     ("boss", "Zenta")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "person", "companies", "role", "expected"),
    [pytest.param(*c[1:], id=c[0]) for c in CASES],
)
def test_read_people(
    text: str,
    person: str,
    companies: tuple[str, ...],
    role: str | None,
    expected: tuple[str | None, str | None],
) -> None:
    got = read(text, person, companies, role)
    assert (got.role, got.org) == expected


def test_what_extraction_gave_is_kept() -> None:
    text = "Zenta's chief executive, Ann Lee, spoke."
    entities = (
        _entity(text, "company", "Zenta"),
        Entity("p", "person", "Ann Lee", role="CEO", org="Acme", mentions=(
            Evidence("a", 25, 32, "Ann Lee"),
        )),
    )  # fmt: skip
    out = read_people(Extraction(Article("a", text), entities=entities))
    assert (out.entities[1].role, out.entities[1].org) == ("CEO", "Acme")
