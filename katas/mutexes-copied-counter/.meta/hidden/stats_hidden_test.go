package eprostats_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gokata.dev/katas/mutexes-copied-counter"
)

func TestHiddenConcurrentSubmissionsAreAllCounted(t *testing.T) {
	b := eprostats.NewBoard()

	want := submitConcurrently(b, []string{"SITE-GZ-05"}, 40, 250)

	if got := b.Site("SITE-GZ-05").Counts(); got != want {
		t.Fatalf("40 workers recorded %d submissions at one site, but Counts() = %+v; want %+v. A counter that is "+
			"copied (by a value receiver, or by storing it in a map by value) loses every Add made on the copy.",
			want.Accepted+want.Rejected, got, want)
	}
}

func TestHiddenTotalsOverManySites(t *testing.T) {
	b := eprostats.NewBoard()
	sites := siteIDs(12)

	want := submitConcurrently(b, sites, 16, 300)

	if got := b.Totals(); got != want {
		t.Fatalf("Totals() = %+v after %d submissions over 12 sites; want %+v", got, want.Accepted+want.Rejected, want)
	}
	sum := eprostats.Counts{}
	for _, s := range sites {
		n := b.Site(s).Counts()
		sum.Accepted += n.Accepted
		sum.Rejected += n.Rejected
	}
	if sum != want {
		t.Fatalf("the sites' own counts add up to %+v; want %+v", sum, want)
	}
}

func TestHiddenReadingWhileSubmissionsArrive(t *testing.T) {
	b := eprostats.NewBoard()
	sites := siteIDs(3)
	var wg sync.WaitGroup
	var want eprostats.Counts
	wg.Go(func() { want = submitConcurrently(b, sites, 8, 400) })
	for range 2 {
		wg.Go(func() {
			for range 400 {
				// The dashboard polls while the workers record.
				b.Site(sites[0]).Counts()
				b.Totals()
			}
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("the dashboard's reads and the workers' submissions did not finish within 5s. A value receiver " +
			"copies the counter before locking, and a copy taken while an Add holds the lock has a locked " +
			"mutex that nobody will ever unlock: Lock on it blocks forever (a copied mutex copies its state).")
	}

	if got := b.Totals(); got != want {
		t.Fatalf("Totals() = %+v; want %+v", got, want)
	}
}

func TestHiddenFirstUseFromManyWorkersAtOnce(t *testing.T) {
	b := eprostats.NewBoard()
	got := make([]*eprostats.SiteCounter, 50)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			<-start
			got[i] = b.Site("SITE-NEW")
			got[i].Add(true)
		})
	}
	close(start)
	wg.Wait()

	for i, c := range got {
		if c != got[0] {
			t.Fatalf("worker %d got counter %p for a new site, worker 0 got %p; want one counter per site", i, c, got[0])
		}
	}
	if n := b.Site("SITE-NEW").Counts().Accepted; n != 50 {
		t.Fatalf("50 workers each recorded one submission at a new site; Counts().Accepted = %d, want 50", n)
	}
}

func TestHiddenZeroValuesAreReady(t *testing.T) {
	var c eprostats.SiteCounter
	if got := c.Counts(); got != (eprostats.Counts{}) {
		t.Fatalf("a new SiteCounter has counts %+v; want zero", got)
	}
	b := eprostats.NewBoard()
	if got := b.Totals(); got != (eprostats.Counts{}) {
		t.Fatalf("a new Board has totals %+v; want zero", got)
	}
	c.Add(false)
	if got := c.Counts(); got != (eprostats.Counts{Rejected: 1}) {
		t.Fatalf("after one rejected submission, Counts() = %+v", got)
	}
}

