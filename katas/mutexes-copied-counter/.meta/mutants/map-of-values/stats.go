// Package eprostats counts the patient questionnaires (ePRO submissions) that
// each research centre receives, for the study's live dashboard.
package eprostats

import "sync"

// Counts is a plain snapshot of one centre's (or all centres') numbers.
type Counts struct {
	Accepted int
	Rejected int // failed validation: incomplete, outside the visit window, ...
}

// SiteCounter counts the submissions of one research centre. Its zero value
// is ready to use. It is safe for concurrent use.
//
// A SiteCounter must not be copied after first use: a copy has its own mutex
// and its own numbers (go vet's copylocks check reports such copies). Hence
// the pointer receivers, and the pointers in Board.sites.
type SiteCounter struct {
	mu       sync.Mutex
	accepted int
	rejected int
}

// Add records one submission.
func (c *SiteCounter) Add(accepted bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if accepted {
		c.accepted++
	} else {
		c.rejected++
	}
}

// Counts returns the centre's numbers so far.
func (c *SiteCounter) Counts() Counts {
	// A value receiver would copy the fields before the lock is taken: an
	// unsynchronised read racing with Add.
	c.mu.Lock()
	defer c.mu.Unlock()
	return Counts{Accepted: c.accepted, Rejected: c.rejected}
}

// Board holds one SiteCounter per research centre. It is safe for
// concurrent use.
type Board struct {
	mu    sync.Mutex
	sites map[string]SiteCounter
}

// NewBoard returns an empty board.
func NewBoard() *Board {
	return &Board{sites: map[string]SiteCounter{}}
}

// Site returns the counter of a centre, creating it on first use. Every call
// for the same centre returns the same counter, which the ingestion workers
// use directly, without going through the board's lock.
func (b *Board) Site(id string) *SiteCounter {
	b.mu.Lock()
	defer b.mu.Unlock()
	c, ok := b.sites[id]
	if !ok {
		b.sites[id] = c
	}
	return &c
}

// Totals returns the sum over all centres.
func (b *Board) Totals() Counts {
	b.mu.Lock()
	defer b.mu.Unlock()
	var t Counts
	for id := range b.sites {
		c := b.sites[id]
		n := c.Counts()
		t.Accepted += n.Accepted
		t.Rejected += n.Rejected
	}
	return t
}
