package badge_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"gokata.dev/katas/strings-badge-label"
)

// label calls badge.Label and turns a panic into a test failure, so one bad case does not stop the others.
func label(t *testing.T, name string, max int) (got string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("Label(%q, %d) panicked: %v", name, max, r)
			got = "<panic>"
		}
	}()
	return badge.Label(name, max)
}

func TestHiddenLabelBoundaries(t *testing.T) {
	cases := []struct {
		name string
		max  int
		want string
	}{
		{"Müller", 6, "Müller"},    // exactly max characters: whole (7 bytes)
		{"Müllerová", 6, "Mülle…"}, // longer: max-1 characters and the ellipsis
		{"北京协和医院", 4, "北京协…"},      // three bytes per character
		{"北京协和", 4, "北京协和"},
		{"Ana 🙂 Silva", 6, "Ana 🙂…"}, // a four-byte emoji is one character
		{"", 5, ""},
		{"Li", 1, "…"},
		{"L", 1, "L"},
		{"Zoë", 0, ""},
		{"Zoë", -3, ""},
	}
	for _, c := range cases {
		if got := label(t, c.name, c.max); got != c.want {
			t.Errorf("Label(%q, %d) = %q; want %q", c.name, c.max, got, c.want)
		}
	}
}

func TestHiddenLabelIsAlwaysValidUTF8(t *testing.T) {
	cases := []struct {
		name string
		max  int
		want string
	}{
		{"Jos\xe9", 10, "Jos\uFFFD"},            // a Latin-1 byte from an old system: one character
		{"Jos\xe9 Mar\xeda", 7, "Jos\uFFFD M…"}, // cut after six characters
		{"\xff\xfe", 2, "\uFFFD\uFFFD"},
	}
	for _, c := range cases {
		got := label(t, c.name, c.max)
		if !utf8.ValidString(got) || got != c.want {
			t.Errorf("Label(%q, %d) = %q (valid UTF-8: %v); want %q: the printer needs valid UTF-8, "+
				"and each invalid byte is one character printed as U+FFFD", c.name, c.max, got, utf8.ValidString(got), c.want)
		}
	}
}

func TestHiddenLabelNeverSplitsACharacter(t *testing.T) {
	for _, name := range []string{"Ærøskøbing Sygehus", "São João da Madeira", "Łódź Szpital Wojewódzki"} {
		for max := 1; max <= 12; max++ {
			got := label(t, name, max)
			if !utf8.ValidString(got) || utf8.RuneCountInString(got) > max {
				t.Fatalf("Label(%q, %d) = %q: %d characters, valid UTF-8 %v; want at most %d characters of valid UTF-8",
					name, max, got, utf8.RuneCountInString(got), utf8.ValidString(got), max)
			}
		}
	}
}

func TestHiddenBaseNameTrimsOneSuffixOnly(t *testing.T) {
	cases := map[string]string{
		"visit_docs.csv":     "visit_docs",
		"export.csv.csv":     "export.csv",
		"vascular_scans.csv": "vascular_scans",
		"notes.txt":          "notes.txt",
		"csv":                "csv",
		".csv":               "",
		"visit_docs.CSV":     "visit_docs.CSV",
		"ae_export.Csv":      "ae_export.Csv",
		"visits.csv.bak":     "visits.csv.bak",
		"data.csvx":          "data.csvx",
		"a.csv_b.csv":        "a.csv_b",
	}
	for in, want := range cases {
		if got := badge.BaseName(in); got != want {
			t.Errorf("BaseName(%q) = %q; want %q (remove the suffix \".csv\" once, exactly as written in lower "+
				"case, only at the very end, and nothing else: not every trailing '.', 'c', 's' or 'v', not \".CSV\", "+
				"not a \".csv\" in the middle of the name)", in, got, want)
		}
	}
}

func TestHiddenAccessionErrors(t *testing.T) {
	for _, msg := range []string{"", "LAB00012345"} {
		got, err := badge.Accession(msg)
		if !errors.Is(err, badge.ErrShort) || got != "" {
			t.Errorf("Accession(%q) = %q, %v; want \"\", ErrShort", msg, got, err)
		}
	}
	if got, err := badge.Accession("LAB000123456"); err != nil || got != "LAB000123456" {
		t.Errorf("Accession of a message of exactly 12 bytes = %q, %v", got, err)
	}
}

func heapMB() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

func TestHiddenAccessionDoesNotPinTheMessage(t *testing.T) {
	const messages, size = 40, 1 << 20
	before := heapMB()
	kept := make([]string, 0, messages)
	for i := range messages {
		b := make([]byte, size)
		copy(b, fmt.Sprintf("LAB%09d|ORU^R01|", i))
		msg := string(b) // a fresh 1 MB string, like one read from the network
		acc, err := badge.Accession(msg)
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, acc)
	}
	held := heapMB() - min(before, heapMB())
	if held > 8 {
		t.Fatalf("keeping the accession numbers of %d messages of 1 MB holds %d MB: a substring shares the "+
			"message's bytes and keeps the whole message alive", messages, held)
	}
	if kept[7] != "LAB000000007" {
		t.Fatalf("Accession = %q; want LAB000000007", kept[7])
	}
	runtime.KeepAlive(kept)
}

