package ipsupply_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"gokata.dev/katas/mutexes-kit-transfers"
)

func TestHiddenSelfTransferIsRefused(t *testing.T) {
	d := ipsupply.NewDepot("SITE-SH-07", 12)
	var err error

	if !finishes(func() { err = ipsupply.Transfer(d, d, 3) }) {
		t.Fatalf("Transfer(d, d, 3) never returned: it locked d.mu twice, and a sync.Mutex is not reentrant, so "+
			"the second Lock waits forever for the first. Check for the same depot before locking.\n%s",
			blockedStacks())
	}
	if !errors.Is(err, ipsupply.ErrSameDepot) {
		t.Fatalf("Transfer(d, d, 3) = %v; want ErrSameDepot", err)
	}
	if d.Kits() != 12 {
		t.Fatalf("a refused self-transfer changed the stock to %d; want 12", d.Kits())
	}
}

func TestHiddenTransfersAroundACycle(t *testing.T) {
	depots := []*ipsupply.Depot{
		ipsupply.NewDepot("DEPOT-C", 500), ipsupply.NewDepot("SITE-A", 500), ipsupply.NewDepot("DEPOT-E", 500),
		ipsupply.NewDepot("SITE-B", 500), ipsupply.NewDepot("DEPOT-D", 500),
	}
	var pairs [][2]int
	for i := range depots {
		pairs = append(pairs, [2]int{i, (i + 1) % len(depots)}, [2]int{(i + 2) % len(depots), i})
	}

	if !finishes(func() { transferMany(t, depots, pairs, 1500) }) {
		t.Fatalf("transfers among 5 depots (each pair in both directions, and around the cycle) deadlocked. "+
			"Any order of locking works only if every Transfer uses the same one: sort the two depots by a key "+
			"that never changes, such as the ID.\n%s", blockedStacks())
	}
	if total := totalKits(depots); total != 2500 {
		t.Fatalf("the 5 depots hold %d kits in total; want 2500", total)
	}
	for _, d := range depots {
		if d.Kits() < 0 {
			t.Fatalf("%s holds %d kits", d.ID, d.Kits())
		}
	}
}

func TestHiddenRefusedTransfersChangeNothing(t *testing.T) {
	a, b := ipsupply.NewDepot("DEPOT-A", 5), ipsupply.NewDepot("DEPOT-B", 7)
	cases := []struct {
		from, to *ipsupply.Depot
		n        int
		want     error
	}{
		{a, b, 6, ipsupply.ErrInsufficientStock},
		{b, a, 8, ipsupply.ErrInsufficientStock},
		{a, b, 0, ipsupply.ErrBadAmount},
		{b, a, -3, ipsupply.ErrBadAmount},
	}
	for _, c := range cases {
		var err error
		if !finishes(func() { err = ipsupply.Transfer(c.from, c.to, c.n) }) {
			t.Fatalf("Transfer(%s -> %s, %d) never returned", c.from.ID, c.to.ID, c.n)
		}
		if !errors.Is(err, c.want) {
			t.Fatalf("Transfer(%s -> %s, %d) = %v; want %v", c.from.ID, c.to.ID, c.n, err, c.want)
		}
		if a.Kits() != 5 || b.Kits() != 7 {
			t.Fatalf("after the refused Transfer(%s -> %s, %d): A %d, B %d; want 5 and 7 unchanged",
				c.from.ID, c.to.ID, c.n, a.Kits(), b.Kits())
		}
	}
	if err := ipsupply.Transfer(a, b, 5); err != nil || a.Kits() != 0 || b.Kits() != 12 {
		t.Fatalf("moving all 5 kits: %v, A %d, B %d; want nil, 0, 12", err, a.Kits(), b.Kits())
	}
}

