"""Quotes with speakers (interim: the quotes helper replaces this module)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsledger.models import Article, Entity, Quote


def find_quotes(doc: Doc, article: Article, entities: list[Entity]) -> list[Quote]:
    return []
