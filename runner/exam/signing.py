"""HMAC signatures over a report's canonical JSON, so a forwarded report can be checked."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from runner.exam.candidate import canonical_json

ALG = "HMAC-SHA256"


def _mac(data: dict[str, Any], key: str) -> str:
    unsigned = {k: v for k, v in data.items() if k != "signature"}
    return hmac.new(key.encode(), canonical_json(unsigned), hashlib.sha256).hexdigest()


def sign(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {**data, "signature": {"alg": ALG, "value": _mac(data, key)}}


def verify(data: dict[str, Any], key: str) -> bool:
    sig = data.get("signature")
    if not isinstance(sig, dict) or sig.get("alg") != ALG or not isinstance(sig.get("value"), str):
        return False
    return hmac.compare_digest(sig["value"], _mac(data, key))
