"""The SQL read models (SQLAlchemy Core) and the queries over them.

- one module per read model (``posts``, ``pairings``, ``event_index``...):
  its tables, the events it handles and its projector (``projector``);
- ``registry``: every read model, in the order a batch applies them;
- ``group``: the read models as one tracked group (one transaction a batch);
- ``*_queries``: what the site, the API and the CLI read, as dataclasses;
- ``engine``, ``rows``, ``reader``: connections, batched row writes, and
  the base of the query objects.
"""