func TestHiddenUnrelatedTransfersAreNotHeldUp(t *testing.T) {
	a, b := ipsupply.NewDepot("DEPOT-A", 10), ipsupply.NewDepot("DEPOT-B", 10)
	c, d := ipsupply.NewDepot("SITE-C", 10), ipsupply.NewDepot("SITE-D", 10)

	// A stock count holds DEPOT-A for a long time; a transfer involving A waits.
	base := blockedInTransfer()
	ipsupply.LockOf(a).Lock()
	stuck := make(chan error, 1)
	go func() { stuck <- ipsupply.Transfer(b, a, 1) }()
	waitUntilBlockedInTransfer(base, 1)

	var err error
	ok := finishes(func() { err = ipsupply.Transfer(c, d, 2) })
	ipsupply.LockOf(a).Unlock()
	<-stuck

	if !ok {
		t.Fatalf("Transfer(SITE-C -> SITE-D) waited for a transfer between DEPOT-A and DEPOT-B. A single lock " +
			"around every Transfer avoids deadlock by serialising all depots of the trial; lock only the two " +
			"depots involved, in a fixed order.")
	}
	if err != nil || c.Kits() != 8 || d.Kits() != 12 {
		t.Fatalf("Transfer(C -> D, 2): %v, C %d, D %d; want nil, 8, 12", err, c.Kits(), d.Kits())
	}
}

func TestHiddenStockReadsDuringTransfers(t *testing.T) {
	a, b, c := ipsupply.NewDepot("DEPOT-A", 300), ipsupply.NewDepot("DEPOT-B", 300), ipsupply.NewDepot("DEPOT-C", 300)
	depots := []*ipsupply.Depot{a, b, c}
	var wg sync.WaitGroup
	wg.Go(func() { transferMany(t, depots, [][2]int{{0, 1}, {1, 2}, {2, 0}, {1, 0}}, 400) })
	wg.Go(func() {
		for range 400 {
			for _, d := range depots {
				if k := d.Kits(); k < 0 || k > 900 {
					t.Errorf("%s.Kits() = %d during transfers; want 0..900", d.ID, k)
					return
				}
			}
		}
	})

	if !finishes(wg.Wait) {
		t.Fatalf("transfers with concurrent stock reads deadlocked\n%s", blockedStacks())
	}
	if total := totalKits(depots); total != 900 {
		t.Fatalf("the depots hold %d kits; want 900", total)
	}
}

func TestHiddenOppositeTransfersUnderLoad(t *testing.T) {
	a, b := ipsupply.NewDepot("DEPOT-EU", 1000), ipsupply.NewDepot("DEPOT-US", 1000)
	depots := []*ipsupply.Depot{a, b}

	ok := finishes(func() {
		transferMany(t, depots, [][2]int{{0, 1}, {1, 0}, {0, 1}, {1, 0}}, 2000)
	})

	if !ok {
		t.Fatalf("8,000 transfers between two depots, half in each direction, deadlocked. Lock the two depots "+
			"in the same order in every Transfer.\n%s", blockedStacks())
	}
	if total := totalKits(depots); total != 2000 {
		t.Fatalf("the two depots hold %d kits after the transfers; want 2000 (kits are moved, never made or lost)", total)
	}
}

func TestHiddenOppositeTransfersWhileTheOtherDepotIsBusy(t *testing.T) {
	eu, us := ipsupply.NewDepot("DEPOT-EU", 500), ipsupply.NewDepot("DEPOT-US", 500)

	// This time the stock count holds DEPOT-EU while the two jobs start.
	base := blockedInTransfer()
	ipsupply.LockOf(eu).Lock()
	toUS := make(chan error, 1)
	go func() { toUS <- ipsupply.Transfer(eu, us, 5) }()
	waitUntilBlockedInTransfer(base, 1)
	toEU := make(chan error, 1)
	go func() { toEU <- ipsupply.Transfer(us, eu, 7) }()
	waitUntilBlockedInTransfer(base, 2)
	ipsupply.LockOf(eu).Unlock()

	var err1, err2 error
	if !finishes(func() { err1, err2 = <-toUS, <-toEU }) {
		t.Fatalf("two opposite transfers started while DEPOT-EU was busy deadlocked: each holds one depot and "+
			"waits for the other. Lock in one global order, whatever the direction.\n%s", blockedStacks())
	}
	if err1 != nil || err2 != nil || eu.Kits() != 502 || us.Kits() != 498 {
		t.Fatalf("EU->US 5: %v, US->EU 7: %v, EU %d, US %d; want nil, nil, 502, 498", err1, err2, eu.Kits(), us.Kits())
	}
}

