"""Canonical JSON and the SHA-256 digests computed over it (exam packs, submissions, event logs, signatures)."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(data: Any) -> bytes:
    """The byte form that digests and signatures are computed over."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest_of(data: dict[str, Any]) -> str:
    """The digest of a document that carries its own digest under `digest` (left out of the sum)."""
    return sha256(canonical_json({k: v for k, v in data.items() if k != "digest"}))
