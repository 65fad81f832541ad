"""One module per question kind; `registry` dispatches to them. See README.md in this folder."""
