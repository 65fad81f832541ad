// Mutant (red team: found by an external reviewer who read only the README and the starter).
// Flaw: copies into make([]PatientRecord, n, cap(snapshot)), so every result, even an empty one, holds a fresh
// array as large as the snapshot: the same memory the README's incident was about.
// Violates: "Holding the result must not keep the snapshot's array alive, nor any other array sized after the
// snapshot".

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
		return nil
	}
	n = max(0, min(n, len(snapshot)))
	// Room to grow like the snapshot did, in an array of its own.
	out := make([]PatientRecord, n, cap(snapshot))
	copy(out, snapshot)
	return out
}
