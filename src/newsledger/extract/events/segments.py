"""The part of the company a result belongs to (ANNOTATION.md, Segments): "an operating
profit of $40m at its chemicals division", "GM's automotive division lost $1.5bn"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsledger.extract.events.rules import load_book

# prepositions that tie a result to the part of the company it comes from
_SEGMENT_PREPS = frozenset({"in", "at", "from", "for"})

# words before a unit noun that name no part of the company ("its", "the", "overall")
_NOT_SEGMENT_WORDS = frozenset({"its", "their", "the", "his", "her", "our", "overall", "total"})


def _segment_phrase(noun: Token) -> str | None:
    """ "its chemicals division" -> "chemicals division": a unit noun with a word of its
    own before it; "its business" names no part."""
    if noun.lemma_.lower() not in load_book("financial_cues").lemmas("segment_noun"):
        return None
    mods = [
        t
        for t in noun.lefts
        if t.dep_ in ("compound", "amod", "nmod", "npadvmod")
        and t.lower_ not in _NOT_SEGMENT_WORDS
        and t.pos_ not in ("NUM", "SYM")
        and t.ent_type_ not in ("MONEY", "DATE", "PERCENT", "ORG")
    ]
    if not mods:
        return None
    start = min(t.left_edge.i for t in mods)
    return noun.doc[start : noun.i + 1].text


def segment_of(money: Span, kind_tok: Token) -> str | None:
    """The part of the company a result belongs to, when the text ties it to one:
    "an operating profit of $40m at its chemicals division", "a loss in North American
    operations", "the chemicals division posted a loss of $40m", "the unit's revenue".
    ANNOTATION.md: a division's figure is the company's segment figure, never its total.

    Looked for on the result word, on the amount, and on the verb that governs the
    result word (its subject and its prepositions)."""
    verb = kind_tok if kind_tok.pos_ in ("VERB", "AUX") else kind_tok.head
    governs = verb.pos_ in ("VERB", "AUX") and (
        kind_tok is verb or kind_tok.dep_ in ("dobj", "attr")
    )
    for tok in (kind_tok, money.root, *((verb,) if governs and verb is not kind_tok else ())):
        for child in tok.children:
            if child.dep_ == "poss":
                found = _segment_phrase(child)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in _SEGMENT_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ not in ("DATE", "MONEY"):
                        found = _segment_phrase(obj)
                        if found:
                            return found
    if governs:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return _segment_phrase(child)
    return None
