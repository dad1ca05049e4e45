"""Projections: everything people read, built from the event log.

- ``runner``: catch up from the tracked positions, then follow the log;
- ``rebuild``: rebuild projections aside from the whole log, then swap;
- ``sql``: the SQL read models (one module each, listed in
  ``sql.registry``) and the queries over them (``sql/*_queries.py``);
- ``library``: the Whoosh lesson library and its search.

The entry points read through the query objects (``Services.posts``,
``.search``...) and never use SQLAlchemy or Whoosh themselves.
"""
