package armlookup_test

import (
	"errors"
	"testing"
	"time"

	armlookup "gokata.dev/katas/goroutines-replica-lookup"
)

func TestLookupReturnsTheFirstGoodAnswerAndLeavesNothingRunning(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		replicas := []armlookup.Replica{
			c.wrap(answersAfter(3*time.Second, armlookup.Assignment{Arm: "A", Kit: "K-1041"})), // eu-west: slow
			c.wrap(answersAfter(time.Second, armlookup.Assignment{Arm: "A", Kit: "K-1041"})),   // eu-central
			c.wrap(failsAfter(500*time.Millisecond, errors.New("us-east: connection refused"))),
		}
		start := time.Now()

		a, err := armlookup.Lookup(t.Context(), "S-0107", replicas)

		if err != nil || a != (armlookup.Assignment{SubjectID: "S-0107", Arm: "A", Kit: "K-1041"}) {
			t.Fatalf("Lookup = %+v, %v; want eu-central's answer for S-0107 (arm A, kit K-1041)", a, err)
		}
		if d := time.Since(start); d != time.Second {
			t.Fatalf("Lookup returned after %v; want 1s, when eu-central answered (the others stop when "+
				"their ctx is cancelled)", d)
		}
		c.expectNoneRunning(t, "right after a good answer")
		expectAllExited(t, "right after Lookup returned a good answer")
	})
}

func TestLookupJoinsEveryErrorWhenAllFail(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		errWest := errors.New("eu-west: replica lagging, refusing reads")
		errCentral := errors.New("eu-central: connection reset")
		errEast := errors.New("us-east: subject S-0215 not found")
		replicas := []armlookup.Replica{
			c.wrap(failsAfter(2*time.Second, errWest)),
			c.wrap(failsAfter(time.Second, errCentral)),
			c.wrap(failsAfter(3*time.Second, errEast)),
		}
		start := time.Now()

		a, err := armlookup.Lookup(t.Context(), "S-0215", replicas)

		want := errors.Join(errWest, errCentral, errEast)
		if err == nil || err.Error() != want.Error() || a != (armlookup.Assignment{}) {
			t.Fatalf("Lookup = %+v, %q; want the zero Assignment and errors.Join of the three errors in the "+
				"order of the replicas slice:\n%q", a, err, want)
		}
		for _, e := range []error{errWest, errCentral, errEast} {
			if !errors.Is(err, e) {
				t.Fatalf("errors.Is(err, %q) = false; want every replica's error in the chain", e)
			}
		}
		if d := time.Since(start); d != 3*time.Second {
			t.Fatalf("Lookup returned after %v; want 3s, when the last replica failed", d)
		}
		c.expectNoneRunning(t, "after every replica failed")
		expectAllExited(t, "after every replica failed")
	})
}
