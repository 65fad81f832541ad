// Mutant (red team: written from the README and starter only).
// Flaw: returns an empty snapshot itself (to keep nil and empty apart), so an empty snapshot with spare capacity
// is pinned by the result, and appending to the result writes into the snapshot's array.
// Violates: "Holding the result must not keep the snapshot's array alive."

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
	if len(snapshot) == 0 {
		// nil stays nil and empty stays empty: nothing to copy.
		return snapshot
	}
	n = max(0, min(n, len(snapshot)))
	out := make([]PatientRecord, n)
	copy(out, snapshot)
	return out
}
