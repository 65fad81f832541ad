// Mutant (blind: written from the README and starter only).
// Flaw: Site looks the centre up under a read lock and, if it is missing, creates it under the write lock
// without checking again, so workers asking for a new centre at once each install their own counter and all
// but the last one's submissions are lost.
// Violates: "Board.Site(id) always returns the same counter for a centre (the one the board holds), also when many workers ask for a new centre at once"

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
	c.mu.Lock()
	defer c.mu.Unlock()
	return Counts{Accepted: c.accepted, Rejected: c.rejected}
}

// Board holds one SiteCounter per research centre. It is safe for
// concurrent use.
type Board struct {
	mu    sync.RWMutex
	sites map[string]*SiteCounter
}

// NewBoard returns an empty board.
func NewBoard() *Board {
	return &Board{sites: map[string]*SiteCounter{}}
}

// Site returns the counter of a centre, creating it on first use. Lookups,
// by far the common case, only take the read lock.
func (b *Board) Site(id string) *SiteCounter {
	b.mu.RLock()
	c, ok := b.sites[id]
	b.mu.RUnlock()
	if ok {
		return c
	}

	c = new(SiteCounter)
	b.mu.Lock()
	b.sites[id] = c
	b.mu.Unlock()
	return c
}

// Totals returns the sum over all centres.
func (b *Board) Totals() Counts {
	b.mu.RLock()
	defer b.mu.RUnlock()
	var t Counts
	for _, c := range b.sites {
		n := c.Counts()
		t.Accepted += n.Accepted
		t.Rejected += n.Rejected
	}
	return t
}
