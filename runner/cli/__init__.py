"""The Typer layer: thin adapters that parse, call an engine, render, and exit.

Modules here import only typer at top level; engines, pydantic and YAML are imported
inside the commands so that `gokata --help` stays fast.
"""
