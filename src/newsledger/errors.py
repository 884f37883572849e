"""One exception tree for newsledger; every error has a code and names its input.

::

    NewsledgerError (NL000)
    ├── ConfigError (NL001)            a setting has a bad value
    ├── InputError (NL100)             an input could not be read into an Article
    │   ├── MissingInput (NL101)       the path does not exist
    │   ├── EmptyInput (NL102)         nothing but whitespace
    │   ├── BinaryInput (NL103)        looks like a binary file
    │   ├── EncodingError (NL104)      bytes that no supported encoding decodes
    │   ├── NoTextError (NL105)        markup with no article text after cleaning
    │   ├── MalformedRecord (NL106)    a JSON Lines line or feed item that is not valid
    │   ├── TooLarge (NL107)           bigger than the size limit
    │   ├── FetchError (NL108)         a URL that could not be fetched
    │   └── DatesFileError (NL109)     an ``ingest --dates`` sidecar that is no list of dates
    ├── ExtractError (NL200)           the NLP stage failed on an article
    ├── StoreError (NL300)             the database refused or is unusable
    │   └── SchemaError (NL301)        the database has a schema newer than this code
    └── EvalError (NL400)              a gold file is malformed

The CLI and HTTP API turn these into one-line messages (``str(err)``) at the
edge; inside, they carry ``code``, ``input`` and ``reason`` separately.
"""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base of every newsledger error."""

    code = "NL000"
    stage = "pipeline"

    def __init__(self, reason: str, input: str | None = None) -> None:
        self.reason = reason
        self.input = input
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.input}: " if self.input else ""
        return f"{where}{self.code} {self.reason}"


class ConfigError(NewsledgerError):
    code = "NL001"
    stage = "config"


class InputError(NewsledgerError):
    code = "NL100"
    stage = "ingest"


class MissingInput(InputError):
    code = "NL101"


class EmptyInput(InputError):
    code = "NL102"


class BinaryInput(InputError):
    code = "NL103"


class EncodingError(InputError):
    code = "NL104"


class NoTextError(InputError):
    code = "NL105"


class MalformedRecord(InputError):
    code = "NL106"


class TooLarge(InputError):
    code = "NL107"


class FetchError(InputError):
    code = "NL108"


class DatesFileError(InputError):
    code = "NL109"


class ExtractError(NewsledgerError):
    code = "NL200"
    stage = "extract"


class StoreError(NewsledgerError):
    code = "NL300"
    stage = "store"


class SchemaError(StoreError):
    code = "NL301"


class EvalError(NewsledgerError):
    code = "NL400"
    stage = "eval"
