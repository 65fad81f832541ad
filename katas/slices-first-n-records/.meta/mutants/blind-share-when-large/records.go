// Package records holds helpers for the enrolment snapshots of a clinical trial.
package records

type PatientRecord struct {
	PatientID  string
	SiteID     string
	Status     string
	LastUpdate int64
}


// Copies only small results (< 1000 records); larger ones share the snapshot array.
func FirstN(snapshot []PatientRecord, n int) []PatientRecord {
	if snapshot == nil {
		return nil
	}
	n = max(0, min(n, len(snapshot)))
	if n >= 1000 {
		return snapshot[:n:n]
	}
	out := make([]PatientRecord, n)
	copy(out, snapshot)
	return out
}
