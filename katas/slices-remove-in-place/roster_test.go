package roster_test

import (
	"testing"
	"unsafe"

	roster "gokata.dev/katas/slices-remove-in-place"
)

func TestRemoveWithdrawnKeepsTheOthersInOrder(t *testing.T) {
	list := rosterOf("KWKKWK")

	got := roster.RemoveWithdrawn(list)

	if ids(got) != keptIDs("KWKKWK") {
		t.Fatalf("RemoveWithdrawn = %s; want %s", ids(got), keptIDs("KWKKWK"))
	}
}

func TestRemoveWithdrawnReusesTheArray(t *testing.T) {
	list := rosterOf("KWKKWK")

	got := roster.RemoveWithdrawn(list)

	if unsafe.SliceData(got) != unsafe.SliceData(list) {
		t.Fatalf("the result lives in a new array; want it to reuse roster's array (no allocation for a million patients)")
	}
}

func TestRemoveWithdrawnClearsTheVacatedSlots(t *testing.T) {
	list := rosterOf("KWKKWK")

	got := roster.RemoveWithdrawn(list)

	tail := list[len(got):]
	for i, p := range tail {
		if p != nil {
			t.Fatalf("roster[%d] still points at %s after the removal (whole array: %s). The slots after the new "+
				"end are invisible through the result but still reachable through the array, so the garbage "+
				"collector keeps those records and their ECG data; set them to nil.",
				len(got)+i, p.PatientID, ids(list))
		}
	}
}
