"""Projections: everything people read, built from the event log.

The entry points use the query objects exposed here (``SqlQueries``,
``LibrarySearch``) and never SQLAlchemy or Whoosh themselves.
"""
