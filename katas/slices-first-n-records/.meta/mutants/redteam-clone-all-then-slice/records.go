// Mutant (red team: written from the README and starter only).
// Flaw: clones the whole snapshot and returns its first n records: independent, but each result holds a copy of
// the entire snapshot.
// Violates: "Holding the result must not keep ... any other array sized after the snapshot".

// Package records holds helpers for the enrolment snapshots of a clinical trial.
package records

import "slices"

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
	n = max(0, min(n, len(snapshot)))
	// Clone first so nothing is shared, then take the first n.
	return slices.Clone(snapshot)[:n]
}
