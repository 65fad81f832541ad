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
//
// A roster can hold a million patients, so RemoveWithdrawn must not allocate:
// the result reuses roster's array. The service keeps that array and appends
// to it later, so the slots between the new end and len(roster) must not go
// on pointing at records: a withdrawn patient's record (and ECG data) must
// become garbage. Slots beyond len(roster) belong to the caller: leave them alone.
//
// roster never contains nil entries.
func RemoveWithdrawn(roster []*PatientRecord) []*PatientRecord {
	kept := roster[:0]
	for _, p := range roster {
		if !p.Withdrawn {
			kept = append(kept, p)
		}
	}
	// The single-delete idiom: it clears one slot, but several may have been vacated.
	if len(kept) < len(roster) {
		roster[len(roster)-1] = nil
	}
	return kept
}
