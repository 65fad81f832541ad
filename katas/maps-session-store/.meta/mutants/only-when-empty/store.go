// Package sessions keeps the ePRO gateway's active tablet sessions in memory.
package sessions

import (
	"slices"
	"sync"
	"time"
)

// Session is one tablet's session.
type Session struct {
	Subject string
	Device  string
	Expires time.Time
	Scores  [8]int64 // the last questionnaire's item scores
}

// minRebuild is the smallest high-water mark for which a rebuild is worth it.
const minRebuild = 1024

// Store holds sessions by id. The zero Store is empty and ready to use, and a Store is safe for
// concurrent use by multiple goroutines.
type Store struct {
	mu       sync.RWMutex
	sessions map[string]Session
	peak     int // the most sessions held since the map was last built
}

// Put stores sess under id, replacing any session already stored there.
func (s *Store) Put(id string, sess Session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sessions == nil {
		s.sessions = make(map[string]Session)
	}
	s.sessions[id] = sess
	s.peak = max(s.peak, len(s.sessions))
}

// Get returns the session stored under id.
func (s *Store) Get(id string) (Session, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	sess, ok := s.sessions[id]
	return sess, ok
}

// Len returns the number of sessions held.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.sessions)
}

// IDs returns the ids of all sessions in ascending order.
func (s *Store) IDs() []string {
	s.mu.RLock()
	ids := make([]string, 0, len(s.sessions))
	for id := range s.sessions {
		ids = append(ids, id)
	}
	s.mu.RUnlock()
	slices.Sort(ids)
	return ids
}

// Delete removes the session stored under id, if any.
func (s *Store) Delete(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, id)
	s.shrinkLocked()
}

// ExpireBefore removes every session whose Expires is before t and returns how many it removed.
func (s *Store) ExpireBefore(t time.Time) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for id, sess := range s.sessions {
		if sess.Expires.Before(t) {
			delete(s.sessions, id) // deleting during range is well defined
			n++
		}
	}
	s.shrinkLocked()
	return n
}

// shrinkLocked rebuilds the map when it holds less than a quarter of its high-water mark: a Go
// map never gives back the storage it grew to, whatever is deleted from it.
func (s *Store) shrinkLocked() {
	if len(s.sessions) != 0 {
		return
	}
	fresh := make(map[string]Session, len(s.sessions))
	for id, sess := range s.sessions {
		fresh[id] = sess
	}
	s.sessions = fresh
	s.peak = len(fresh)
}
