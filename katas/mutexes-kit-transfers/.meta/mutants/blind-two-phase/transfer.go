// Mutant (blind: written from the README and starter only).
// Flaw: avoids deadlock by never holding two locks at once (debit the source under its lock, then credit the destination under its own), so between the two steps the kits are at neither depot.
// Violates: "it stays atomic: while it runs, nobody sees the kits at both depots or at neither"

// Package ipsupply tracks the investigational product (IP) kits held at the
// trial's depots and research-centre pharmacies.
package ipsupply

import (
	"errors"
	"sync"
)

var (
	// ErrBadAmount is returned for a transfer of zero or fewer kits.
	ErrBadAmount = errors.New("ipsupply: kit count must be positive")
	// ErrInsufficientStock is returned when the source holds fewer kits than asked for.
	ErrInsufficientStock = errors.New("ipsupply: not enough kits at the source depot")
	// ErrSameDepot is returned for a transfer from a depot to itself.
	ErrSameDepot = errors.New("ipsupply: source and destination are the same depot")
)

// Depot is a store of IP kits: the central depot, a regional depot or a
// site pharmacy. Depot IDs are unique. The tests look at d.mu.
type Depot struct {
	ID   string
	mu   sync.Mutex
	kits int
}

// NewDepot returns a depot holding kits kits.
func NewDepot(id string, kits int) *Depot {
	return &Depot{ID: id, kits: kits}
}

// Kits returns the number of kits the depot holds.
func (d *Depot) Kits() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.kits
}

// Transfer moves n kits from one depot to another. It holds at most one depot
// lock at any moment, so no cycle of waits can ever form.
func Transfer(from, to *Depot, n int) error {
	if n <= 0 {
		return ErrBadAmount
	}
	if from == to {
		return ErrSameDepot
	}

	from.mu.Lock()
	if from.kits < n {
		from.mu.Unlock()
		return ErrInsufficientStock
	}
	from.kits -= n
	from.mu.Unlock()

	to.mu.Lock()
	to.kits += n
	to.mu.Unlock()
	return nil
}
