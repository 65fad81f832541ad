package roster_test

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	roster "gokata.dev/katas/slices-remove-in-place"
)

func TestHiddenTailIsClearedForEveryPattern(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	patterns := []string{"", "K", "W", "WW", "KW", "WK", "WWKK", "KKWW", "WKWKW", "KKKK", "WWWW"}
	for range 200 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteByte("KW"[rng.IntN(2)])
		}
		patterns = append(patterns, b.String())
	}
	for _, pattern := range patterns {
		list := rosterOf(pattern)
		got := roster.RemoveWithdrawn(list)
		if ids(got) != keptIDs(pattern) {
			t.Fatalf("pattern %q: RemoveWithdrawn = %s; want %s", pattern, ids(got), keptIDs(pattern))
		}
		for i := len(got); i < len(list); i++ {
			if list[i] != nil {
				t.Fatalf("pattern %q: slot %d of the array still points at %s after the removal (array: %s); "+
					"every vacated slot, not just the last one, must be nil so removed records can be freed",
					pattern, i, list[i].PatientID, ids(list))
			}
		}
	}
}

func TestHiddenCallerSpareCapacityIsLeftAlone(t *testing.T) {
	backing := rosterOf("KWKWKK")
	list := backing[:4] // the caller keeps backing[4:] for the next enrolment wave

	got := roster.RemoveWithdrawn(list)

	if ids(got) != "[P001 P003]" {
		t.Fatalf("RemoveWithdrawn = %s; want [P001 P003]", ids(got))
	}
	if backing[4] == nil || backing[5] == nil {
		t.Fatalf("the slots beyond len(roster) were changed (array: %s). Only the slots between the new end and "+
			"len(roster) were vacated; what lies beyond len(roster) belongs to the caller.", ids(backing))
	}
}

func TestHiddenRemovesWithoutAllocating(t *testing.T) {
	template := rosterOf("KWKKWKWWKK")
	work := make([]*roster.PatientRecord, len(template))
	allocs := testing.AllocsPerRun(100, func() {
		copy(work, template)
		_ = roster.RemoveWithdrawn(work)
	})
	if allocs != 0 {
		t.Fatalf("RemoveWithdrawn allocated %.0f times per call; want 0: with a million patients a second array "+
			"doubles the roster's memory. Filter in place, reusing roster's array.", allocs)
	}
}

func TestHiddenNothingToRemove(t *testing.T) {
	list := rosterOf("KKK")
	got := roster.RemoveWithdrawn(list)
	if ids(got) != ids(list) || len(got) != 3 {
		t.Fatalf("with no withdrawn patients, RemoveWithdrawn = %s; want %s unchanged", ids(got), ids(list))
	}
	if got := roster.RemoveWithdrawn(nil); len(got) != 0 {
		t.Fatalf("RemoveWithdrawn(nil) = %s; want an empty roster", ids(got))
	}
}

// buildRosterWatchingWithdrawn returns a roster whose withdrawn records signal on
// freed once the garbage collector has freed them. The records are built here so
// that no variable of the test itself points at them.
func buildRosterWatchingWithdrawn(freed chan<- string) []*roster.PatientRecord {
	list := rosterOf("KWWKW")
	for _, p := range list {
		p.ECG = make([]byte, 1<<20)
		if p.Withdrawn {
			runtime.AddCleanup(p, func(id string) { freed <- id }, p.PatientID)
		}
	}
	return list
}

func TestHiddenWithdrawnRecordsAreFreed(t *testing.T) {
	freed := make(chan string, 3)
	list := buildRosterWatchingWithdrawn(freed)

	kept := roster.RemoveWithdrawn(list)

	got := map[string]bool{}
	deadline := time.Now().Add(time.Second)
	for len(got) < 3 && time.Now().Before(deadline) {
		runtime.GC()
		select {
		case id := <-freed:
			got[id] = true
		case <-time.After(20 * time.Millisecond):
		}
	}
	if len(got) < 3 {
		t.Fatalf("only %d of the 3 withdrawn records (1 MB of ECG each) were freed by the garbage collector while "+
			"the roster's array was still in use (array: %s). A stale pointer in a vacated slot keeps a record "+
			"alive as long as the array lives.", len(got), ids(list))
	}
	runtime.KeepAlive(kept)
	runtime.KeepAlive(list)
}

func TestHiddenLargeWithdrawalWaveIsCleared(t *testing.T) {
	// After a large wave of withdrawals, hundreds or thousands of slots are vacated at once.
	rng := rand.New(rand.NewPCG(23, 5))
	patterns := []string{
		strings.Repeat("W", 1000),
		strings.Repeat("K", 300) + strings.Repeat("W", 700),
		strings.Repeat("W", 700) + strings.Repeat("K", 300),
		strings.Repeat("KWWW", 500),
	}
	for _, n := range []int{150, 1000, 5000} {
		var b strings.Builder
		for range n {
			b.WriteByte("KWW"[rng.IntN(3)])
		}
		patterns = append(patterns, b.String())
	}
	for _, pattern := range patterns {
		list := rosterOf(pattern)
		want := keptIDs(pattern)
		got := roster.RemoveWithdrawn(list)
		if ids(got) != want {
			t.Fatalf("a roster of %d patients, %d withdrawn: RemoveWithdrawn returned %d patients, not the %d "+
				"kept ones in their original order", len(pattern), strings.Count(pattern, "W"), len(got),
				len(pattern)-strings.Count(pattern, "W"))
		}
		for i := len(got); i < len(list); i++ {
			if list[i] != nil {
				t.Fatalf("a roster of %d patients, %d withdrawn: slot %d of the array (of the %d vacated, from %d "+
					"to %d) still points at %s after the removal. Every vacated slot must be nil, however many "+
					"patients withdrew at once, so that their records can be freed.", len(pattern),
					strings.Count(pattern, "W"), i, len(list)-len(got), len(got), len(list)-1, list[i].PatientID)
			}
		}
	}
}

func TestHiddenResultReusesTheRostersArray(t *testing.T) {
	for _, pattern := range []string{"W", "WWWW", "KWK", "WWWK", "KKKW", strings.Repeat("W", 40)} {
		list := rosterOf(pattern)
		got := roster.RemoveWithdrawn(list)
		if got == nil || cap(got) != cap(list) {
			t.Fatalf("pattern %q: RemoveWithdrawn returned a slice with cap %d (nil: %t); want roster's array "+
				"reused, cap %d, even when every patient withdrew: the service appends its next enrolments to "+
				"the result, and a new array means allocating a million-slot roster again.",
				pattern, cap(got), got == nil, cap(list))
		}
		got = append(got, &roster.PatientRecord{PatientID: "NEW-001", SiteID: "SITE-02"})
		if &got[0] != &list[0] {
			t.Fatalf("pattern %q: the result does not start at roster's array; want the result to reuse it "+
				"(in place, no allocation)", pattern)
		}
	}
}
