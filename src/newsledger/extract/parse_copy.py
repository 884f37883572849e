"""The article spaCy reads: its headline and text cleaned for parsing, and the facts mapped back.

spaCy parses :func:`newsledger.normalize.text.clean_for_parse` of the article
text, so every offset the components produce is in cleaned-text coordinates.
:meth:`ParseCopy.restore` is the one place that turns them back into offsets
into the text as stored: every :class:`Evidence`, entity mention and quote
span, with its ``text`` sliced again from the original.

A title that the text does not begin with (JSON Lines, HTML and feed items keep
it apart) is read too, as the first paragraph: a headline states the cut or the
result as often as the body does ("Acme to cut 8,600 jobs"). Evidence found in
it has no place in the text, so it keeps the headline's words with
``start == end == 0``; quotes in it are dropped (a headline in quotes is no quote).

>>> from newsledger.models import Article, Evidence
>>> copy = parse_copy(Article(id="a1", text="Acme\\u200b cut jobs."))
>>> copy.article.text
'Acme cut jobs.'
>>> copy.evidence(Evidence("a1", 0, 14, "Acme cut jobs."))
Evidence(article_id='a1', start=0, end=15, text='Acme\\u200b cut jobs.')
>>> titled = parse_copy(Article(id="a2", text="It said so.", title="Acme cuts 50 jobs"))
>>> titled.article.text
'Acme cuts 50 jobs\\n\\nIt said so.'
>>> titled.evidence(Evidence("a2", 0, 17, "Acme cuts 50 jobs"))
Evidence(article_id='a2', start=0, end=0, text='Acme cuts 50 jobs')
>>> titled.evidence(Evidence("a2", 19, 30, "It said so."))
Evidence(article_id='a2', start=0, end=11, text='It said so.')
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsledger.models import Article, Entity, Event, Evidence, Extraction, Quote
from newsledger.normalize.text import CleanText, clean_for_parse

TITLE_BREAK = "\n\n"  # a blank line: the sentence splitter never runs the title into the text


@dataclass(frozen=True)
class ParseCopy:
    """``article`` with the text spaCy reads (same id), the ``original`` and the map between them.

    ``title_len`` is the length of the headline (and its break) put before the text.
    """

    article: Article
    original: Article
    clean: CleanText
    title_len: int = 0

    def restore(self, extraction: Extraction) -> Extraction:
        """The extraction of ``article`` as one of ``original``: offsets and texts point there."""
        if not self.clean.changed and not self.title_len:
            return replace(extraction, article=self.original)
        return Extraction(
            article=self.original,
            entities=tuple(self._entity(e) for e in extraction.entities),
            events=tuple(self._event(e) for e in extraction.events),
            quotes=tuple(self._quote(q) for q in extraction.quotes if q.start >= self.title_len),
        )

    def in_title(self, evidence: Evidence) -> bool:
        return evidence.start < self.title_len

    def evidence(self, evidence: Evidence) -> Evidence:
        if self.in_title(evidence):
            return replace(evidence, start=0, end=0)
        start, end = self.clean.span(evidence.start - self.title_len, evidence.end - self.title_len)
        return replace(evidence, start=start, end=end, text=self.original.text[start:end])

    def _entity(self, entity: Entity) -> Entity:
        return replace(entity, mentions=tuple(self.evidence(m) for m in entity.mentions))

    def _event(self, event: Event) -> Event:
        # the text's own sentences first: the headline restates them
        ordered = sorted(event.evidence, key=self.in_title)
        return replace(event, evidence=tuple(self.evidence(e) for e in ordered))

    def _quote(self, quote: Quote) -> Quote:
        start, end = self.clean.span(quote.start - self.title_len, quote.end - self.title_len)
        return replace(
            quote,
            start=start,
            end=end,
            text=self.original.text[start:end],
            evidence=self.evidence(quote.evidence),
        )


def parse_copy(article: Article) -> ParseCopy:
    """The article as spaCy should read it; the same article when there is nothing to change."""
    clean = clean_for_parse(article.text)
    title = _separate_title(article)
    if not clean.changed and not title:
        return ParseCopy(article, article, clean)
    prefix = f"{clean_for_parse(title).text}{TITLE_BREAK}" if title else ""
    return ParseCopy(replace(article, text=prefix + clean.text), article, clean, len(prefix))


def _separate_title(article: Article) -> str:
    """The title when the text does not already begin with it (plain-text articles do)."""
    title = " ".join((article.title or "").split())
    if not title:
        return ""
    opening = " ".join(article.text[: len(article.title or "") + 200].split())
    return "" if opening.startswith(title) else title
