// Mutant (blind: written from the README and starter only).
// Flaw: serialises every transfer behind one package-level mutex (so the per-depot lock order no longer matters), which makes transfers between unrelated depots wait for each other.
// Violates: "a transfer between two depots does not wait for transfers between two other depots."

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

// transferMu makes sure only one transfer takes depot locks at a time, so two
// transfers can never each hold one depot and wait for the other.
var transferMu sync.Mutex

// Transfer moves n kits from one depot to another, atomically.
func Transfer(from, to *Depot, n int) error {
	if n <= 0 {
		return ErrBadAmount
	}
	if from == to {
		return ErrSameDepot
	}
	transferMu.Lock()
	defer transferMu.Unlock()

	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()

	if from.kits < n {
		return ErrInsufficientStock
	}
	from.kits -= n
	to.kits += n
	return nil
}
