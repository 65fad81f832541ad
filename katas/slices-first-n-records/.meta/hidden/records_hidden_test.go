package records_test

import (
	"slices"
	"testing"

	records "gokata.dev/katas/slices-first-n-records"
)

func TestHiddenSnapshotEditsDoNotShowInResult(t *testing.T) {
	snapshot := snapshotOf(8)
	got := records.FirstN(snapshot, 4)

	snapshot[0].Status = "Withdrawn"
	snapshot[3].SiteID = "SITE-99"

	if got[0].Status != "Enrolled" || got[3].SiteID == "SITE-99" {
		t.Fatalf("a later edit of the snapshot changed the report job's records (%+v, %+v): "+
			"the result must be a copy, not a view of the snapshot", got[0], got[3])
	}
}

func TestHiddenAppendToResultDoesNotOverwriteSnapshot(t *testing.T) {
	snapshot := snapshotOf(6)
	want := slices.Clone(snapshot)

	got := records.FirstN(snapshot, 2)
	_ = append(got, records.PatientRecord{PatientID: "EXTRA", Status: "Screening"})

	mustEqualRecords(t, snapshot, want)
}

func TestHiddenShortResultDoesNotPinSnapshot(t *testing.T) {
	snapshot := snapshotOf(20_000)

	for _, n := range []int{1, 3, 100} {
		got := records.FirstN(snapshot, n)
		if pointsIntoArrayOf(got, snapshot) {
			t.Fatalf("FirstN(snapshot of 20,000, %d) points into the snapshot's array (%s). "+
				"Capping the capacity (s[:n:n]) only makes append reallocate; the result still keeps "+
				"the whole snapshot alive. Only a copy into a new array frees it.", n, describe(got))
		}
	}
}

func TestHiddenEmptyResultDoesNotPinSnapshot(t *testing.T) {
	snapshot := snapshotOf(20_000)

	for _, n := range []int{0, -3} {
		got := records.FirstN(snapshot, n)
		if got == nil || len(got) != 0 {
			t.Fatalf("FirstN(snapshot of 20,000, %d) = %s; want an empty, non-nil slice", n, describe(got))
		}
		if pointsIntoArrayOf(got, snapshot) {
			t.Fatalf("FirstN(snapshot of 20,000, %d) returned an empty slice that still points into the "+
				"snapshot's array (%s). An empty slice holds no records but its pointer keeps the whole "+
				"array alive. s[:0:0], and append(s[:0:0], ...) when nothing is appended, do exactly this.", n, describe(got))
		}
	}
}

func TestHiddenNilAndEmptyStayApart(t *testing.T) {
	for _, n := range []int{-1, 0, 3} {
		if got := records.FirstN(nil, n); got != nil {
			t.Errorf("FirstN(nil, %d) = %s; want nil (\"no snapshot loaded\")", n, describe(got))
		}
		if got := records.FirstN([]records.PatientRecord{}, n); got == nil || len(got) != 0 {
			t.Errorf("FirstN(empty non-nil snapshot, %d) = %s; want an empty, non-nil slice "+
				"(\"snapshot loaded, no patients\"). append([]T(nil), s...) and friends turn empty into nil.",
				n, describe(got))
		}
		if got := records.FirstN(snapshotOf(4), min(n, 0)); got == nil {
			t.Errorf("FirstN(snapshot of 4, %d) = nil; want an empty, non-nil slice: "+
				"a loaded snapshot always gives a non-nil result", min(n, 0))
		}
	}
}

func TestHiddenNIsClamped(t *testing.T) {
	snapshot := snapshotOf(5)
	want := slices.Clone(snapshot)

	got := records.FirstN(snapshot, 50)
	mustEqualRecords(t, got, want)
	got[4].Status = "Completed"
	if snapshot[4].Status != "Enrolled" {
		t.Fatalf("FirstN(snapshot, n > len) must still copy: editing its result changed the snapshot")
	}

	if got := records.FirstN(snapshot, -1); len(got) != 0 {
		t.Fatalf("FirstN(snapshot, -1) has %d records; want 0", len(got))
	}
}
