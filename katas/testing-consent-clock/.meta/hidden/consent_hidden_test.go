package consent_test

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"gokata.dev/katas/testing-consent-clock"
)

var day0 = time.Date(2026, 5, 11, 8, 30, 0, 0, time.UTC)

var policy = consent.Policy{RemindAfter: 24 * time.Hour, EscalateAfter: 72 * time.Hour}

// advance runs f.Advance(d) and fails instead of hanging when it blocks.
func advance(t *testing.T, f *consent.Fake, d time.Duration) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.Advance(d)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatalf("Advance(%v) blocked: firing a timer must not wait for a receiver", d)
	}
}

// waitPending waits until n timers are registered on f, or fails.
func waitPending(t *testing.T, f *consent.Fake, n int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for f.Pending() != n {
		if time.Now().After(deadline) {
			t.Fatalf("Pending() = %d; want %d: does Watch take its timers from the injected clock?", f.Pending(), n)
		}
		runtime.Gosched()
	}
}

func TestHiddenExactDeadlineFires(t *testing.T) {
	f := consent.NewFake(day0)
	ch := f.After(24 * time.Hour)
	advance(t, f, 24*time.Hour-time.Nanosecond)
	select {
	case <-ch:
		t.Fatalf("fired one nanosecond early")
	default:
	}
	advance(t, f, time.Nanosecond)
	select {
	case <-ch:
	default:
		t.Fatalf("did not fire at exactly its deadline")
	}
	if f.Pending() != 0 {
		t.Errorf("Pending() = %d after the only timer fired; want 0", f.Pending())
	}
}

func TestHiddenAdvanceNeverWaitsForAReceiver(t *testing.T) {
	f := consent.NewFake(day0)
	a, b := f.After(time.Minute), f.After(2*time.Minute)
	advance(t, f, time.Hour)
	if len(a) != 1 || len(b) != 1 {
		t.Fatalf("after Advance: %d and %d value(s) waiting; want each timer to hold its value", len(a), len(b))
	}
}

func TestHiddenZeroDurationFiresAtOnce(t *testing.T) {
	f := consent.NewFake(day0)
	for _, d := range []time.Duration{0, -time.Second} {
		select {
		case got := <-f.After(d):
			if !got.Equal(day0) {
				t.Errorf("After(%v) delivered %v; want the current fake time %v", d, got, day0)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("After(%v) did not fire without an Advance, as time.After would", d)
		}
	}
}

func TestHiddenFakeIsSafeForConcurrentUse(t *testing.T) {
	f := consent.NewFake(day0)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			_ = f.After(time.Duration(i+1) * time.Minute)
			_ = f.Pending()
		}()
		go func() {
			defer wg.Done()
			f.Advance(2 * time.Minute)
			_ = f.Now()
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("concurrent After/Advance did not finish")
	}
	advance(t, f, time.Hour)
	if n := f.Pending(); n != 0 {
		t.Errorf("Pending() = %d after advancing past every deadline; want 0", n)
	}
}

func TestHiddenWatchRemindsOnceThenEscalatesWithAFakeClock(t *testing.T) {
	f := consent.NewFake(day0)
	var reminders atomic.Int32
	out := make(chan consent.Outcome, 1)
	go func() {
		out <- consent.Watch(context.Background(), f, policy, make(chan struct{}), func() { reminders.Add(1) })
	}()
	waitPending(t, f, 2)
	advance(t, f, 24*time.Hour-time.Minute)
	if n := reminders.Load(); n != 0 {
		t.Fatalf("%d reminder(s) after 23h59m; want none", n)
	}
	advance(t, f, time.Minute)
	waitPending(t, f, 1)
	advance(t, f, 48*time.Hour)
	select {
	case got := <-out:
		if got != consent.Escalated {
			t.Fatalf("Watch = %v; want Escalated at 72h", got)
		}
	case <-time.After(2 * time.Second):
		t.Fatalf("Watch did not escalate 72h after the start (is the escalation timed from the reminder?)")
	}
	if n := reminders.Load(); n != 1 {
		t.Errorf("%d reminder(s); want exactly one", n)
	}
}

func TestHiddenWatchStopsOnCancel(t *testing.T) {
	f := consent.NewFake(day0)
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan consent.Outcome, 1)
	go func() { out <- consent.Watch(ctx, f, policy, make(chan struct{}), func() {}) }()
	cancel()
	select {
	case got := <-out:
		if got != consent.Cancelled {
			t.Errorf("Watch = %v; want Cancelled", got)
		}
	case <-time.After(2 * time.Second):
		t.Fatalf("Watch ignored the cancelled context")
	}
}

// The same behaviour with the real clock, inside a synctest bubble: 72 hours pass instantly.
func TestHiddenWatchWithTheRealClockInABubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		begin := time.Now()
		var remindedAt time.Duration
		reminders := 0
		got := consent.Watch(t.Context(), consent.Real(), policy, make(chan struct{}), func() {
			reminders++
			remindedAt = time.Since(begin)
		})
		if got != consent.Escalated || time.Since(begin) != 72*time.Hour {
			t.Fatalf("Watch = %v after %v; want Escalated after exactly 72h", got, time.Since(begin))
		}
		if reminders != 1 || remindedAt != 24*time.Hour {
			t.Errorf("%d reminder(s), the first at %v; want one at 24h", reminders, remindedAt)
		}
	})
}

