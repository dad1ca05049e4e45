"""Benchmarks of kshare against bare baselines measured in the same run.

``make bench`` (or ``python -m benchmarks.run --scale N``) generates a
synthetic mentorship program, drives it through kshare and through bare
``eventsourcing`` / Whoosh loops, and writes a JSON report. These are not
tests: nothing here asserts on time.
"""
