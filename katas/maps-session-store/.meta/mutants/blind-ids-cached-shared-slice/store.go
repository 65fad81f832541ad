// Package sessions keeps the ePRO gateway's active tablet sessions in memory.
package sessions

import (
	"maps"
	"slices"
	"sync"
	"time"
)

type Session struct {
	Subject string
	Device  string
	Expires time.Time
	Scores  [8]int64
}

type Store struct {
	mu       sync.RWMutex
	sessions map[string]Session
	peak     int
	ids      []string // sorted ids, nil when stale
}

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
	s.ids = nil
}

func (s *Store) Get(id string) (Session, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	sess, ok := s.sessions[id]
	return sess, ok
}

//LEN
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.sessions)
}
//ENDLEN

//IDS
func (s *Store) IDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ids == nil {
		s.ids = slices.Sorted(maps.Keys(s.sessions))
	}
	return s.ids
}
//ENDIDS

// shrink rebuilds the map when it holds far fewer sessions than its peak. Caller holds mu.
func (s *Store) shrink() {
	if s.peak >= 1024 && len(s.sessions)*4 < s.peak {
		m := make(map[string]Session, len(s.sessions))
		for k, v := range s.sessions {
			m[k] = v
		}
		s.sessions = m
		s.peak = len(m)
	}
}

func (s *Store) Delete(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, id)
	s.ids = nil
	s.shrink()
}

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
		s.ids = nil
	}
	s.shrink()
	return n
}