func TestHiddenKitsAreNeverAtNeitherDepot(t *testing.T) {
	for _, ids := range [][2]string{{"DEPOT-A", "SITE-B"}, {"SITE-B", "DEPOT-A"}} {
		from, to := ipsupply.NewDepot(ids[0], 10), ipsupply.NewDepot(ids[1], 4)

		// A stock count holds the destination for a while; the transfer waits for it.
		base := blockedInTransfer()
		ipsupply.LockOf(to).Lock()
		moved := make(chan error, 1)
		go func() { moved <- ipsupply.Transfer(from, to, 6) }()
		waitUntilBlockedInTransfer(base, 1)

		// Meanwhile the dashboard reads the source. It may wait (the transfer holds
		// the source too) or see 10 (the transfer has not started); it must never see
		// the kits already gone from the source while the destination still has 4.
		seen := make(chan int, 1)
		go func() { seen <- from.Kits() }()
		select {
		case n := <-seen:
			seen <- n // read again below
			if n != 10 {
				ipsupply.LockOf(to).Unlock()
				<-moved
				t.Fatalf("%s -> %s, 6 kits: while the transfer waited for %s, %s already showed %d kits and %s "+
					"still 4: the 6 kits were at neither depot. Debiting under one lock and crediting under the "+
					"other avoids deadlock but breaks atomicity: hold both locks (in a fixed order) for the "+
					"whole move.", ids[0], ids[1], ids[1], ids[0], n, ids[1])
			}
		case <-time.After(50 * time.Millisecond):
		}
		ipsupply.LockOf(to).Unlock()
		if err := <-moved; err != nil {
			t.Fatalf("Transfer(%s -> %s, 6): %v; want nil", ids[0], ids[1], err)
		}
		if n := <-seen; n != 10 && n != 4 {
			t.Fatalf("a read of %s during the transfer returned %d; want 10 (before) or 4 (after)", ids[0], n)
		}
		if from.Kits() != 4 || to.Kits() != 10 {
			t.Fatalf("after moving 6 kits: %s %d, %s %d; want 4, 10", ids[0], from.Kits(), ids[1], to.Kits())
		}
	}
}

func TestHiddenTheLastKitsAreNotMovedTwice(t *testing.T) {
	// Both ID orders: the destination sorts before the source, then after it.
	for _, ids := range [][2]string{{"SITE-B", "DEPOT-A"}, {"DEPOT-A", "SITE-B"}} {
		from, to := ipsupply.NewDepot(ids[0], 3), ipsupply.NewDepot(ids[1], 0)
		const jobs = 5

		// A stock count holds the destination while five jobs each ask for one of the 3 kits.
		base := blockedInTransfer()
		ipsupply.LockOf(to).Lock()
		results := make(chan error, jobs)
		for range jobs {
			go func() { results <- ipsupply.Transfer(from, to, 1) }()
		}
		waitUntilBlockedInTransfer(base, jobs)
		ipsupply.LockOf(to).Unlock()

		var moved, refused int
		var errs []error
		if !finishes(func() {
			for range jobs {
				errs = append(errs, <-results)
			}
		}) {
			t.Fatalf("%d transfers %s -> %s deadlocked\n%s", jobs, ids[0], ids[1], blockedStacks())
		}
		for _, err := range errs {
			switch {
			case err == nil:
				moved++
			case errors.Is(err, ipsupply.ErrInsufficientStock):
				refused++
			default:
				t.Fatalf("Transfer(%s -> %s, 1) = %v; want nil or ErrInsufficientStock", ids[0], ids[1], err)
			}
		}
		if moved != 3 || refused != 2 || from.Kits() != 0 || to.Kits() != 3 {
			t.Fatalf("%d concurrent 1-kit transfers from %s (3 kits) to %s: %d succeeded, %d refused, %s holds %d, "+
				"%s holds %d; want 3, 2, 0, 3. Checking the stock before both locks are held lets two transfers "+
				"move the same kit: a transfer is atomic only if the check and the move happen under both locks, "+
				"and it must fail with ErrInsufficientStock when the source holds fewer kits than asked for.",
				jobs, ids[0], ids[1], moved, refused, ids[0], from.Kits(), ids[1], to.Kits())
		}
	}
}
