"""Text from outside gokata (test output, error strings, file names, answers) made safe to show.

A submission's tests print what its code chooses, and a file name or an answer can hold any
character. Written raw to a terminal, an escape sequence clears the screen, retitles the window or
paints a line gokata never wrote (a fake "PASS"); in XML, a control character makes the whole
report unreadable. Each such character is shown as its Unicode control picture instead (ESC as
"␛"): one character for one, so styled spans over the text stay where they were, and the reader
sees that something was there.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, the C1 controls (the 8-bit CSI \x9b among them), and
# lone surrogates, which no terminal encoding can write (Rich raised UnicodeEncodeError).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# What XML 1.0 cannot hold at all (besides the controls): lone surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible(text: str) -> str:
    """`text` with every control character but tab and newline shown as a picture of it (a lone
    surrogate as U+FFFD)."""
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold replaced (controls by their picture)."""
    return _NOT_XML.sub(_picture, text) if _NOT_XML.search(text) else text


def file_name(name: str) -> str:
    """A file name as one readable line: quoted with escapes when it holds a newline or control."""
    return name if name.isprintable() else repr(name)
