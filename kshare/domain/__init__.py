"""The domain: aggregates, their events, value objects and rules.

Imports only the standard library and ``eventsourcing.domain``.
"""
