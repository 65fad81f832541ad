"""Content: YAML with line numbers, pydantic schemas, discovery and lint."""
