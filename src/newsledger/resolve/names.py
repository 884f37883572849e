"""Pure name functions shared by extraction and cross-article resolution.

>>> company_key("Sony Corp.") == company_key("Sony") == company_key("SONY Corporation")
True
>>> person_key("Kazuo Hirai")
'hirai'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from newsledger.normalize.companies import variant_base, without_legal_form

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# honorifics dropped before comparing people ("Mr Hirai" is "Hirai")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|prof)\.?\s+", re.IGNORECASE)
# generational suffixes after a surname ("William Clay Ford Jr.": the surname is Ford)
_NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


@lru_cache(maxsize=65536)  # a pure function of the text, asked for per mention
def clean_name(text: str) -> str:
    """An entity's surface text without possessive, leading "the" or line breaks.

    >>> clean_name("Sony's")
    'Sony'
    """
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", text).strip()
    return _LEADING_THE.sub("", text).strip(" ,.;:")


def initials(name: str, keep_suffix: bool = False) -> str:
    """The capitals of a name's capitalised words, without its company suffix; the parts
    of a hyphenated name count as words ("Hewlett-Packard Co" is "HP").

    >>> initials("British Airways"), initials("Royal Bank of Scotland plc")
    ('BA', 'RBS')
    >>> initials("Hewlett-Packard Co"), initials("International Steel Group", keep_suffix=True)
    ('HP', 'ISG')
    """
    name = clean_name(name)
    words = re.split(r"[\s\-]+", name if keep_suffix else strip_company_suffix(name))
    return "".join(w[0] for w in words if w[:1].isupper())


def spells_initials(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells ``name``'s initials, with or without its suffix.

    >>> spells_initials("HP", "Hewlett-Packard Co"), spells_initials("ISG", "Intl Steel Group")
    (True, True)
    """
    return acronym in (initials(name), initials(name, keep_suffix=True))


def is_acronym(name: str) -> bool:
    """ "BA", "RBS", "IBM": two to five capitals and nothing else.

    >>> is_acronym("BA"), is_acronym("Boeing"), is_acronym("B")
    (True, False, False)
    """
    return 2 <= len(name) <= 5 and name.isalpha() and name.isupper()


def strip_company_suffix(name: str) -> str:
    """ "Sony Corp." -> "Sony"; the legal forms are ``normalize/data/legal_forms.json``."""
    return without_legal_form(name)


@lru_cache(maxsize=65_536)  # asked once per candidate per cue: 250,000 times on 200 kB
def company_key(name: str) -> str:
    """The key under which spellings of one company meet.

    >>> company_key("Sony Corp.") == company_key("Sony") == company_key("SONY Corporation")
    True
    """
    name = without_legal_form(clean_name(name))
    return re.sub(r"[^\w]+", " ", name.lower()).strip()


@lru_cache(maxsize=65_536)
def org_key(name: str) -> str:
    """The key under which the store keeps one organisation: :func:`company_key`,
    and a company's name with a word of its trade is the company ("Ford Motor
    Company" is Ford; ``normalize/data/company_variants.json``).

    >>> org_key("Ford Motor Company") == org_key("Ford") == org_key("Ford Motors Co")
    True
    >>> org_key("General Motors"), org_key("Bayer Aktiengesellschaft")
    ('general motors', 'bayer')
    """
    base = variant_base(clean_name(name))
    return company_key(base if base else name)


# words that spelling variants of one full name add or drop ("Food & Agriculture
# Organisation" is the Food and Agriculture Organisation)
_LINK_WORDS = frozenset(("and", "of", "the", "for"))
# "Organisation" / "Organization", "Society" / "Societies": one word when they share
# this many first letters; shorter words must be equal
SAME_WORD_PREFIX = 5


def _full_name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in company_key(name).split() if w not in _LINK_WORDS)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    common = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return common >= SAME_WORD_PREFIX and abs(len(a) - len(b)) <= 3


def _words_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long = sorted((a, b), key=len)
    return any(
        all(_same_word(x, y) for x, y in zip(short, long[i : i + len(short)], strict=True))
        for i in range(len(long) - len(short) + 1)
    )


def full_names_clash(a: Iterable[str], b: Iterable[str], key: str) -> bool:
    """Whether two organisations that meet by ``key``, an acronym's, spell it out
    differently: each has a full name that the acronym spells, and no full name of one
    is, or is within, one of the other's. Then the acronym names two organisations.

    >>> trade, tourism = ["WTO", "World Trade Organisation"], ["World Tourism Organisation", "WTO"]
    >>> full_names_clash(trade, tourism, "wto")
    True
    >>> full_names_clash(["UPS", "United Parcel Service"], ["United Parcel Services"], "ups")
    False
    >>> full_names_clash(["EU"], ["EU", "European Union"], "eu")
    False
    >>> sec = ["SEC", "Securities and Exchange Commission"]
    >>> full_names_clash(["Securities & Exchange Commission"], sec, "sec")
    False
    >>> bsa = ["BSA", "Building Society Association"]
    >>> full_names_clash(bsa, ["Building Societies Association"], "bsa")
    False
    """
    a, b = list(a), list(b)
    for acronym in {n for n in (*a, *b) if is_acronym(n) and company_key(n) == key}:
        fa = {_full_name_words(n) for n in a if not is_acronym(n) and spells_initials(acronym, n)}
        fb = {_full_name_words(n) for n in b if not is_acronym(n) and spells_initials(acronym, n)}
        if fa and fb and not any(_words_agree(x, y) for x in fa for y in fb):
            return True
    return False


def person_parts(name: str) -> list[str]:
    """A person's name as lower-case tokens, honorific and punctuation removed.

    >>> person_parts("Mr. Kazuo  Hirai's"), person_parts("William Clay Ford Jr.")
    (['kazuo', 'hirai'], ['william', 'clay', 'ford'])
    """
    name = _HONORIFIC.sub("", clean_name(name))
    parts = [t for t in re.split(r"[^\w]+", name.lower()) if t]
    while len(parts) > 1 and parts[-1] in _NAME_SUFFIXES:
        parts.pop()
    return parts


def person_key(name: str) -> str:
    """The surname, the key under which spellings of one person are looked up."""
    parts = person_parts(name)
    return parts[-1] if parts else ""
