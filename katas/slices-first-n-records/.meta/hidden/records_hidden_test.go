package records_test

import (
	"runtime"
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

func TestHiddenResultCapacityFollowsItsLength(t *testing.T) {
	snapshot := snapshotOf(20_000)

	for _, n := range []int{0, 1, 3, 100, 1000} {
		got := records.FirstN(snapshot, n)
		if limit := 2*len(got) + 16; cap(got) > limit {
			t.Fatalf("FirstN(snapshot of 20,000, %d) = %s: it holds %d records but keeps room for %d. "+
				"That memory stays in use for as long as the report job holds the result, just like the "+
				"snapshot it came from; want a capacity close to its length (at most %d).",
				n, describe(got), len(got), cap(got), limit)
		}
	}
}

func TestHiddenResultHoldsMemoryOnlyForItsOwnRecords(t *testing.T) {
	snapshot := snapshotOf(50_000)
	var results [8][]records.PatientRecord
	var before, after runtime.MemStats

	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range results {
		results[i] = records.FirstN(snapshot, 2+i)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(&results)

	for i, got := range results {
		if len(got) != 2+i {
			t.Fatalf("FirstN(snapshot of 50,000, %d) has %d records; want %d", 2+i, len(got), 2+i)
		}
	}
	if held := int64(after.HeapAlloc) - int64(before.HeapAlloc); held > 1<<20 {
		t.Fatalf("8 results of 2 to 9 records each, taken from a snapshot of 50,000, still hold %d KB after a "+
			"garbage collection; want a few KB. A result must hold memory for its own records only, not "+
			"for an array sized after the snapshot.", held>>10)
	}
}

func TestHiddenEmptySnapshotWithSpareCapacityIsNotPinned(t *testing.T) {
	// Loaded, no patients enrolled yet, room already reserved for the enrolment.
	snapshot := make([]records.PatientRecord, 0, 20_000)
	keepAlive = append(keepAlive, snapshot)

	for _, n := range []int{0, 5, -1} {
		got := records.FirstN(snapshot, n)
		if got == nil || len(got) != 0 {
			t.Fatalf("FirstN(empty snapshot with room for 20,000, %d) = %s; want an empty, non-nil slice",
				n, describe(got))
		}
		if pointsIntoArrayOf(got, snapshot) {
			t.Fatalf("FirstN(empty snapshot with room for 20,000, %d) = %s points into the snapshot's array: "+
				"an empty result must not keep the snapshot's array alive either, and appending to it "+
				"would write into the snapshot's spare room.", n, describe(got))
		}
	}
}

func TestHiddenLargeResultsAreCompactIndependentCopies(t *testing.T) {
	// Some report jobs ask for thousands of records, not a handful.
	snapshot := snapshotOf(30_000)

	for _, n := range []int{1000, 5000, 20_000} {
		got := records.FirstN(snapshot, n)
		if len(got) != n {
			t.Fatalf("FirstN(snapshot of 30,000, %d) has %d records; want %d", n, len(got), n)
		}
		if pointsIntoArrayOf(got, snapshot) {
			t.Fatalf("FirstN(snapshot of 30,000, %d) points into the snapshot's array (%s). However many records "+
				"are asked for, the result is independent of the snapshot and must not keep its array alive: "+
				"copy into a new array.", n, describe(got))
		}
		got[n-1].Status = "Processing"
		if snapshot[n-1].Status != "Enrolled" {
			t.Fatalf("FirstN(snapshot of 30,000, %d): marking the last result record \"Processing\" changed the "+
				"snapshot; the result must be a copy", n)
		}
		// An append loop grows a large slice by about 1.25x, and slices.Clone rounds up to the allocator's
		// size class; reserving twice the length is memory for records the result does not have.
		if limit := len(got) + 3*len(got)/5 + 64; cap(got) > limit {
			t.Fatalf("FirstN(snapshot of 30,000, %d) = %s: it holds %d records but keeps room for %d. "+
				"The result holds memory for its own records only, for as long as the report job keeps it; "+
				"want a capacity close to its length (at most %d here), not spare room to append.",
				n, describe(got), len(got), cap(got), limit)
		}
	}
}
