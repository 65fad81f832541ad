package records_test

import (
	"slices"
	"testing"

	records "gokata.dev/katas/slices-first-n-records"
)

func TestFirstNReturnsTheFirstRecords(t *testing.T) {
	snapshot := snapshotOf(10)
	want := slices.Clone(snapshot[:3])

	got := records.FirstN(snapshot, 3)

	mustEqualRecords(t, got, want)
}

func TestFirstNResultCanBeEditedWithoutTouchingTheSnapshot(t *testing.T) {
	snapshot := snapshotOf(10)

	got := records.FirstN(snapshot, 2)
	for i := range got {
		got[i].Status = "Processing"
	}

	for i, r := range snapshot[:2] {
		if r.Status != "Enrolled" {
			t.Fatalf("snapshot[%d].Status = %q after the report job edited its copy; want %q. "+
				"The result shares the snapshot's backing array, so every other reader of the "+
				"snapshot now sees the report job's edits.", i, r.Status, "Enrolled")
		}
	}
}

func TestFirstNDoesNotKeepTheSnapshotArrayAlive(t *testing.T) {
	snapshot := snapshotOf(10_000)

	got := records.FirstN(snapshot, 2)

	if pointsIntoArrayOf(got, snapshot) {
		t.Fatalf("the 2-record result points into the 10,000-record snapshot's array (%s): while the "+
			"report job holds those 2 records, the garbage collector cannot free the whole snapshot. "+
			"The result needs an array of its own.", describe(got))
	}
}

func TestFirstNOfNilIsNil(t *testing.T) {
	if got := records.FirstN(nil, 5); got != nil {
		t.Fatalf("FirstN(nil, 5) = %s; want nil: nil means \"no snapshot loaded\"", describe(got))
	}
}
