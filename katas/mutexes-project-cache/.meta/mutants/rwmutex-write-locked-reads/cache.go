// Package projectcache keeps the trial projects of the institution's project
// management system in memory, shared by every API request.
package projectcache

import (
	"errors"
	"slices"
	"sync"
)

// ErrUnknownProject is returned for a project ID the cache does not hold.
var ErrUnknownProject = errors.New("unknown project")

// ProjectInfo describes one clinical trial project.
type ProjectInfo struct {
	ID          string
	Status      string // "Recruiting", "Active", "Suspended" or "Completed"
	CenterCount int
	Sites       []string // the research centres taking part
}

// clone copies p deeply: a copied struct would still share the Sites array.
func (p *ProjectInfo) clone() *ProjectInfo {
	cp := *p
	cp.Sites = slices.Clone(p.Sites)
	return &cp
}

// Cache is read by every dashboard request and written by the few requests
// that change a project. It is safe for concurrent use.
//
// The tests look at c.mu: readers (Get, ProjectsAt) must be able to hold the
// lock at the same time, and only writers may hold it alone.
type Cache struct {
	// Reads vastly outnumber writes: an RWMutex lets dashboards read in parallel.
	mu       sync.RWMutex
	projects map[string]*ProjectInfo // guarded by mu, and never handed out
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{projects: map[string]*ProjectInfo{}}
}

// Put stores p, replacing any project with the same ID. Later changes the
// caller makes to p (or to its Sites) do not reach the cache.
func (c *Cache) Put(p ProjectInfo) {
	stored := p.clone() // the caller still holds p.Sites
	c.mu.Lock()
	defer c.mu.Unlock()
	c.projects[p.ID] = stored
}

// Get returns a snapshot of the project: the caller may keep it and modify it
// freely, and later changes to the cache do not show in it.
func (c *Cache) Get(id string) (*ProjectInfo, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.projects[id]
	if !ok {
		return nil, false
	}
	// A pointer into the map would let the caller read and write guarded
	// data after the lock is released.
	return p.clone(), true
}

// ProjectsAt returns the sorted IDs of the projects that site takes part in.
func (c *Cache) ProjectsAt(site string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var ids []string
	for id, p := range c.projects {
		if slices.Contains(p.Sites, site) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// SetStatus changes a project's status.
func (c *Cache) SetStatus(id, status string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.projects[id]
	if !ok {
		return ErrUnknownProject
	}
	p.Status = status
	return nil
}

// AddSite adds a research centre to a project and updates CenterCount.
func (c *Cache) AddSite(id, site string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.projects[id]
	if !ok {
		return ErrUnknownProject
	}
	p.Sites = append(p.Sites, site)
	p.CenterCount = len(p.Sites)
	return nil
}
