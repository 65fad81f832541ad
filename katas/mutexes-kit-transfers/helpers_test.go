package ipsupply_test

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"gokata.dev/katas/mutexes-kit-transfers"
)

// guard is how long a batch of transfers may take before the test calls it a
// deadlock. Correct code needs a few milliseconds.
const guard = 2 * time.Second

// finishes runs work in a goroutine and reports whether it returned within
// guard. A deadlocked work is left blocked: nothing can release it.
func finishes(work func()) bool {
	done := make(chan struct{})
	go func() {
		defer close(done)
		work()
	}()
	select {
	case <-done:
		return true
	case <-time.After(guard):
		return false
	}
}

// transferMany runs, for each pair (i, j) given, a goroutine that moves one
// kit from depots[i] to depots[j] rounds times.
func transferMany(t *testing.T, depots []*ipsupply.Depot, pairs [][2]int, rounds int) {
	t.Helper()
	var wg sync.WaitGroup
	for _, p := range pairs {
		from, to := depots[p[0]], depots[p[1]]
		wg.Go(func() {
			for range rounds {
				if err := ipsupply.Transfer(from, to, 1); err != nil && err != ipsupply.ErrInsufficientStock {
					t.Errorf("Transfer(%s -> %s, 1): %v", from.ID, to.ID, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func totalKits(depots []*ipsupply.Depot) int {
	sum := 0
	for _, d := range depots {
		sum += d.Kits()
	}
	return sum
}

// reported holds the goroutines already listed by an earlier failure: a
// deadlocked goroutine stays blocked for the rest of the run, and listing it
// again under every later test would only confuse.
var reported sync.Map

// blockedStacks describes the goroutines newly blocked inside Transfer: the
// state and the line of Transfer each one is stuck at.
func blockedStacks() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var keep []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		lines := strings.Split(g, "\n")
		id, _, _ := strings.Cut(lines[0], " [")
		for i, l := range lines {
			if strings.Contains(l, ".Transfer(") && i+1 < len(lines) {
				if _, seen := reported.LoadOrStore(id, true); !seen && len(keep) < 6 {
					keep = append(keep, strings.TrimSuffix(lines[0], ":")+" in Transfer at "+
						strings.TrimSpace(strings.Split(lines[i+1], " +")[0]))
				}
				break
			}
		}
	}
	if len(keep) == 0 {
		return ""
	}
	return "Blocked:\n  " + strings.Join(keep, "\n  ")
}

// blockedInTransfer counts the goroutines blocked on a mutex inside Transfer.
func blockedInTransfer() int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	blocked := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "[sync.Mutex.Lock") && strings.Contains(g, ".Transfer(") {
			blocked++
		}
	}
	return blocked
}

// waitUntilBlockedInTransfer waits (up to a second) until n goroutines are
// blocked on a mutex inside Transfer. Pass the count from before the test
// started its transfers in base: an earlier failed test may have left
// deadlocked goroutines behind.
func waitUntilBlockedInTransfer(base, n int) {
	deadline := time.Now().Add(time.Second)
	for blockedInTransfer() < base+n && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
}