func TestHiddenReadWaitsForAnAddInProgress(t *testing.T) {
	var c eprostats.SiteCounter
	c.Add(true)
	c.Add(true)

	// An Add is in progress: it holds the lock and is about to increment.
	eprostats.LockOf(&c).Lock()
	got := make(chan eprostats.Counts, 1)
	go func() { got <- c.Counts() }()
	waitUntilBlockedIn(".Counts(")
	eprostats.CountAcceptedLocked(&c)
	eprostats.LockOf(&c).Unlock()

	select {
	case n := <-got:
		if n != (eprostats.Counts{Accepted: 3}) {
			t.Fatalf("Counts() during an Add returned %+v; want %+v once the Add finished. It read a copy made "+
				"before it took the lock.", n, eprostats.Counts{Accepted: 3})
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("Counts() called while an Add held the lock never returned. With a value receiver, the call " +
			"copies the counter first, mutex included, while it is locked; the copy's mutex stays locked " +
			"forever, because the Add unlocks the original. Use a pointer receiver.")
	}
}

func TestHiddenCounterHandedOutEarlierStaysTheBoards(t *testing.T) {
	b := eprostats.NewBoard()
	first := b.Site("SITE-BJ-01") // a worker keeps this counter for the whole day

	for _, s := range siteIDs(200) { // 200 more centres join the study
		b.Site(s).Add(true)
	}
	first.Add(true)
	first.Add(false)

	if b.Site("SITE-BJ-01") != first {
		t.Fatalf("after 200 more centres were added, Site(\"SITE-BJ-01\") returned a different counter from the " +
			"one handed out before. A pointer into a slice (or a map of values) goes stale when the storage " +
			"grows and the counters, mutex included, are copied to a new place.")
	}
	if got, want := b.Site("SITE-BJ-01").Counts(), (eprostats.Counts{Accepted: 1, Rejected: 1}); got != want {
		t.Fatalf("a worker recorded 1 accepted and 1 rejected submission on the counter it was handed; the board "+
			"shows %+v for that centre, want %+v", got, want)
	}
	if got, want := b.Totals(), (eprostats.Counts{Accepted: 201, Rejected: 1}); got != want {
		t.Fatalf("Totals() = %+v; want %+v", got, want)
	}
}

func TestHiddenTotalsWhileWorkersAddDirectly(t *testing.T) {
	b := eprostats.NewBoard()
	sites := siteIDs(4)
	counters := make([]*eprostats.SiteCounter, len(sites))
	for i, s := range sites {
		counters[i] = b.Site(s) // the ingestion workers keep their centre's counter
	}

	stop := make(chan struct{})
	var dashboard sync.WaitGroup
	dashboard.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				b.Totals() // the dashboard polls while the workers record
			}
		}
	})
	var workers sync.WaitGroup
	for w := range 8 {
		workers.Go(func() {
			c := counters[w%len(counters)]
			for i := range 300 {
				c.Add((w+i)%3 != 0)
			}
		})
	}
	workers.Wait()
	close(stop)
	dashboard.Wait()

	var want eprostats.Counts
	for w := range 8 {
		for i := range 300 {
			if (w+i)%3 != 0 {
				want.Accepted++
			} else {
				want.Rejected++
			}
		}
	}
	if got := b.Totals(); got != want {
		t.Fatalf("Totals() = %+v after the workers finished; want %+v", got, want)
	}
}

// blockedIn counts the goroutines whose stack mentions fn and that wait on a
// lock (sync.Mutex or sync.RWMutex, for reading or writing).
func blockedIn(fn string) int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	n := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if strings.Contains(g, fn) && strings.Contains(header, "Lock") {
			n++
		}
	}
	return n
}

func TestHiddenNewSiteWhileTheDashboardReads(t *testing.T) {
	b := eprostats.NewBoard()
	busy := b.Site("SITE-SZ-07")

	// The dashboard's Totals is under way and waits for SITE-SZ-07's counter,
	// whose Add is in progress (it holds the counter's lock).
	eprostats.LockOf(busy).Lock()
	totals := make(chan eprostats.Counts, 1)
	go func() { totals <- b.Totals() }()
	waitUntilBlockedIn(".Counts(")

	// Meanwhile 8 workers see submissions from a centre that is new to the board.
	got := make([]*eprostats.SiteCounter, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			got[i] = b.Site("SITE-NEW")
			got[i].Add(true)
		})
	}
	deadline := time.Now().Add(2 * time.Second)
	for blockedIn(".Site(") < len(got) && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	eprostats.LockOf(busy).Unlock()
	wg.Wait()
	<-totals

	for i, c := range got {
		if c != got[0] {
			t.Fatalf("8 workers asked for the new centre SITE-NEW while Totals was running; worker %d got counter "+
				"%p, worker 0 got %p. Want one counter per centre: a Site that finds the centre missing under a "+
				"read lock and then creates it under the write lock must check again once it holds the write "+
				"lock, or each waiting worker installs its own counter.", i, c, got[0])
		}
	}
	if n := b.Site("SITE-NEW").Counts().Accepted; n != len(got) {
		t.Fatalf("8 workers each recorded one submission at the new centre; the board's counter has %d, want 8: "+
			"the others went to counters the board no longer holds", n)
	}
}

