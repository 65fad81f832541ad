"""runner.lazy: a command module's stand-ins import nothing until used."""

from __future__ import annotations

import subprocess
import sys

from runner.lazy import lazy_module


def test_a_lazy_module_imports_on_first_use() -> None:
    code = (
        "import sys\n"
        "from runner.lazy import lazy_module\n"
        "m = lazy_module('runner.reports.formats')\n"
        "assert 'runner.reports.formats' not in sys.modules\n"
        "assert m.Format.JSON == 'json'\n"
        "assert 'runner.reports.formats' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_help_loads_no_renderer_and_no_engine() -> None:
    code = (
        "import sys\n"
        "from runner.cli.main import app\n"
        "heavy = [m for m in sys.modules if m.startswith(('runner.ui.', 'runner.kata.', 'runner.quiz.', "
        "'runner.exam.', 'runner.answers.', 'runner.progress.', 'runner.interview.', 'runner.content.', 'rich.table'))]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_stand_in_gives_the_real_attributes() -> None:
    from runner.reports import jsonout

    assert lazy_module("runner.reports.jsonout").json_text is jsonout.json_text