func rows(n int) []badge.Row {
	rs := make([]badge.Row, n)
	for i := range rs {
		rs[i] = badge.Row{ID: fmt.Sprintf("AE-%05d", i), Subject: fmt.Sprintf("PT-%04d", i%700), Term: "injection site reaction"}
	}
	return rs
}

func TestHiddenRenderManyRows(t *testing.T) {
	rs := rows(3000)
	got := badge.Render(rs)
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 3000 || lines[2999] != "AE-02999,PT-0199,injection site reaction" {
		t.Fatalf("Render of 3000 rows: %d lines, last %q", len(lines), lines[len(lines)-1])
	}
	if badge.Render(nil) != "" {
		t.Fatalf("Render(nil) = %q; want \"\"", badge.Render(nil))
	}
}

func TestHiddenRenderAllocatesOnce(t *testing.T) {
	rs := rows(3000)
	allocs := testing.AllocsPerRun(5, func() { _ = badge.Render(rs) })
	if allocs > 2 {
		t.Fatalf("Render of 3000 rows made %.0f allocations; want at most 2. Strings are immutable: += copies "+
			"everything built so far, and a growing buffer reallocates as it grows. Size it once.", allocs)
	}
}

func TestHiddenRenderEndsEveryLineWithANewline(t *testing.T) {
	if got, want := badge.Render([]badge.Row{{ID: "AE-7", Subject: "PT-3", Term: "rash"}}), "AE-7,PT-3,rash\n"; got != want {
		t.Fatalf("Render(one row) = %q; want %q", got, want)
	}
	rs := []badge.Row{{ID: "A", Subject: "P", Term: "x"}, {ID: "B", Subject: "Q", Term: "y"}, {ID: "C", Subject: "R", Term: "z"}}
	got := badge.Render(rs)
	lines := strings.SplitAfter(got, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) != len(rs) {
		t.Fatalf("Render(3 rows) = %q: %d lines; want 3", got, len(lines))
	}
	for i, line := range lines {
		want := rs[i].ID + "," + rs[i].Subject + "," + rs[i].Term + "\n"
		if line != want {
			t.Fatalf("Render(3 rows) = %q: line %d is %q; want %q (every line, the last one too, ends with \\n)",
				got, i+1, line, want)
		}
	}
}

func TestHiddenRenderAllocatesOnceForShortFields(t *testing.T) {
	rs := make([]badge.Row, 2000)
	for i := range rs {
		rs[i] = badge.Row{ID: string(rune('A' + i%26)), Subject: string(rune('a' + i%26)), Term: string(rune('0' + i%10))}
	}
	allocs := testing.AllocsPerRun(5, func() { _ = badge.Render(rs) })
	if allocs > 2 {
		t.Fatalf("Render of 2000 rows of one-character fields made %.0f allocations; want at most 2. With short "+
			"fields the two commas and the newline are half of every line: size the buffer for them too.", allocs)
	}
}

func TestHiddenAccessionCountsBytesNotCharacters(t *testing.T) {
	// Accession numbers from some laboratories carry non-ASCII characters; the
	// accession number is still the first 12 bytes of the message.
	for _, msg := range []string{
		"LAB·00012345|ORU^R01|", // a two-byte middle dot
		"LAB0€€€€|ORU^R01|",     // the 12th byte is inside a three-byte character
		"ÆØÅÆØÅ",                // exactly 12 bytes, but only 6 characters
		"检验科样本编号0042|ORU^R01|",  // Chinese: three bytes per character
	} {
		want := msg[:badge.AccessionLen]
		got, err := badge.Accession(msg)
		if err != nil || got != want {
			t.Errorf("Accession(%q) = %q, %v; want %q, nil: the accession number is the first AccessionLen "+
				"(12) bytes of the message, not its first 12 characters, and a message of at least 12 bytes is "+
				"not short", msg, got, err, want)
		}
	}
}

func TestHiddenRenderAllocatesOnceForLongRows(t *testing.T) {
	// Verbatim terms as the investigator wrote them: lines of well over a hundred bytes.
	rs := make([]badge.Row, 2000)
	for i := range rs {
		rs[i] = badge.Row{
			ID:      fmt.Sprintf("AE-%05d", i),
			Subject: fmt.Sprintf("PT-%04d", i%700),
			Term: fmt.Sprintf("injection site reaction with erythema and induration of %d cm, resolved after "+
				"topical corticosteroid treatment, no action taken with study drug", 2+i%9),
		}
	}
	allocs := testing.AllocsPerRun(5, func() { _ = badge.Render(rs) })
	if allocs > 2 {
		t.Fatalf("Render of 2000 rows of about 150 bytes each made %.0f allocations; want at most 2 however "+
			"long the rows are. An estimate of the size (so many bytes per row) is too small for long rows, "+
			"and the buffer reallocates as it grows: measure the rows and size it once.", allocs)
	}
	lines := strings.Split(strings.TrimSuffix(badge.Render(rs), "\n"), "\n")
	if want := rs[1999].ID + "," + rs[1999].Subject + "," + rs[1999].Term; len(lines) != 2000 || lines[1999] != want {
		t.Fatalf("Render of 2000 long rows: %d lines, last %q; want 2000, last %q", len(lines), lines[len(lines)-1], want)
	}
}
