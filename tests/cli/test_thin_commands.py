"""Commands are thin: parse options, call one engine function, render, return an ExitStatus.

How a command function's size is counted (`logic_statements`): every statement node that `ast`
finds in its body, at any depth, is one: an assignment, a call, a `return`, a `raise`, an `if`
(its `elif` is an `if` of its own), a `with`, a `for`, a `try` and each statement inside them.
Not counted: the docstring, blank lines and comments (they are not statements), and the
expressions inside a statement (a lambda or a long argument list is part of its statement).
A command function may hold at most MAX_LOGIC statements and no import at all (heavy modules are
loaded lazily at the top of the module with runner.lazy.lazy_module instead).

A command is "registered" when it is decorated with `<group>.command(...)` or passed to
`<group>.command(...)(function)`; the test also checks that every command of the live Typer app
was found this way, so a new way of registering cannot slip past it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import typer.main

from runner.cli.main import app

CLI = Path(__file__).resolve().parents[2] / "runner" / "cli"
MAX_LOGIC = 10


def _is_command_call(node: ast.expr) -> bool:
    """`<anything>.command(...)`"""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "command"


def registered(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(_is_command_call(d) for d in node.decorator_list):
            names.add(node.name)
        # app.command("name")(function)
        if isinstance(node, ast.Call) and _is_command_call(node.func) and node.args:
            target = node.args[0]
            if isinstance(target, ast.Name):
                names.add(target.id)
    return names


def _body(func: ast.FunctionDef) -> list[ast.stmt]:
    body = func.body
    first = body[0] if body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        return body[1:]
    return body


def logic_statements(func: ast.FunctionDef) -> int:
    return sum(1 for stmt in _body(func) for node in ast.walk(stmt) if isinstance(node, ast.stmt))


def imports_inside(func: ast.FunctionDef) -> list[int]:
    return [
        node.lineno for stmt in _body(func) for node in ast.walk(stmt) if isinstance(node, ast.Import | ast.ImportFrom)
    ]


def command_functions() -> dict[str, ast.FunctionDef]:
    found: dict[str, ast.FunctionDef] = {}
    for path in sorted(CLI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names = registered(tree)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name in names:
                found[f"{path.name}:{node.name}"] = node
    return found


def _live_callbacks() -> set[str]:
    group = typer.main.get_command(app)
    seen: set[str] = set()

    def walk(command: object) -> None:
        callback = getattr(command, "callback", None)
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for sub in subcommands.values():
                walk(sub)
        elif callback is not None:
            module = callback.__module__.rsplit(".", 1)[-1]
            seen.add(f"{module}.py:{callback.__name__}")

    walk(group)
    return seen


def test_every_live_command_is_found_by_the_scan() -> None:
    assert _live_callbacks() <= set(command_functions())


def test_command_functions_have_at_most_ten_logic_statements() -> None:
    too_long = {name: n for name, f in command_functions().items() if (n := logic_statements(f)) > MAX_LOGIC}
    assert not too_long, f"command functions over {MAX_LOGIC} logic statements: {too_long}"


def test_command_functions_import_nothing() -> None:
    importing = {name: lines for name, f in command_functions().items() if (lines := imports_inside(f))}
    assert not importing, f"imports inside command functions (module lazy_module instead): {importing}"


def test_the_counter_counts_statements_not_lines() -> None:
    source = '''
def command(x: int) -> int:
    """A docstring is not logic."""
    # a comment is not logic

    if x:  # 1
        y = [  # 2: one statement over several lines
            1,
            2,
        ]
        return len(y)  # 3
    return 0  # 4
'''
    func = ast.parse(source).body[0]
    assert isinstance(func, ast.FunctionDef)
    assert logic_statements(func) == 4
