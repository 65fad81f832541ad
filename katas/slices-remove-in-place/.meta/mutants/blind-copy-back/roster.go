// Mutant (blind: written from the README and starter only).
// Flaw: filters into a freshly allocated scratch slice and copies the result back, so the result reuses roster's array but every call allocates.
// Violates: "Work in place: no allocation, the result reuses `roster`'s array."

// Package roster maintains the in-memory roster of a trial's active patients.
package roster

// PatientRecord is one patient on the roster. ECG holds the patient's raw ECG
// recordings, often several megabytes.
type PatientRecord struct {
	PatientID string
	SiteID    string
	Withdrawn bool
	ECG       []byte
}

// RemoveWithdrawn removes the withdrawn patients from roster and returns the
// shortened roster in roster's own array, keeping the order of the others.
func RemoveWithdrawn(roster []*PatientRecord) []*PatientRecord {
	var kept []*PatientRecord
	for _, p := range roster {
		if !p.Withdrawn {
			kept = append(kept, p)
		}
	}
	n := copy(roster, kept)
	clear(roster[n:]) // the vacated slots must not keep records alive
	return roster[:n]
}
