package roster

import (
	"testing"
	"unsafe"
)

func TestRemoveWithdrawnKeepsTheOthersInOrder(t *testing.T) {
	roster := rosterOf("KWKKWK")

	got := RemoveWithdrawn(roster)

	if ids(got) != keptIDs("KWKKWK") {
		t.Fatalf("RemoveWithdrawn = %s; want %s", ids(got), keptIDs("KWKKWK"))
	}
}

func TestRemoveWithdrawnReusesTheArray(t *testing.T) {
	roster := rosterOf("KWKKWK")

	got := RemoveWithdrawn(roster)

	if unsafe.SliceData(got) != unsafe.SliceData(roster) {
		t.Fatalf("the result lives in a new array; want it to reuse roster's array (no allocation for a million patients)")
	}
}

func TestRemoveWithdrawnClearsTheVacatedSlots(t *testing.T) {
	roster := rosterOf("KWKKWK")

	got := RemoveWithdrawn(roster)

	tail := roster[len(got):]
	for i, p := range tail {
		if p != nil {
			t.Fatalf("roster[%d] still points at %s after the removal (whole array: %s). The slots after the new "+
				"end are invisible through the result but still reachable through the array, so the garbage "+
				"collector keeps those records and their ECG data; set them to nil.",
				len(got)+i, p.PatientID, ids(roster))
		}
	}
}
