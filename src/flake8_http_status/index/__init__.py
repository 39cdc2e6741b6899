"""The project index: what a project's own modules say about statuses, read across modules."""
