"""A company's stock listing (ticker, ISIN) from a register that ships its data.

The register is the ``pytickersymbols`` package: the constituents of about twenty
stock indices (S&P 500, FTSE 100, DAX, CAC 40, Nikkei 225, ...) with their names,
tickers and ISINs, read offline. A company is found by its names under the key the
store keeps organisations by (:func:`~newsledger.resolve.names.org_key`: "Ford" finds
"Ford Motor Company"); a company the register does not know, or names that two
listings share, stays unlinked. Without the package nothing is linked.

>>> find_listing(["Starbucks Coffee"]).ticker                  # doctest: +SKIP
'SBUX'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsledger.resolve.names import org_key

REGISTER = "pytickersymbols"


@dataclass(frozen=True)
class Listing:
    """One listed company as the register names it, with its main ticker and ISIN."""

    name: str
    ticker: str | None
    isin: str | None


def _listing(stock: dict[str, Any]) -> Listing:
    isins = stock.get("isins") or []
    return Listing(str(stock["name"]), stock.get("symbol") or None, isins[0] if isins else None)


def register_stocks() -> list[dict[str, Any]]:
    """Every stock the register ships (empty when the package is not installed)."""
    try:
        from pytickersymbols import PyTickerSymbols
    except ImportError:  # an optional register: unknown companies work unlinked anyway
        return []
    return list(PyTickerSymbols().get_all_stocks())


def index_listings(stocks: Iterable[dict[str, Any]]) -> dict[str, Listing | None]:
    """Listings by key; None under a key that two different listings share.

    >>> idx = index_listings([{"name": "Ford Motor Company", "symbol": "F", "isins": ["US1"]}])
    >>> idx["ford"]
    Listing(name='Ford Motor Company', ticker='F', isin='US1')
    """
    index: dict[str, Listing | None] = {}
    for stock in stocks:
        if not stock.get("name") or not (stock.get("symbol") or stock.get("isins")):
            continue
        listing, key = _listing(stock), org_key(str(stock["name"]))
        if not key:
            continue
        known = index.get(key, listing)
        index[key] = listing if known == listing else None
    return index


@cache
def _index() -> dict[str, Listing | None]:
    return index_listings(register_stocks())


def find_listing(
    names: Iterable[str], index: dict[str, Listing | None] | None = None
) -> Listing | None:
    """The listing of the first of ``names`` (best known first) the register knows.

    >>> idx = index_listings([{"name": "Bayer", "symbol": "BAYN.DE", "isins": ["DE000BAY0017"]}])
    >>> find_listing(["Bayer Aktiengesellschaft"], idx).isin
    'DE000BAY0017'
    """
    index = _index() if index is None else index
    for name in names:
        found = index.get(org_key(name))
        if found is not None:
            return found
    return None


__all__ = ["REGISTER", "Listing", "find_listing", "index_listings", "register_stocks"]