// And once outside any bubble, with the real clock and short durations.
func TestHiddenWatchWithTheRealClockAndShortDurations(t *testing.T) {
	begin := time.Now()
	var reminders atomic.Int32
	got := consent.Watch(context.Background(), consent.Real(),
		consent.Policy{RemindAfter: 10 * time.Millisecond, EscalateAfter: 40 * time.Millisecond},
		make(chan struct{}), func() { reminders.Add(1) })
	if got != consent.Escalated || reminders.Load() != 1 {
		t.Fatalf("Watch = %v with %d reminder(s); want Escalated after one reminder", got, reminders.Load())
	}
	if elapsed := time.Since(begin); elapsed < 40*time.Millisecond {
		t.Errorf("escalated after %v; want at least 40ms", elapsed)
	}
	if d := time.Since(consent.Real().Now()); d < 0 || d > time.Second {
		t.Errorf("Real().Now() is %v away from time.Now()", d)
	}
}

func TestHiddenWatchStopsOnCancelAfterTheReminder(t *testing.T) {
	f := consent.NewFake(day0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reminded := make(chan struct{}, 1)
	out := make(chan consent.Outcome, 1)
	go func() {
		out <- consent.Watch(ctx, f, policy, make(chan struct{}), func() { reminded <- struct{}{} })
	}()
	waitPending(t, f, 2)
	advance(t, f, 24*time.Hour)
	select {
	case <-reminded:
	case <-time.After(2 * time.Second):
		t.Fatalf("Watch did not call remind when the clock reached 24h")
	}

	cancel() // the subject withdrew; the site closes the watch between reminder and escalation
	select {
	case got := <-out:
		if got != consent.Cancelled {
			t.Errorf("Watch = %v after ctx was cancelled at 24h (after the reminder); want Cancelled", got)
		}
	case <-time.After(2 * time.Second):
		advance(t, f, 48*time.Hour) // let a stuck Watch return
		t.Fatalf("Watch ignored a ctx cancelled after the reminder: it returns Cancelled when ctx is done, " +
			"before the reminder or after it")
	}

	// The same with the real clock in a bubble: ctx expires 30h into the watch.
	synctest.Test(t, func(t *testing.T) {
		begin := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), 30*time.Hour)
		defer cancel()
		reminders := 0
		got := consent.Watch(ctx, consent.Real(), policy, make(chan struct{}), func() { reminders++ })
		if got != consent.Cancelled || time.Since(begin) != 30*time.Hour || reminders != 1 {
			t.Fatalf("with ctx done 30h into the watch: Watch = %v after %v with %d reminder(s); want Cancelled "+
				"after exactly 30h, with the one reminder at 24h", got, time.Since(begin), reminders)
		}
	})
}

// jumpingClock is a Fake that moves forward by jump as soon as the watch has
// created its second timer: the clock passes both deadlines before Watch waits
// on either. That is what an Advance from another goroutine does when it comes
// right after Pending() reaches 2 (or a machine that sleeps through the
// weekend); here it happens every time.
type jumpingClock struct {
	*consent.Fake
	jump time.Duration
	once sync.Once
}

func (c *jumpingClock) After(d time.Duration) <-chan time.Time {
	ch := c.Fake.After(d)
	if c.Fake.Pending() == 2 {
		c.once.Do(func() { c.Fake.Advance(c.jump) })
	}
	return ch
}

func TestHiddenWatchRemindsEvenWhenOneAdvancePassesBothDeadlines(t *testing.T) {
	// The site is reminded at 24h even if the clock reaches 72h in one step:
	// the reminder was due first. Both timers are ready at once then, and a
	// select between them picks at random, so this is checked many times.
	check := func(round int, how string, out <-chan consent.Outcome, reminders *atomic.Int32) {
		t.Helper()
		select {
		case got := <-out:
			if got != consent.Escalated {
				t.Fatalf("round %d (%s): Watch = %v; want Escalated", round, how, got)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("round %d (%s): Watch did not return after the clock passed 72h; it creates both of its "+
				"timers from clk at the start of the watch", round, how)
		}
		if n := reminders.Load(); n != 1 {
			t.Fatalf("round %d (%s): Watch returned Escalated after calling remind %d time(s); want exactly once. "+
				"remind is due once RemindAfter (24h) has passed, also when the clock passes the escalation "+
				"deadline in the same step: then both timers are ready, and select picks one of them at random. "+
				"Do not escalate without the reminder that was due first.", round, how, n)
		}
	}

	for round := range 10 {
		f := consent.NewFake(day0)
		var reminders atomic.Int32
		out := make(chan consent.Outcome, 1)
		go func() {
			out <- consent.Watch(context.Background(), f, policy, make(chan struct{}), func() { reminders.Add(1) })
		}()
		waitPending(t, f, 2)
		advance(t, f, 72*time.Hour+time.Duration(round)*time.Hour)
		check(round, "one Advance past 24h and 72h", out, &reminders)
	}

	for round := range 40 {
		clk := &jumpingClock{Fake: consent.NewFake(day0), jump: 72*time.Hour + time.Duration(round)*time.Minute}
		var reminders atomic.Int32
		out := make(chan consent.Outcome, 1)
		go func() {
			out <- consent.Watch(context.Background(), clk, policy, make(chan struct{}), func() { reminders.Add(1) })
		}()
		check(round, "the clock passed 72h right after Watch created its timers", out, &reminders)
	}
}
