// Mutant (blind: written from the README and starter only).
// Flaw: Totals reads every counter's fields while holding only the board's lock, not each counter's own mutex,
// so it races with workers calling Add on those counters.
// Violates: "Counts and Totals can be called while submissions arrive, without races"

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
	mu    sync.Mutex
	sites map[string]*SiteCounter
}

// NewBoard returns an empty board.
func NewBoard() *Board {
	return &Board{sites: map[string]*SiteCounter{}}
}

// Site returns the counter of a centre, creating it on first use.
func (b *Board) Site(id string) *SiteCounter {
	b.mu.Lock()
	defer b.mu.Unlock()
	c, ok := b.sites[id]
	if !ok {
		c = new(SiteCounter)
		b.sites[id] = c
	}
	return c
}

// Totals returns the sum over all centres. The board's lock keeps the set of
// centres stable while we add them up.
func (b *Board) Totals() Counts {
	b.mu.Lock()
	defer b.mu.Unlock()
	var t Counts
	for _, c := range b.sites {
		t.Accepted += c.accepted
		t.Rejected += c.rejected
	}
	return t
}
