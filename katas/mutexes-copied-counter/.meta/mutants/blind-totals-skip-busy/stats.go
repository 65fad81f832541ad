// Package eprostats counts the patient questionnaires (ePRO submissions) that
// each research centre receives, for the study's live dashboard.
package eprostats

import "sync"

type Counts struct {
	Accepted int
	Rejected int
}

type SiteCounter struct {
	mu       sync.Mutex
	accepted int
	rejected int
}

func (c *SiteCounter) Add(accepted bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if accepted {
		c.accepted++
	} else {
		c.rejected++
	}
}

func (c *SiteCounter) Counts() Counts {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Counts{Accepted: c.accepted, Rejected: c.rejected}
}

type Board struct {
	mu    sync.Mutex
	sites map[string]*SiteCounter
}

func NewBoard() *Board {
	return &Board{sites: map[string]*SiteCounter{}}
}

func (b *Board) Site(id string) *SiteCounter {
	b.mu.Lock()
	defer b.mu.Unlock()
	c, ok := b.sites[id]
	if !ok {
		if b.sites == nil {
			b.sites = map[string]*SiteCounter{}
		}
		c = &SiteCounter{}
		b.sites[id] = c
	}
	return c
}

func (b *Board) Totals() Counts {
	b.mu.Lock()
	defer b.mu.Unlock()
	var t Counts
	for _, c := range b.sites {
		if !c.mu.TryLock() {
			continue
		}
		n := Counts{Accepted: c.accepted, Rejected: c.rejected}
		c.mu.Unlock()
		t.Accepted += n.Accepted
		t.Rejected += n.Rejected
	}
	return t
}
