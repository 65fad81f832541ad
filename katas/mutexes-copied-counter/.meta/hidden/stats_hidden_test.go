package eprostats

import (
	"sync"
	"testing"
	"time"
)

func TestHiddenConcurrentSubmissionsAreAllCounted(t *testing.T) {
	b := NewBoard()

	want := submitConcurrently(b, []string{"SITE-GZ-05"}, 40, 250)

	if got := b.Site("SITE-GZ-05").Counts(); got != want {
		t.Fatalf("40 workers recorded %d submissions at one site, but Counts() = %+v; want %+v. A counter that is "+
			"copied (by a value receiver, or by storing it in a map by value) loses every Add made on the copy.",
			want.Accepted+want.Rejected, got, want)
	}
}

func TestHiddenTotalsOverManySites(t *testing.T) {
	b := NewBoard()
	sites := siteIDs(12)

	want := submitConcurrently(b, sites, 16, 300)

	if got := b.Totals(); got != want {
		t.Fatalf("Totals() = %+v after %d submissions over 12 sites; want %+v", got, want.Accepted+want.Rejected, want)
	}
	sum := Counts{}
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
	b := NewBoard()
	sites := siteIDs(3)
	var wg sync.WaitGroup
	var want Counts
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
	b := NewBoard()
	got := make([]*SiteCounter, 50)
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
	var c SiteCounter
	if got := c.Counts(); got != (Counts{}) {
		t.Fatalf("a new SiteCounter has counts %+v; want zero", got)
	}
	b := NewBoard()
	if got := b.Totals(); got != (Counts{}) {
		t.Fatalf("a new Board has totals %+v; want zero", got)
	}
	c.Add(false)
	if got := c.Counts(); got != (Counts{Rejected: 1}) {
		t.Fatalf("after one rejected submission, Counts() = %+v", got)
	}
}

func TestHiddenReadWaitsForAnAddInProgress(t *testing.T) {
	var c SiteCounter
	c.Add(true)
	c.Add(true)

	// An Add is in progress: it holds the lock and is about to increment.
	c.mu.Lock()
	got := make(chan Counts, 1)
	go func() { got <- c.Counts() }()
	waitUntilBlockedIn(".Counts(")
	c.accepted++
	c.mu.Unlock()

	select {
	case n := <-got:
		if n != (Counts{Accepted: 3}) {
			t.Fatalf("Counts() during an Add returned %+v; want %+v once the Add finished. It read a copy made "+
				"before it took the lock.", n, Counts{Accepted: 3})
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("Counts() called while an Add held the lock never returned. With a value receiver, the call " +
			"copies the counter first, mutex included, while it is locked; the copy's mutex stays locked " +
			"forever, because the Add unlocks the original. Use a pointer receiver.")
	}
}
