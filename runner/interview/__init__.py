"""`gokata interview`: a mock interview that digs into what the answer missed (no printing here)."""
