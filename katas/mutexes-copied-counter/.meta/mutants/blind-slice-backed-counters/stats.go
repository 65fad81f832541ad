// Mutant (blind: written from the README and starter only).
// Flaw: counters live in a growing slice and Site returns a pointer into it, so when a new centre makes the
// slice grow, the counters (mutex included) are copied to a new array and pointers handed out earlier point at
// stale copies whose counts the board never sees again.
// Violates: "Board.Site(id) always returns the same counter for a centre (the one the board holds)"

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
	mu       sync.Mutex
	index    map[string]int // centre -> position in counters
	counters []SiteCounter  // one allocation for all centres
}

// NewBoard returns an empty board.
func NewBoard() *Board {
	return &Board{index: map[string]int{}}
}

// Site returns the counter of a centre, creating it on first use.
func (b *Board) Site(id string) *SiteCounter {
	b.mu.Lock()
	defer b.mu.Unlock()
	i, ok := b.index[id]
	if !ok {
		b.counters = append(b.counters, SiteCounter{})
		i = len(b.counters) - 1
		b.index[id] = i
	}
	return &b.counters[i]
}

// Totals returns the sum over all centres.
func (b *Board) Totals() Counts {
	b.mu.Lock()
	defer b.mu.Unlock()
	var t Counts
	for i := range b.counters {
		n := b.counters[i].Counts()
		t.Accepted += n.Accepted
		t.Rejected += n.Rejected
	}
	return t
}
