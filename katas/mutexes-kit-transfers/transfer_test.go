package ipsupply_test

import (
	"errors"
	"testing"

	"gokata.dev/katas/mutexes-kit-transfers"
)

func TestTransferMovesKits(t *testing.T) {
	central, site := ipsupply.NewDepot("DEPOT-CN-01", 100), ipsupply.NewDepot("SITE-BJ-03", 4)

	if err := ipsupply.Transfer(central, site, 20); err != nil {
		t.Fatalf("Transfer: %v", err)
	}

	if central.Kits() != 80 || site.Kits() != 24 {
		t.Fatalf("after moving 20 kits: central %d, site %d; want 80 and 24", central.Kits(), site.Kits())
	}
	if err := ipsupply.Transfer(site, central, 25); !errors.Is(err, ipsupply.ErrInsufficientStock) {
		t.Fatalf("moving 25 kits from a site holding 24: error %v; want ErrInsufficientStock", err)
	}
}

func TestOppositeTransfersDoNotDeadlock(t *testing.T) {
	eu, us := ipsupply.NewDepot("DEPOT-EU", 1000), ipsupply.NewDepot("DEPOT-US", 1000)

	// A stock count holds DEPOT-US for a moment, while two resupply jobs start
	// in opposite directions.
	base := blockedInTransfer()
	ipsupply.LockOf(us).Lock()
	toEU := make(chan error, 1)
	go func() { toEU <- ipsupply.Transfer(us, eu, 10) }()
	waitUntilBlockedInTransfer(base, 1)
	toUS := make(chan error, 1)
	go func() { toUS <- ipsupply.Transfer(eu, us, 20) }()
	waitUntilBlockedInTransfer(base, 2)
	ipsupply.LockOf(us).Unlock()

	var err1, err2 error
	ok := finishes(func() { err1, err2 = <-toEU, <-toUS })

	if !ok {
		t.Fatalf("transfers EU->US and US->EU running at the same time did not finish within %v: deadlock. One "+
			"Transfer holds EU and waits for US while the other holds US and waits for EU. Lock the two "+
			"depots in the same order in every Transfer, whatever the direction.\n%s", guard, blockedStacks())
	}
	if err1 != nil || err2 != nil {
		t.Fatalf("Transfer US->EU: %v, Transfer EU->US: %v; want both to succeed", err1, err2)
	}
	if eu.Kits() != 990 || us.Kits() != 1010 {
		t.Fatalf("after moving 10 kits to EU and 20 to US: EU %d, US %d; want 990 and 1010", eu.Kits(), us.Kits())
	}
}
