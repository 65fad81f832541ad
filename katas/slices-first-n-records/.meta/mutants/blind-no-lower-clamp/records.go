// Mutant (blind: written from the README and starter only).
// Flaw: clamps n only from above, so a negative n makes make() panic instead of giving an empty result.
// Violates: "Return the first `n` records, with `n` clamped to `0..len(snapshot)`."

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
	if snapshot == nil {
		return nil
	}
	n = min(n, len(snapshot))
	out := make([]PatientRecord, n)
	copy(out, snapshot)
	return out
}
