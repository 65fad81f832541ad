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


def test_the_root_table_names_what_each_registrar_registers() -> None:
    from runner.cli.main import COMMANDS, app
    from runner.cli.tree import Build, builders, registered

    for names, register in COMMANDS:
        assert tuple(builders(registered(register), Build.of(app))) == names


def test_a_run_imports_and_builds_the_command_it_runs_alone() -> None:
    code = (
        "import sys, typer.main\n"
        "from runner.cli.main import app\n"
        "group = typer.main.get_command(app)\n"
        "try:\n"
        "    group.main(['kata', 'list', '--json'], prog_name='gokata')\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        "assert group.commands.built() == ('kata',), group.commands.built()\n"
        "assert group.commands['kata'].commands.built() == ('list',)\n"
        "others = [m for m in sys.modules if m.startswith('runner.cli.') and m not in "
        "('runner.cli.main', 'runner.cli.boundary', 'runner.cli.tree', 'runner.cli.present', 'runner.cli.config', "
        "'runner.cli.kata', 'runner.cli.kata_extra', 'runner.cli.completion')]\n"
        "assert not others, others\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)
