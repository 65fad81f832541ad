package ipsupply

import "sync"

// This is the only test file inside the package: the tests themselves are in
// package ipsupply_test, out of reach of anything declared in transfer.go.
// They hold a depot's mutex at times, as a long stock count would, to force
// the schedules that show a deadlock or a broken transfer on every run.

// LockOf returns the mutex that guards d.
func LockOf(d *Depot) *sync.Mutex { return &d.mu }
