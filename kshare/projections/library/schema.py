"""The library's Whoosh schema.

Only published posts have indexed text. A draft or retracted post is kept
as an unindexed record (``stash``) so that publishing it later finds its
content, while its words never reach results or "did you mean".
"""

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.lang.porter2 import stem

CHECKPOINT = "__checkpoint__"

# The default Porter stemmer mangles words ("running" -> "runn"); porter2 does not.
ANALYZER = StemmingAnalyzer(stemfn=stem)


def library_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True),
        status=ID(stored=True),
        title=TEXT(stored=True, field_boost=2.0, analyzer=ANALYZER, spelling=True),
        summary=STORED(),
        body=TEXT(stored=True, analyzer=ANALYZER, spelling=True),
        tags=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        author=ID(stored=True),
        published=DATETIME(stored=True, sortable=True),
        stash=STORED(),
        position=STORED(),
    )
