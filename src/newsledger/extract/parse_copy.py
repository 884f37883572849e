"""The article spaCy reads: its text cleaned for parsing, and the facts mapped back.

spaCy parses :func:`newsledger.normalize.text.clean_for_parse` of the article
text, so every offset the components produce is in cleaned-text coordinates.
:meth:`ParseCopy.restore` is the one place that turns them back into offsets
into the text as stored: every :class:`Evidence`, entity mention and quote
span, with its ``text`` sliced again from the original.

>>> from newsledger.models import Article, Evidence
>>> copy = parse_copy(Article(id="a1", text="Acme\\u200b cut jobs."))
>>> copy.article.text
'Acme cut jobs.'
>>> copy.evidence(Evidence("a1", 0, 14, "Acme cut jobs."))
Evidence(article_id='a1', start=0, end=15, text='Acme\\u200b cut jobs.')
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsledger.models import Article, Entity, Event, Evidence, Extraction, Quote
from newsledger.normalize.text import CleanText, clean_for_parse


@dataclass(frozen=True)
class ParseCopy:
    """``article`` with the cleaned text (same id), the ``original`` and the map between them."""

    article: Article
    original: Article
    clean: CleanText

    def restore(self, extraction: Extraction) -> Extraction:
        """The extraction of ``article`` as one of ``original``: offsets and texts point there."""
        if not self.clean.changed:
            return replace(extraction, article=self.original)
        return Extraction(
            article=self.original,
            entities=tuple(self._entity(e) for e in extraction.entities),
            events=tuple(self._event(e) for e in extraction.events),
            quotes=tuple(self._quote(q) for q in extraction.quotes),
        )

    def evidence(self, evidence: Evidence) -> Evidence:
        start, end = self.clean.span(evidence.start, evidence.end)
        return replace(evidence, start=start, end=end, text=self.original.text[start:end])

    def _entity(self, entity: Entity) -> Entity:
        return replace(entity, mentions=tuple(self.evidence(m) for m in entity.mentions))

    def _event(self, event: Event) -> Event:
        return replace(event, evidence=tuple(self.evidence(e) for e in event.evidence))

    def _quote(self, quote: Quote) -> Quote:
        start, end = self.clean.span(quote.start, quote.end)
        return replace(
            quote,
            start=start,
            end=end,
            text=self.original.text[start:end],
            evidence=self.evidence(quote.evidence),
        )


def parse_copy(article: Article) -> ParseCopy:
    """The article as spaCy should read it; the same article when there is nothing to clean."""
    clean = clean_for_parse(article.text)
    if not clean.changed:
        return ParseCopy(article, article, clean)
    return ParseCopy(replace(article, text=clean.text), article, clean)
