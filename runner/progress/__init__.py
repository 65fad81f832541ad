"""Progress: every attempt stored in SQLite, review scheduling, statistics."""
