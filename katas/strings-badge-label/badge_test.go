package badge_test

import (
	"errors"
	"testing"

	"gokata.dev/katas/strings-badge-label"
)

func TestLabelKeepsAShortName(t *testing.T) {
	if got := badge.Label("Zoë Núñez", 12); got != "Zoë Núñez" {
		t.Fatalf("Label(%q, 12) = %q; want the name unchanged: it has 9 characters (but 12 bytes)", "Zoë Núñez", got)
	}
}

func TestLabelCutsByCharacters(t *testing.T) {
	name := "Hôpital Saint-Éloi"
	want := "Hôpital S…"
	if got := badge.Label(name, 10); got != want {
		t.Fatalf("Label(%q, 10) = %q; want %q (9 characters and an ellipsis). "+
			"len and s[:n] count bytes, and ô takes two.", name, got, want)
	}
}

func TestBaseNameRemovesTheExtension(t *testing.T) {
	if got := badge.BaseName("visit_records.csv"); got != "visit_records" {
		t.Fatalf("BaseName(%q) = %q; want %q", "visit_records.csv", got, "visit_records")
	}
}

func TestAccessionIsTheFirstTwelveBytes(t *testing.T) {
	got, err := badge.Accession("LAB000123456|ORU^R01|glucose=5.4")
	if err != nil || got != "LAB000123456" {
		t.Fatalf("Accession = %q, %v; want %q, nil", got, err, "LAB000123456")
	}
	if _, err := badge.Accession("LAB0001"); !errors.Is(err, badge.ErrShort) {
		t.Fatalf("Accession of a 7-byte message: error %v; want ErrShort", err)
	}
}

func TestRenderLines(t *testing.T) {
	rows := []badge.Row{{"AE-1", "PT-0042", "headache"}, {"AE-2", "PT-0007", "nausea"}}
	want := "AE-1,PT-0042,headache\nAE-2,PT-0007,nausea\n"
	if got := badge.Render(rows); got != want {
		t.Fatalf("Render = %q; want %q", got, want)
	}
}
