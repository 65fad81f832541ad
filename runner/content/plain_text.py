"""LocalText as plain data, for the caches that load without pydantic (outline.py, kata_facts.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """English and, where written, Chinese."""

    en: str
    zh: str | None = None

    def get(self, lang: str) -> str:
        """As LocalText.get: the text in `lang`, falling back to English where no translation exists."""
        return self.zh if lang == "zh" and self.zh else self.en

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, **({"zh": self.zh} if self.zh else {})}
