"""The output layer: engines build data, these modules turn it into text.

- `jsonout`: the one JSON writer (stable key order, UTF-8, one indent) and the `--json` result
  envelope (`gokata_result_version`, `command`); the only way JSON reaches stdout.
- `formats`: the format registry (subject x format -> writer), imported lazily.
- `bank`, `exam`, `junit`, `history`: the Markdown, HTML, JUnit and CSV writers.
- `files`: writing a report file, with one error message when it cannot be written.

Nothing here prints to a terminal or imports rich; `ui/` draws, `reports/` writes.
"""
