package batching_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	batching "gokata.dev/katas/slices-batch-ids"
)

func numberedIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("P%03d", i+1)
	}
	return ids
}

func TestHiddenEveryBatchAppendsIndependently(t *testing.T) {
	for n := 0; n <= 13; n++ {
		for size := 1; size <= 5; size++ {
			ids := numberedIDs(n)
			orig := slices.Clone(ids)
			batches := batching.Batches(ids, size)
			want := make([][]string, len(batches))
			for i, b := range batches {
				want[i] = slices.Clone(b)
			}

			for i := range batches {
				for k := range 3 {
					extra := fmt.Sprintf("CHK-%d-%d", i, k)
					batches[i] = append(batches[i], extra)
					want[i] = append(want[i], extra)
				}
			}

			for i := range batches {
				if !slices.Equal(batches[i], want[i]) {
					t.Fatalf("%d IDs in batches of %d: batch %d is %q after every job appended 3 control IDs; "+
						"want %q. Appending to one batch overwrote another one.", n, size, i, batches[i], want[i])
				}
			}
			if !slices.Equal(ids, orig) {
				t.Fatalf("%d IDs in batches of %d: the caller's ids changed to %q", n, size, ids)
			}
		}
	}
}

func TestHiddenLastBatchLeavesCallerSpareCapacityAlone(t *testing.T) {
	// The caller keeps a larger array and hands over only its first 5 IDs.
	backing := []string{"P01", "P02", "P03", "P04", "P05", "NEXT-RUN-1", "NEXT-RUN-2"}
	ids := backing[:5]

	batches := batching.Batches(ids, 2)
	last := len(batches) - 1
	batches[last] = append(batches[last], "CHK-LAST")

	if backing[5] != "NEXT-RUN-1" {
		t.Fatalf("after the last job appended to its batch, the caller's array holds %q where it kept %q. "+
			"The last batch is not safe just because nothing of ids comes after it: ids itself may have "+
			"spare capacity that belongs to the caller.", backing[5], "NEXT-RUN-1")
	}
}

func TestHiddenSizeLargerThanInput(t *testing.T) {
	backing := []string{"P01", "P02", "P03", "KEEP"}
	ids := backing[:3]

	batches := batching.Batches(ids, 10)
	if len(batches) != 1 || !slices.Equal(batches[0], ids) {
		t.Fatalf("Batches(3 IDs, 10) = %q; want one batch with all 3 IDs", batches)
	}
	batches[0] = append(batches[0], "CHK")
	if backing[3] != "KEEP" {
		t.Fatalf("appending to the only batch overwrote the caller's array (%q)", backing)
	}
}

func TestHiddenParallelUploadJobs(t *testing.T) {
	ids := numberedIDs(40)
	batches := batching.Batches(ids, 4)
	want := make([][]string, len(batches))
	for i, b := range batches {
		want[i] = append(slices.Clone(b), fmt.Sprintf("CHK-%d", i))
	}

	// Each job appends its control ID and then reads its whole batch, as an
	// upload does. Overlapping batches show up as wrong IDs or as a data race.
	got := make([][]string, len(batches))
	var wg sync.WaitGroup
	for i := range batches {
		wg.Go(func() {
			b := append(batches[i], fmt.Sprintf("CHK-%d", i))
			got[i] = slices.Clone(b)
		})
	}
	wg.Wait()

	for i := range got {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("upload job %d sent %q; want %q", i, got[i], want[i])
		}
	}
}

func TestHiddenNoIDsGiveNoBatches(t *testing.T) {
	for _, ids := range [][]string{nil, {}} {
		if got := batching.Batches(ids, 3); len(got) != 0 {
			t.Errorf("Batches(%#v, 3) = %q; want no batches", ids, got)
		}
	}
}

func TestHiddenSizeBelowOnePanics(t *testing.T) {
	for _, ids := range [][]string{{"P01"}, numberedIDs(7), nil, {}} {
		for _, size := range []int{0, -1, -3} {
			func() {
				defer func() {
					if recover() == nil {
						desc := fmt.Sprintf("%d IDs", len(ids))
						if ids == nil {
							desc = "nil"
						}
						t.Errorf("Batches(%s, %d) returned; want a panic. A batch size below 1 is a bug in the "+
							"caller, and size < 1 panics whether or not there are any IDs to split.", desc, size)
					}
				}()
				batching.Batches(ids, size)
			}()
		}
	}
}

func TestHiddenLargeInputsAppendIndependently(t *testing.T) {
	// A busy night: hundreds of patient IDs, not a handful.
	for _, n := range []int{100, 257, 1000} {
		for _, size := range []int{1, 7, 100} {
			backing := append(numberedIDs(n), "NEXT-RUN-1", "NEXT-RUN-2")
			ids := backing[:n]
			orig := slices.Clone(ids)
			batches := batching.Batches(ids, size)
			if want := (n + size - 1) / size; len(batches) != want {
				t.Fatalf("Batches(%d IDs, %d) gave %d batches; want %d", n, size, len(batches), want)
			}
			want := make([][]string, len(batches))
			for i, b := range batches {
				want[i] = slices.Clone(b)
			}

			for i := range batches {
				for k := range 3 {
					extra := fmt.Sprintf("CHK-%d-%d", i, k)
					batches[i] = append(batches[i], extra)
					want[i] = append(want[i], extra)
				}
			}

			for i := range batches {
				if !slices.Equal(batches[i], want[i]) {
					t.Fatalf("%d IDs in batches of %d: batch %d is %q after every job appended 3 control IDs; "+
						"want %q. Appending to one batch overwrote another one, whatever the number of IDs.",
						n, size, i, batches[i], want[i])
				}
			}
			if !slices.Equal(ids, orig) {
				t.Fatalf("%d IDs in batches of %d: appending to the batches changed the caller's ids", n, size)
			}
			if backing[n] != "NEXT-RUN-1" || backing[n+1] != "NEXT-RUN-2" {
				t.Fatalf("%d IDs in batches of %d: appending to the last batch overwrote what the caller keeps "+
					"after ids (%q)", n, size, backing[n:])
			}
		}
	}
}
