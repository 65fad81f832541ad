"""The format registry: which writer turns which data into which format.

A subject names what is written (a kata result, the banks, the history, an exam report or an
exam summary); a format names the text it becomes. Writers are named here as strings and imported
on first use, so listing the formats (for `--help` and checks) costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from importlib import import_module
from typing import Any


class Format(StrEnum):
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    JUNIT = "junit"
    CSV = "csv"


class Subject(StrEnum):
    BANKS = "banks"  # runner.content.catalog.Catalog
    BANK_SCHEMA = "bank-schema"  # nothing: the JSON Schema of the bank format
    KATA_RESULT = "kata-result"  # runner.kata.result.KataResult
    HISTORY = "history"  # runner.progress.history.History
    EXAM_REPORT = "exam-report"  # runner.exam.model.CandidateReport
    EXAM_SUMMARY = "exam-summary"  # a list of CandidateReport
    MISTAKES = "mistakes"  # runner.content.mistakes.MistakeTable


Writer = Callable[..., str]

_WRITERS: dict[tuple[Subject, Format], str] = {
    (Subject.BANKS, Format.JSON): "runner.reports.bank:export_json",
    (Subject.BANKS, Format.MARKDOWN): "runner.reports.bank:export_markdown",
    (Subject.BANK_SCHEMA, Format.JSON): "runner.reports.bank:bank_json_schema",
    (Subject.KATA_RESULT, Format.JUNIT): "runner.reports.junit:junit_xml",
    (Subject.HISTORY, Format.CSV): "runner.reports.history:history_csv",
    (Subject.HISTORY, Format.JSON): "runner.reports.history:history_json",
    (Subject.EXAM_REPORT, Format.JSON): "runner.reports.exam:to_json",
    (Subject.EXAM_REPORT, Format.MARKDOWN): "runner.reports.exam:to_markdown",
    (Subject.EXAM_REPORT, Format.HTML): "runner.reports.exam:to_html",
    (Subject.EXAM_REPORT, Format.JUNIT): "runner.reports.exam:to_junit",
    (Subject.EXAM_SUMMARY, Format.MARKDOWN): "runner.reports.exam:summary_markdown",
    (Subject.EXAM_SUMMARY, Format.CSV): "runner.reports.exam:summary_csv",
    (Subject.MISTAKES, Format.MARKDOWN): "runner.reports.mistakes:mistakes_markdown",
}


def formats(subject: Subject) -> tuple[Format, ...]:
    """The formats `subject` can be written in, in the order of `Format`."""
    return tuple(f for f in Format if (subject, f) in _WRITERS)


def writer(subject: Subject, fmt: Format) -> Writer:
    """The function that writes `subject` as `fmt` (imported now, on first use)."""
    try:
        target = _WRITERS[(subject, fmt)]
    except KeyError:
        raise ValueError(f"no {fmt} writer for {subject}") from None
    module, _, name = target.partition(":")
    found: Writer = getattr(import_module(module), name)
    return found


def render(subject: Subject, fmt: Format, *args: Any, **kwargs: Any) -> str:
    """Write `subject` as `fmt`: `render(Subject.HISTORY, Format.CSV, records)`."""
    return writer(subject, fmt)(*args, **kwargs)
