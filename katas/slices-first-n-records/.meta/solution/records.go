// Package records holds helpers for the enrolment snapshots of a clinical trial.
package records

// PatientRecord is one de-identified patient in an enrolment snapshot.
// Every field is a plain value, so copying the struct copies the record.
type PatientRecord struct {
	PatientID  string
	SiteID     string
	Status     string // "Screening", "Enrolled", "Completed" or "Withdrawn"
	LastUpdate int64  // Unix seconds
}

// FirstN returns the first n records of snapshot for a short-lived report job.
//
// The report job edits the records it gets (it marks them "Processing"), and it
// may keep them for hours after the snapshot itself is dropped. So the result
// must be independent of snapshot: writes to one never show in the other, and
// holding the result must not keep snapshot's (very large) array in memory.
//
// n is clamped to 0..len(snapshot). A nil snapshot gives nil; a non-nil
// snapshot always gives a non-nil result, even when it is empty.
func FirstN(snapshot []PatientRecord, n int) []PatientRecord {
	if snapshot == nil {
		// Callers tell "no snapshot loaded" (nil) from "snapshot with no patients" (empty).
		return nil
	}
	n = max(0, min(n, len(snapshot)))
	// A fresh array: a reslice (even snapshot[:n:n]) would share, and pin, the snapshot's array.
	// make also gives a non-nil empty slice for n == 0 that points at no part of snapshot.
	out := make([]PatientRecord, n)
	copy(out, snapshot)
	return out
}
