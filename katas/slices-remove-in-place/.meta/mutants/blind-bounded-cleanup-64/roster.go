// Package roster maintains the in-memory roster of a trial's active patients.
package roster

type PatientRecord struct {
	PatientID string
	SiteID    string
	Withdrawn bool
	ECG       []byte
}


// Clears at most 64 vacated slots per call ("bounded pause"): large withdrawal
// waves leave records alive.
func RemoveWithdrawn(roster []*PatientRecord) []*PatientRecord {
	kept := roster[:0]
	for _, p := range roster {
		if !p.Withdrawn {
			kept = append(kept, p)
		}
	}
	tail := roster[len(kept):]
	if len(tail) > 64 {
		tail = tail[:64]
	}
	clear(tail)
	return kept
}
