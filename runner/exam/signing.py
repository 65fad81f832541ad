"""HMAC signatures over a report's canonical JSON, which carries the SHA-256 of every file people
read (report.html, report.md, summary.csv ...), so any of them forwarded by e-mail can be checked
against the JSON beside it."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from runner.digests import canonical_json
from runner.errors import BadInput

ALG = "HMAC-SHA256"
MAX_SIGNED_BYTES = 64 * 1024 * 1024
# Which JSON vouches for which file.
SIGNED_BY = {
    "report.html": "report.json",
    "report.md": "report.json",
    "junit.xml": "report.json",
    "summary.md": "summary.json",
    "summary.csv": "summary.json",
}


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


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Verdict:
    status: Literal["intact", "altered", "unsigned"]
    file: Path
    signed_by: Path
    detail: str


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_SIGNED_BYTES + 1)
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: a folder; give report.json, report.html, report.md or summary.csv") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_SIGNED_BYTES:
        raise BadInput(f"{path}: larger than any report gokata writes")
    return data


def verify_file(path: Path, key: str) -> Verdict:
    """Check `path`: a signed JSON itself, or a file whose hash the JSON beside it carries."""
    json_path = path if path.suffix == ".json" else path.with_name(SIGNED_BY.get(path.name, "report.json"))
    if path.suffix != ".json" and path.name not in SIGNED_BY:
        raise BadInput(f"{path}: not a file gokata signs (report.json/.html/.md, junit.xml, summary.json/.md/.csv)")
    body = _read(path)
    if json_path != path and not json_path.is_file():
        raise BadInput(f"{path}: no {json_path.name} beside it; its hash and signature are kept there")
    raw = _read(json_path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError):
        return Verdict("altered", path, json_path, f"{json_path.name} is not the JSON gokata wrote")
    if not isinstance(data, dict) or "signature" not in data:
        return Verdict("unsigned", path, json_path, f"{json_path.name} carries no signature (graded without --key)")
    if not verify(data, key):
        return Verdict(
            "altered", path, json_path, f"{json_path.name} was changed after signing, or signed with another key"
        )
    if json_path == path:
        return Verdict("intact", path, json_path, "signed with this key and unchanged")
    files = data.get("files")
    if not isinstance(files, dict) or path.name not in files:
        return Verdict("altered", path, json_path, f"{json_path.name} carries no hash for {path.name}")
    if not hmac.compare_digest(str(files[path.name]), file_hash(body)):
        return Verdict("altered", path, json_path, f"{path.name} was changed after signing")
    return Verdict("intact", path, json_path, f"unchanged since signing (its hash is in the signed {json_path.name})")
