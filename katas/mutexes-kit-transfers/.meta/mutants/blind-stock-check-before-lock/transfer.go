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

// Transfer moves n kits from one depot to another, atomically: nobody ever
// sees the kits at both depots or at neither. It is called concurrently by
// the resupply jobs, often in opposite directions between the same depots,
// and must never deadlock. It fails with ErrBadAmount, ErrSameDepot or
// ErrInsufficientStock, changing nothing.
func Transfer(from, to *Depot, n int) error {
	if n <= 0 {
		return ErrBadAmount
	}
	if from == to {
		return ErrSameDepot
	}
	first, second := from, to
	if to.ID < from.ID {
		first, second = to, from
	}
	if from.Kits() < n { // cheap early exit before taking both locks
		return ErrInsufficientStock
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()

	from.kits -= n
	to.kits += n
	return nil
}
