// Package roster maintains the in-memory roster of a trial's active patients.
package roster

type PatientRecord struct {
	PatientID string
	SiteID    string
	Withdrawn bool
	ECG       []byte
}


// Returns nil when everybody withdrew: the result no longer reuses the array.
func RemoveWithdrawn(roster []*PatientRecord) []*PatientRecord {
	kept := roster[:0]
	for _, p := range roster {
		if !p.Withdrawn {
			kept = append(kept, p)
		}
	}
	clear(roster[len(kept):])
	if len(kept) == 0 {
		return nil
	}
	return kept
}
