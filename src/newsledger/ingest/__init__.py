"""Ingest: text, HTML, feeds, JSON Lines and URLs -> ``Article`` s, with identity.

>>> from newsledger.ingest import make_article, article_id
>>> make_article("Acme cut 500 jobs.").id == article_id("Acme  cut 500 jobs.")
True
"""

from __future__ import annotations

from newsledger.ingest.identity import article_id, band_keys, fingerprint, make_article, similarity
from newsledger.ingest.readers import read_inputs

__all__ = ["article_id", "band_keys", "fingerprint", "make_article", "read_inputs", "similarity"]
