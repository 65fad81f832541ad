// Mutant (blind: written from the README and starter only).
// Flaw: when every patient has withdrawn it takes a shortcut and returns roster[:0] without clearing, so all the withdrawn records stay reachable through the array.
// Violates: "After the call, nothing in the slots between the new end and `len(roster)` may keep a record alive."

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
	// Find the first withdrawn patient: everything before it stays put.
	i := 0
	for i < len(roster) && !roster[i].Withdrawn {
		i++
	}
	if i == len(roster) {
		return roster // nobody withdrew
	}
	kept := roster[:i]
	for _, p := range roster[i+1:] {
		if !p.Withdrawn {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return roster[:0] // everybody withdrew: the roster is simply empty
	}
	clear(roster[len(kept):])
	return kept
}
