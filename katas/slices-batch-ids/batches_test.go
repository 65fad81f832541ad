package batching_test

import (
	"slices"
	"testing"

	batching "gokata.dev/katas/slices-batch-ids"
)

func TestBatchesSplitsInOrder(t *testing.T) {
	ids := []string{"P01", "P02", "P03", "P04", "P05", "P06", "P07"}

	got := batching.Batches(ids, 3)

	want := [][]string{{"P01", "P02", "P03"}, {"P04", "P05", "P06"}, {"P07"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("Batches(7 IDs, 3) = %q; want %q", got, want)
	}
}

func TestAppendingToABatchKeepsTheNextBatch(t *testing.T) {
	ids := []string{"P01", "P02", "P03", "P04", "P05", "P06"}

	batches := batching.Batches(ids, 3)
	batches[0] = append(batches[0], "CHK-A")

	if batches[1][0] != "P04" {
		t.Fatalf("after the first upload job appended its control ID, the second batch starts with %q; "+
			"want %q. The first batch's spare capacity was the second batch's memory, so append wrote "+
			"over a patient ID that another job is about to upload.", batches[1][0], "P04")
	}
	if ids[3] != "P04" {
		t.Fatalf("ids[3] = %q after a job appended to its batch; want %q: the caller's IDs changed", ids[3], "P04")
	}
}
