// Package consent watches unsigned consent forms: it reminds the site, then escalates.
package consent

import (
	"context"
	"sync"
	"time"
)

type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

func Real() Clock { return realClock{} }

type fakeTimer struct {
	at time.Time
	ch chan time.Time
}

type Fake struct {
	mu     sync.Mutex
	now    time.Time
	timers []fakeTimer
}

func NewFake(start time.Time) *Fake { return &Fake{now: start} }

func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

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

func (f *Fake) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
	kept := f.timers[:0]
	for _, t := range f.timers {
		if !t.at.After(f.now) {
			t.ch <- f.now
		} else {
			kept = append(kept, t)
		}
	}
	clear(f.timers[len(kept):])
	f.timers = kept
}

func (f *Fake) Pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.timers)
}

type Outcome int

const (
	Signed Outcome = iota + 1
	Escalated
	Cancelled
)

type Policy struct {
	RemindAfter   time.Duration
	EscalateAfter time.Duration
}

func Watch(ctx context.Context, clk Clock, p Policy, signed <-chan struct{}, remind func()) Outcome {
	remindC := clk.After(p.RemindAfter)
	escalateC := clk.After(p.EscalateAfter)
	for {
		select {
		case <-signed:
			return Signed
		case <-ctx.Done():
			return Cancelled
		case <-remindC:
			remindC = nil
			remind()
		case <-escalateC:
			return Escalated
		}
	}
}
