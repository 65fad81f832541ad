package records_test

import (
	"fmt"
	"testing"
	"unsafe"

	records "gokata.dev/katas/slices-first-n-records"
)

// keepAlive makes test snapshots escape to the heap, as real snapshots do, so the
// address checks below compare heap arrays and never neighbouring stack slots.
var keepAlive [][]records.PatientRecord

// snapshotOf builds a heap-allocated snapshot of n distinct records.
func snapshotOf(n int) []records.PatientRecord {
	s := make([]records.PatientRecord, n)
	for i := range s {
		s[i] = records.PatientRecord{
			PatientID:  fmt.Sprintf("P%05d", i+1),
			SiteID:     fmt.Sprintf("SITE-%02d", i%7+1),
			Status:     "Enrolled",
			LastUpdate: 1_700_000_000 + int64(i),
		}
	}
	keepAlive = append(keepAlive, s)
	return s
}

// pointsIntoArrayOf reports whether got's data pointer lies inside the array
// behind snapshot (from snapshot[0] to the end of its capacity). If it does,
// got keeps that whole array reachable for as long as got lives.
func pointsIntoArrayOf(got, snapshot []records.PatientRecord) bool {
	if cap(snapshot) == 0 {
		return false
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(snapshot)))
	end := start + uintptr(cap(snapshot))*unsafe.Sizeof(records.PatientRecord{})
	p := uintptr(unsafe.Pointer(unsafe.SliceData(got)))
	return p >= start && p < end
}

func describe(s []records.PatientRecord) string {
	return fmt.Sprintf("len=%d cap=%d nil=%t", len(s), cap(s), s == nil)
}

func mustEqualRecords(t *testing.T, got, want []records.PatientRecord) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("record %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
