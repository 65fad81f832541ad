// Mutant (blind: written from the README and starter only).
// Flaw: ProjectsAt still takes the exclusive lock, so it cannot run while another reader holds the read lock.
// Violates: "Readers (`Get`, `ProjectsAt`) can hold the lock at the same time"

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

// Cache is read by every dashboard request and written by the few requests
// that change a project. It is safe for concurrent use.
type Cache struct {
	mu       sync.RWMutex
	projects map[string]*ProjectInfo
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{projects: map[string]*ProjectInfo{}}
}

// clone returns a copy of p that shares no memory with it.
func clone(p *ProjectInfo) *ProjectInfo {
	cp := *p
	cp.Sites = slices.Clone(p.Sites)
	return &cp
}

// Put stores p, replacing any project with the same ID.
func (c *Cache) Put(p ProjectInfo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.projects[p.ID] = clone(&p)
}

// Get returns a snapshot of the project.
func (c *Cache) Get(id string) (*ProjectInfo, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok := c.projects[id]
	if !ok {
		return nil, false
	}
	return clone(p), true
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
