package armlookup_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	armlookup "gokata.dev/katas/goroutines-replica-lookup"
)

func TestHiddenEightReplicasAreAllAskedAtOnce(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		var fakes []*fake
		for i := range 7 {
			name := fmt.Sprintf("region-%d", i+1)
			fakes = append(fakes, &fake{name: name, after: time.Hour, err: errors.New(name + ": read timeout")})
		}
		fakes = append(fakes, &fake{name: "region-8", after: time.Second, answer: armA})

		a, err := armlookup.Lookup(t.Context(), "S-0311", replicas(&c, start, fakes...))

		for _, f := range fakes {
			f.mu.Lock()
			calls, at := f.calls, f.startAt
			f.mu.Unlock()
			if calls != 1 || at[0] != 0 {
				t.Fatalf("with 8 replicas, replica %s was called %d time(s), first %v after Lookup started; want "+
					"once, at once. Rule 2: every replica is started straight away, each in its own goroutine; "+
					"no replica waits for another (no limit on how many run at a time)", f.name, calls, at)
			}
		}
		if err != nil || a != armA {
			t.Fatalf("Lookup = %+v, %v; want region-8's answer %+v after 1s", a, err, armA)
		}
		if d := time.Since(start); d != time.Second {
			t.Fatalf("Lookup returned after %v; want 1s, when region-8 answered (rule 2: all replicas are "+
				"asked at once)", d)
		}
		finish(t, &c, "after region-8 answered")
	})
}
