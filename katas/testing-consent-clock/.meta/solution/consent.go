// Package consent watches unsigned consent forms: it reminds the site, then escalates.
package consent

import (
	"context"
	"sync"
	"time"
)

// Clock is the time source of the watcher: the real clock in production, a fake one in tests.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Real returns the Clock of the time package.
func Real() Clock { return realClock{} }

type fakeTimer struct {
	at time.Time
	ch chan time.Time
}

// Fake is a Clock that moves only when Advance is called. It is safe for concurrent use.
type Fake struct {
	mu     sync.Mutex
	now    time.Time
	timers []fakeTimer
}

// NewFake returns a Fake clock reading start.
func NewFake(start time.Time) *Fake { return &Fake{now: start} }

// Now returns the fake time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// After returns a channel that receives the fake time once the clock reaches Now()+d.
func (f *Fake) After(d time.Duration) <-chan time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- f.now
		return ch
	}
	f.timers = append(f.timers, fakeTimer{at: f.now.Add(d), ch: ch})
	return ch
}

// Advance moves the clock forward by d and fires every timer that is due, without blocking.
func (f *Fake) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
	kept := f.timers[:0]
	for _, t := range f.timers {
		if !t.at.After(f.now) {
			t.ch <- f.now
			continue
		}
		kept = append(kept, t)
	}
	f.timers = kept
}

// Pending returns how many timers have not fired yet.
func (f *Fake) Pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.timers)
}

// Outcome is how a watch ended.
type Outcome int

const (
	Signed Outcome = iota + 1
	Escalated
	Cancelled
)

// Policy says when to remind and when to escalate, both measured from the start of the watch.
type Policy struct {
	RemindAfter   time.Duration
	EscalateAfter time.Duration
}

// Watch waits for signed. It calls remind once when p.RemindAfter has passed, and returns Escalated when
// p.EscalateAfter has passed, Signed when signed is closed or receives first, Cancelled when ctx is done.
func Watch(ctx context.Context, clk Clock, p Policy, signed <-chan struct{}, remind func()) Outcome {
	remindC := clk.After(p.RemindAfter)
	escalateC := clk.After(p.EscalateAfter)
	for {
		select {
		case <-signed:
			return Signed
		case <-remindC:
			remindC = nil
			remind()
		case <-escalateC:
			if remindC != nil && p.RemindAfter <= p.EscalateAfter {
				// The clock passed both deadlines before Watch looked (a fake
				// clock advanced by days, a machine that slept): select picks
				// a ready case at random, but the reminder was due first.
				remind()
			}
			return Escalated
		case <-ctx.Done():
			return Cancelled
		}
	}
}
