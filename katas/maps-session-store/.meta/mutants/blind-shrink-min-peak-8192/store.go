// Package sessions keeps the ePRO gateway's active tablet sessions in memory.
package sessions

import (
	"maps"
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

// Store holds sessions by id. The zero Store is empty and ready to use, and a Store is safe for
// concurrent use by multiple goroutines.
type Store struct {
	mu       sync.RWMutex
	sessions map[string]Session
	peak     int
}

// Put stores sess under id, replacing any session already stored there.
func (s *Store) Put(id string, sess Session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sessions == nil {
		s.sessions = make(map[string]Session)
	}
	s.sessions[id] = sess
	if len(s.sessions) > s.peak {
		s.peak = len(s.sessions)
	}
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
	defer s.mu.RUnlock()
	return slices.Sorted(maps.Keys(s.sessions))
}

// Delete removes the session stored under id, if any.
func (s *Store) Delete(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, id)
	s.shrink()
}

// ExpireBefore removes every session whose Expires is before t and returns how many it removed.
func (s *Store) ExpireBefore(t time.Time) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for id, sess := range s.sessions {
		if sess.Expires.Before(t) {
			delete(s.sessions, id)
			n++
		}
	}
	if n > 0 {
		s.shrink()
	}
	return n
}

// shrink rebuilds the map when it holds fewer than a quarter of its peak. s.mu is held.
func (s *Store) shrink() {
	if s.peak >= 8192 && len(s.sessions) < s.peak/4 { // small maps are not worth rebuilding
		fresh := make(map[string]Session, len(s.sessions))
		for id, sess := range s.sessions {
			fresh[id] = sess
		}
		s.sessions = fresh
		s.peak = len(s.sessions)
	}
}
