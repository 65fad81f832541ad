// Mutant (blind: written from the README and starter only).
// Flaw: uses the old clone idiom append(s[:0:0], ...), so an empty result (n clamped to 0) is a zero-capacity slice that still points at the snapshot's array and keeps it alive.
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

// FirstN returns an independent copy of the first n records of snapshot.
// snapshot[:0:0] keeps nil nil and non-nil non-nil, and with zero capacity
// append has to copy into a new array.
func FirstN(snapshot []PatientRecord, n int) []PatientRecord {
	n = max(0, min(n, len(snapshot)))
	return append(snapshot[:0:0], snapshot[:n]...)
}
