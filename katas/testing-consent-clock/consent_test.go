package consent_test

import (
	"context"
	"testing"
	"time"

	"gokata.dev/katas/testing-consent-clock"
)

var start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func TestFakeFiresWhenAdvancedToTheDeadline(t *testing.T) {
	f := consent.NewFake(start)
	ch := f.After(time.Hour)
	f.Advance(59 * time.Minute)
	select {
	case <-ch:
		t.Fatalf("the timer fired after 59 minutes; want it at one hour")
	default:
	}
	f.Advance(time.Minute)
	select {
	case got := <-ch:
		if !got.Equal(start.Add(time.Hour)) {
			t.Errorf("the timer delivered %v; want %v", got, start.Add(time.Hour))
		}
	default:
		t.Fatalf("the timer did not fire when the clock reached its deadline")
	}
	if !f.Now().Equal(start.Add(time.Hour)) {
		t.Errorf("Now() = %v; want %v", f.Now(), start.Add(time.Hour))
	}
}

func TestWatchSignedBeforeTheReminder(t *testing.T) {
	signed := make(chan struct{})
	close(signed)
	reminders := 0
	got := consent.Watch(context.Background(), consent.NewFake(start),
		consent.Policy{RemindAfter: 24 * time.Hour, EscalateAfter: 72 * time.Hour}, signed, func() { reminders++ })
	if got != consent.Signed || reminders != 0 {
		t.Errorf("Watch = %v with %d reminder(s); want Signed and none", got, reminders)
	}
}
