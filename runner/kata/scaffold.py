"""`gokata kata new SLUG --dir DIR`: a private kata to start from, in the layout `kata verify`
checks (the starter fails a visible and a hidden test, the solution passes, each of its five
mutants is caught by a hidden test).

The task is a small real one (clamp a dose to a range) so the scaffold verifies as written;
replace it with your own and keep `gokata kata verify` green.
"""

from __future__ import annotations

import re
from pathlib import Path

from runner.errors import BadInput
from runner.kata.catalog import SLUG_RE

KATA_YAML = """\
# `gokata --katas {dir} kata verify {slug}` checks this kata; exams use it with --katas {dir}.
title: {{en: "Clamp a dose", zh: "限制剂量范围"}}
topic: basics
difficulty: 1
learner_files: [clamp.go]
allowed_imports: []
time_limit: 30
hints:
  - {{en: "Compare with the lower bound first.", zh: "先和下限比较。"}}
  - {{en: "Then compare with the upper bound.", zh: "再和上限比较。"}}
  - {{en: "A value inside the range comes back unchanged.", zh: "范围内的值原样返回。"}}
"""

README = """\
# Clamp a dose

`Clamp(dose, lo, hi int) int` returns `dose` limited to the range `[lo, hi]`: below `lo` it
returns `lo`, above `hi` it returns `hi`. Edit `clamp.go`; `gokata kata test {slug}` runs the tests.
"""

GO_MOD = "module gokata.private/katas/{slug}\n\ngo 1.25\n"

STARTER = """\
package {pkg}

// Clamp returns dose limited to the range [lo, hi].
func Clamp(dose, lo, hi int) int {{
	return dose
}}
"""

VISIBLE_TEST = """\
package {pkg}

import "testing"

func TestClampInside(t *testing.T) {{
	if got := Clamp(5, 1, 10); got != 5 {{
		t.Fatalf("Clamp(5, 1, 10) = %d, want 5", got)
	}}
}}

func TestClampBelow(t *testing.T) {{
	if got := Clamp(-3, 0, 10); got != 0 {{
		t.Fatalf("Clamp(-3, 0, 10) = %d, want 0", got)
	}}
}}
"""

HIDDEN_TEST = """\
package {pkg}

import "testing"

func TestHiddenClampAbove(t *testing.T) {{
	if got := Clamp(99, 0, 10); got != 10 {{
		t.Fatalf("Clamp(99, 0, 10) = %d, want 10", got)
	}}
}}

func TestHiddenClampFarBelow(t *testing.T) {{
	if got := Clamp(-50, -10, 10); got != -10 {{
		t.Fatalf("Clamp(-50, -10, 10) = %d, want -10", got)
	}}
}}

func TestHiddenClampBounds(t *testing.T) {{
	if got := Clamp(0, 0, 10); got != 0 {{
		t.Fatalf("Clamp(0, 0, 10) = %d, want 0", got)
	}}
	if got := Clamp(10, 0, 10); got != 10 {{
		t.Fatalf("Clamp(10, 0, 10) = %d, want 10", got)
	}}
}}
"""

SOLUTION = """\
package {pkg}

// Clamp returns dose limited to the range [lo, hi].
func Clamp(dose, lo, hi int) int {{
	if dose < lo {{
		return lo
	}}
	if dose > hi {{
		return hi
	}}
	return dose
}}
"""

# Five known-wrong variants (kata verify wants at least five), each caught by a hidden test.
MUTANTS = {
    "no-upper-bound": (
        "package {pkg}\n\n// Clamp forgets the upper bound: a mistake the hidden tests must catch.\n"
        "func Clamp(dose, lo, hi int) int {{\n\tif dose < lo {{\n\t\treturn lo\n\t}}\n\treturn dose\n}}\n"
    ),
    "no-lower-bound": (
        "package {pkg}\n\n// Clamp forgets the lower bound: a mistake the hidden tests must catch.\n"
        "func Clamp(dose, lo, hi int) int {{\n\tif dose > hi {{\n\t\treturn hi\n\t}}\n\treturn dose\n}}\n"
    ),
    "min-max-swapped": (
        "package {pkg}\n\n// Clamp nests min and max the wrong way round: a mistake the hidden tests must catch.\n"
        "func Clamp(dose, lo, hi int) int {{\n\treturn min(lo, max(dose, hi))\n}}\n"
    ),
    "off-by-one-at-hi": (
        "package {pkg}\n\n// Clamp stops one short of the upper bound: a mistake the hidden tests must catch.\n"
        "func Clamp(dose, lo, hi int) int {{\n\tif dose < lo {{\n\t\treturn lo\n\t}}\n"
        "\tif dose >= hi {{\n\t\treturn hi - 1\n\t}}\n\treturn dose\n}}\n"
    ),
    "bounds-swapped": (
        "package {pkg}\n\n// Clamp returns the opposite bound: a mistake the hidden tests must catch.\n"
        "func Clamp(dose, lo, hi int) int {{\n\tif dose < lo {{\n\t\treturn hi\n\t}}\n"
        "\tif dose > hi {{\n\t\treturn lo\n\t}}\n\treturn dose\n}}\n"
    ),
}


def package_name(slug: str) -> str:
    name = re.sub(r"[^a-z0-9]", "", slug.lower())
    return name if name[:1].isalpha() else f"kata{name}"


def new_kata(slug: str, folder: Path) -> Path:
    """Write folder/slug/ with the whole layout; refuses a slug folder that exists."""
    if not SLUG_RE.match(slug):
        raise BadInput(f"{slug!r} is not a kata name: lower-case letters, digits and dashes")
    root = folder / slug
    if root.exists():
        raise BadInput(f"{root} exists; choose another slug or --dir")
    values = {"slug": slug, "pkg": package_name(slug), "dir": folder}
    files = {
        "kata.yaml": KATA_YAML,
        "README.md": README,
        "go.mod": GO_MOD,
        "clamp.go": STARTER,
        "clamp_test.go": VISIBLE_TEST,
        ".meta/hidden/clamp_hidden_test.go": HIDDEN_TEST,
        ".meta/solution/clamp.go": SOLUTION,
        **{f".meta/mutants/{name}/clamp.go": text for name, text in MUTANTS.items()},
    }
    try:
        for rel, template in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(template.format(**values), encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{root}: cannot write the kata: {exc.strerror}") from None
    return root
