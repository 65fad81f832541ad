// Package records holds helpers for the enrolment snapshots of a clinical trial.
package records

type PatientRecord struct {
	PatientID  string
	SiteID     string
	Status     string
	LastUpdate int64
}

// Leaves room for the report job to append: capacity is twice the length plus 8.
func FirstN(snapshot []PatientRecord, n int) []PatientRecord {
	if snapshot == nil {
		return nil
	}
	n = max(0, min(n, len(snapshot)))
	out := make([]PatientRecord, n, 2*n+8)
	copy(out, snapshot)
	return out
}
