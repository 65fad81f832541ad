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
        "('runner.cli.main', 'runner.cli.app', 'runner.cli.boundary', 'runner.cli.tree', 'runner.cli.coerce', 'runner.cli.present', "
        "'runner.cli.defaults', 'runner.cli.kata', 'runner.cli.kata_extra', 'runner.cli.completion')]\n"
        "assert not others, others\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)


def test_option_values_need_no_pydantic_and_mistakes_keep_typers_words() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from runner.cli.main import app\n"
        "r = CliRunner().invoke(app, ['kata', 'list', '--lang', 'zh', '--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'typer._adapters' not in sys.modules\n"
        "r = CliRunner().invoke(app, ['topics', '--lang', 'fr'])\n"
        "assert \"Invalid value for '--lang': Value error, 'fr' is not one of 'en', 'zh'.\" in r.output, r.output\n"
        "r = CliRunner().invoke(app, ['quiz', '-n', '0'])\n"
        "assert 'Input should be greater than or equal to 1' in r.output, r.output\n"
        "r = CliRunner().invoke(app, ['--bank', '/no/such/dir/', 'topics'])\n"
        "assert \"dir '/no/such/dir/' does not exist.\" in r.output, r.output\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_topics_stats_and_an_empty_review_build_no_content_model_once_the_outline_is_cached() -> None:
    run = (
        "import sys, typer.main\n"
        "from runner.cli.main import app\n"
        "try:\n"
        "    typer.main.get_command(app).main(sys.argv[1:], prog_name='gokata')\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
    )
    check = "assert 'pydantic' not in sys.modules and 'runner.content.models' not in sys.modules, 'models built'\n"
    for command in (["topics"], ["stats"], ["topics", "--json"], ["review", "--new", "0"]):
        subprocess.run([sys.executable, "-c", run, *command], check=True, stdout=subprocess.DEVNULL)  # stores it
        subprocess.run([sys.executable, "-c", run + check, *command], check=True, stdout=subprocess.DEVNULL)
