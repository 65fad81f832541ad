package eprostats

import "sync"

// This is the only test file inside the package: the tests themselves are in
// package eprostats_test, out of reach of anything declared in stats.go. They
// hold a counter's lock to play an Add that is in progress.

// LockOf returns the mutex that guards c.
func LockOf(c *SiteCounter) *sync.Mutex { return &c.mu }

// CountAcceptedLocked does what Add(true) does once it holds c's lock; the
// caller holds it.
func CountAcceptedLocked(c *SiteCounter) { c.accepted++ }
