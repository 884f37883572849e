"""newsledger: business news in, a source-linked, queryable record out."""

__version__ = "0.1.0"
