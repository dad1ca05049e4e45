"""Auditing: what auditors read of the history, and how it is proven unaltered.

- ``log_browser`` (with ``log_pages``, ``values``, ``diffs``): pages of the
  event log and the history of one aggregate, confidential fields redacted;
- ``sealing``, ``verification``, ``ledger``, ``compare``: seals made on a
  schedule, verification of the log against them, and the ledger that names
  the first event altered;
- ``exporting``, ``export_file``, ``importing``: the log as JSON Lines, and
  back into an empty store at the same positions.
"""