func TestHiddenTwoWorkersMeetANewSiteAtTheSameMoment(t *testing.T) {
	// Round after round, two workers spin until both are ready and then ask
	// for the same new centre at the same moment. A Site that finds the
	// centre missing, lets go of the lock and then creates it hands out two
	// counters for one centre whenever both lookups happen before either
	// store. More Ps than cores make that overlap likely within a second.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(4, runtime.GOMAXPROCS(0))))
	start := time.Now()
	for round := 0; time.Since(start) < 1500*time.Millisecond; round++ {
		b := eprostats.NewBoard()
		id := fmt.Sprintf("SITE-NEW-%05d", round)
		var got [2]*eprostats.SiteCounter
		var arrived atomic.Int32
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() {
				arrived.Add(1)
				for arrived.Load() < int32(len(got)) {
				}
				got[i] = b.Site(id)
				got[i].Add(true)
			})
		}
		wg.Wait()
		if got[0] != got[1] {
			t.Fatalf("round %d: two workers asked for the new centre %s at the same moment and got two different "+
				"counters (%p and %p). Want one counter per centre: look the centre up and create it under one "+
				"lock, or check again once the write lock is held.", round, id, got[0], got[1])
		}
		if n := b.Site(id).Counts().Accepted; n != 2 {
			t.Fatalf("round %d: two workers each recorded one submission at the new centre %s; the board's "+
				"counter has %d, want 2", round, id, n)
		}
	}
}

// readDuringAdd plays an Add in progress on busy (it holds busy's lock) while
// read runs in another goroutine. It waits until read has either returned or
// is blocked on a lock in fn, then finishes the Add (one more accepted) and
// releases the lock. It returns read's result and whether read returned
// while the lock was still held.
func readDuringAdd(t *testing.T, busy *eprostats.SiteCounter, fn string, read func() eprostats.Counts) (
	got eprostats.Counts, early bool) {
	t.Helper()
	eprostats.LockOf(busy).Lock()
	res := make(chan eprostats.Counts, 1)
	go func() { res <- read() }()
	deadline := time.Now().Add(5 * time.Second)
	for !early && blockedIn(fn) == 0 && time.Now().Before(deadline) {
		select {
		case got = <-res:
			early = true
		default:
			time.Sleep(time.Millisecond)
		}
	}
	eprostats.CountAcceptedLocked(busy)
	eprostats.LockOf(busy).Unlock()
	if early {
		return got, true
	}
	select {
	case got = <-res:
		return got, false
	case <-time.After(3 * time.Second):
		t.Fatalf("%s did not return within 3s after the Add in progress released the counter's lock", fn)
		return got, false
	}
}

func TestHiddenTotalsDuringAnAddLeavesNoCentreOut(t *testing.T) {
	b := eprostats.NewBoard()
	for i, id := range []string{"SITE-BJ-01", "SITE-SZ-07", "SITE-CD-11", "SITE-WH-03"} {
		for n := range 3 + i {
			b.Site(id).Add(n%3 != 0)
		}
	}
	busy := b.Site("SITE-SZ-07") // 2 accepted, 2 rejected so far
	recorded := b.Totals()
	withAdd := eprostats.Counts{Accepted: recorded.Accepted + 1, Rejected: recorded.Rejected}

	got, early := readDuringAdd(t, busy, ".Totals(", b.Totals)

	if early && got != recorded {
		t.Fatalf("Totals() called while an Add at SITE-SZ-07 held that counter's lock returned %+v at once; want "+
			"%+v, everything recorded so far: the 4 submissions SITE-SZ-07 had already recorded are not in it. "+
			"Totals must not skip a centre whose counter is busy (TryLock): wait for its lock.", got, recorded)
	}
	if !early && got != withAdd && got != recorded {
		t.Fatalf("Totals() called while an Add at SITE-SZ-07 held that counter's lock returned %+v once the Add "+
			"finished; want %+v (or %+v without that Add): what has been recorded, every centre included",
			got, withAdd, recorded)
	}
}

func TestHiddenCountsDuringAnAddLeavesNothingOut(t *testing.T) {
	b := eprostats.NewBoard()
	busy := b.Site("SITE-GZ-05")
	for n := range 5 {
		busy.Add(n != 2)
	}
	recorded := eprostats.Counts{Accepted: 4, Rejected: 1}

	got, early := readDuringAdd(t, busy, ".Counts(", func() eprostats.Counts { return b.Site("SITE-GZ-05").Counts() })

	if early && got != recorded {
		t.Fatalf("Counts() called while an Add held the counter's lock returned %+v at once; want %+v, what has "+
			"been recorded: wait for the lock rather than give up when it is busy", got, recorded)
	}
	if want := (eprostats.Counts{Accepted: 5, Rejected: 1}); !early && got != want && got != recorded {
		t.Fatalf("Counts() called while an Add held the counter's lock returned %+v once the Add finished; want %+v",
			got, want)
	}
}
