// Mutant (blind: written from the README and starter only).
// Flaw: clears everything after the new end up to cap(roster), wiping the caller's spare-capacity slots as well as the vacated ones.
// Violates: "Slots beyond `len(roster)` (spare capacity) belong to the caller: leave them alone."

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

// RemoveWithdrawn removes the withdrawn patients from roster in place and
// returns the shortened roster, keeping the order of the others.
func RemoveWithdrawn(roster []*PatientRecord) []*PatientRecord {
	kept := roster[:0]
	for _, p := range roster {
		if !p.Withdrawn {
			kept = append(kept, p)
		}
	}
	// Drop every pointer after the new end so the GC can free the records.
	clear(kept[len(kept):cap(kept)])
	return kept
}
