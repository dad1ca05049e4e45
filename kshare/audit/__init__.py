"""What auditors read: the event log, aggregate histories, seals and exports."""
