"""Rendering for `gokata config`."""

from __future__ import annotations

from pathlib import Path

from rich import box
from rich.markup import escape
from rich.table import Table

from runner.config import Edited, Setting, Settings
from runner.ui.console import err, out
from runner.ui.messages import as_lang, msg


def render_settings(settings: Settings) -> None:
    lang = as_lang(str(settings["lang"]))
    console = out()
    console.print(msg("config.file", lang, path=escape(str(settings.path))), soft_wrap=True)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(msg("config.key", lang), no_wrap=True)
    table.add_column(msg("config.value", lang), overflow="fold")
    table.add_column(msg("config.source", lang), no_wrap=True)
    table.add_column(msg("config.meaning", lang), overflow="fold", ratio=1)
    for name, setting in settings.values.items():
        table.add_row(
            name,
            escape(str(setting.value)),
            msg(f"config.source.{setting.source}", lang),
            msg(f"config.help.{name}", lang),
        )
    console.print(table)
    for problem in settings.problems:
        err().print(f"[yellow]{escape(problem)}[/]", soft_wrap=True)
    console.print(msg("config.how", lang), soft_wrap=True)


def render_set(setting: Setting) -> None:
    out().print(f"{setting.key} = {escape(str(setting.value))}", soft_wrap=True)


def render_path(path: Path) -> None:
    # Plain, for $(gokata config path).
    out().print(escape(str(path)), soft_wrap=True, highlight=False)


def render_edited(edited: Edited) -> None:
    if edited.problems:
        err().print(escape(edited.problems), soft_wrap=True)
        err().print(
            "The file was saved with these problems; run `gokata config edit` again to fix them.", soft_wrap=True
        )
    elif edited.editor_status != 0:
        err().print(f"the editor exited with status {edited.editor_status}", soft_wrap=True)
    else:
        out().print(f"{escape(str(edited.path))}: ok", soft_wrap=True)
