// Mutant (blind: written from the README and starter only).
// Flaw: copies with append onto a nil slice, so a non-nil snapshot with n clamped to 0 (or an empty snapshot) gives nil instead of an empty non-nil slice.
// Violates: "a non-nil snapshot always gives a non-nil result, even an empty one."

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
func FirstN(snapshot []PatientRecord, n int) []PatientRecord {
	n = max(0, min(n, len(snapshot)))
	return append([]PatientRecord(nil), snapshot[:n]...)
}
