"""Time travel: the program as it stood at a moment ("as of").

A view of the past is a complete, read-only projection set of the log up
to a position (``views``), found from a moment people type (``moments``),
opened for reading (``travel``) with query objects whose "today" is the
day viewed (``queries``), and dumped whole for auditors (``snapshot``).
"""
