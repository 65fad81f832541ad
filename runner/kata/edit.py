"""`gokata kata edit SLUG`: open the kata's files in the configured editor."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from runner.errors import BadInput


@dataclass(frozen=True)
class EditOutcome:
    directory: Path
    files: tuple[Path, ...]
    editor_status: int


def edit_kata(slug: str, workspace: Path | None) -> EditOutcome:
    """The learner files (and the README) of a started kata, opened in `config`'s editor."""
    from runner.config import load_settings, open_in_editor
    from runner.kata.catalog import load_kata
    from runner.kata.workspace import kata_workspace

    kata = load_kata(slug)
    directory = kata_workspace(kata, workspace)
    if not directory.is_dir():
        raise BadInput(f"no workspace for {slug} at {directory}", hint=f"Run `gokata kata start {slug}` first.")
    settings = load_settings()
    readme = kata.readme(str(settings["lang"])).name
    files = tuple(p for p in (directory / n for n in (*kata.learner_files, readme)) if p.is_file())
    return EditOutcome(directory, files, open_in_editor(settings, *files))
