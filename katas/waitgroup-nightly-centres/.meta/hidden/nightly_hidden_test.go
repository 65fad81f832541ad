package nightly_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	nightly "gokata.dev/katas/waitgroup-nightly-centres"
)

func TestHiddenPanicBecomesThatCentresError(t *testing.T) {
	var processed atomic.Int32
	process := func(centre int) error {
		if centre == 205 {
			var visits map[string]int
			visits["V3"]++ // a bug in one centre's data mapping
		}
		processed.Add(1)
		return nil
	}

	err := processAllWithin(t, centreRange(201, 10), process)

	if !errors.Is(err, nightly.ErrPanicked) {
		t.Fatalf("centre 205 panicked; ProcessAll returned %v; want an error wrapping ErrPanicked. A panic in a "+
			"goroutine can only be recovered inside that goroutine, by a deferred function.", err)
	}
	ces := centreErrors(t, err)
	if len(ces) != 1 || ces[0].Centre != 205 {
		t.Fatalf("got centre errors %v; want exactly one, for centre 205", err)
	}
	if !strings.Contains(err.Error(), "assignment to entry in nil map") {
		t.Fatalf("error %q does not include the panic value; the on-call engineer needs it", err)
	}
	if n := processed.Load(); n != 9 {
		t.Fatalf("%d of the 9 other centres were processed; want all 9: one centre's panic must not stop the others", n)
	}
}

func TestHiddenEveryPanickingCentreIsReported(t *testing.T) {
	process := func(centre int) error {
		if centre%4 == 0 {
			panic(fmt.Sprintf("corrupt export from centre %d", centre))
		}
		if centre%4 == 1 {
			return fmt.Errorf("%d forms failed validation", centre%7)
		}
		return nil
	}

	err := processAllWithin(t, centreRange(300, 40), process)

	ces := centreErrors(t, err)
	if len(ces) != 20 {
		t.Fatalf("got %d centre errors; want 20 (10 panics, 10 failures)", len(ces))
	}
	for i, ce := range ces {
		want := 300 + 4*(i/2) + i%2
		if ce.Centre != want {
			t.Fatalf("centre error %d is for centre %d; want %d: errors come in the order of centres", i, ce.Centre, want)
		}
		if panicked := errors.Is(ce, nightly.ErrPanicked); panicked != (ce.Centre%4 == 0) {
			t.Fatalf("centre %d: errors.Is(err, ErrPanicked) = %t; want it true exactly for centres that panicked",
				ce.Centre, panicked)
		}
	}
}

// allAtOnce returns a process function that succeeds only once n centres are
// being processed at the same time. If that does not happen within 2s, the
// centre waiting longest gives up and so does every centre after it, so that
// a ProcessAll that runs too few centres at once returns quickly with an
// error saying so.
func allAtOnce(n int) func(int) error {
	var arrived, atGiveUp atomic.Int32
	allIn := make(chan struct{})
	gaveUp := make(chan struct{})
	var giveUp sync.Once
	return func(centre int) error {
		if arrived.Add(1) == int32(n) {
			close(allIn)
		}
		select {
		case <-allIn:
			return nil
		case <-gaveUp:
		case <-time.After(2 * time.Second):
			// Nobody has finished yet, so every centre that arrived is still being processed.
			giveUp.Do(func() { atGiveUp.Store(arrived.Load()); close(gaveUp) })
		}
		return fmt.Errorf("only %d of %d centres were ever being processed at the same time", atGiveUp.Load(), n)
	}
}

func TestHiddenCentresRunConcurrently(t *testing.T) {
	const n = 8
	if err := processAllWithin(t, centreRange(401, n), allAtOnce(n)); err != nil {
		t.Fatalf("%v; want every centre processed concurrently (the nightly window is short)", err)
	}
}

func TestHiddenAllCentresRunAtOnce(t *testing.T) {
	// A large trial: 300 research centres, and the doc comment says all of them concurrently.
	const n = 300
	err := processAllWithin(t, centreRange(7001, n), allAtOnce(n))
	if err != nil {
		first := centreErrors(t, err)[0]
		t.Fatalf("%v; want all %d centres processed concurrently, not at most so many at a time: ProcessAll "+
			"runs process for every centre, all of them at once", first.Err, n)
	}
}

func TestHiddenOneFailureIsStillJoined(t *testing.T) {
	for _, failing := range []func() error{
		func() error { return errors.New("centre export missing") },
		func() error { panic("corrupt export") },
	} {
		err := processAllWithin(t, centreRange(801, 12), func(centre int) error {
			if centre == 807 {
				return failing()
			}
			return nil
		})

		joined, ok := err.(interface{ Unwrap() []error })
		if !ok {
			t.Fatalf("one centre of 12 failed; ProcessAll returned %v (%T); want errors.Join of the failed "+
				"centres' *CentreErrors, also when only one centre failed: the job's report reads the list of "+
				"failed centres from the joined error (Unwrap() []error)", err, err)
		}
		list := joined.Unwrap()
		var ce *nightly.CentreError
		if len(list) != 1 || !errors.As(list[0], &ce) || ce.Centre != 807 {
			t.Fatalf("one centre of 12 failed; the joined error holds %v; want exactly one *CentreError, for "+
				"centre 807", list)
		}
	}
}

func TestHiddenManyFailuresAtOnce(t *testing.T) {
	process := func(centre int) error {
		if centre%2 == 1 {
			return fmt.Errorf("centre export missing")
		}
		return nil
	}

	err := processAllWithin(t, centreRange(1000, 300), process)

	ces := centreErrors(t, err)
	if len(ces) != 150 {
		t.Fatalf("300 centres, 150 failing at about the same time: got %d centre errors; want 150. Goroutines "+
			"appending to one slice without a lock lose entries (and race).", len(ces))
	}
	for i, ce := range ces {
		if ce.Centre != 1001+2*i {
			t.Fatalf("centre error %d is for centre %d; want %d (order of centres)", i, ce.Centre, 1001+2*i)
		}
	}
}

func TestHiddenNilWhenAllSucceed(t *testing.T) {
	if err := processAllWithin(t, centreRange(501, 20), func(int) error { return nil }); err != nil {
		t.Fatalf("every centre succeeded, ProcessAll returned %v (%T); want nil", err, err)
	}
	if err := processAllWithin(t, nil, func(int) error { return errors.New("never called") }); err != nil {
		t.Fatalf("ProcessAll with no centres returned %v; want nil", err)
	}
}

func TestHiddenReturnsOnlyWhenEveryCentreIsDone(t *testing.T) {
	for round := range 5 {
		var running, finished atomic.Int32
		process := func(centre int) error {
			running.Add(1)
			for range 10 {
				time.Sleep(10 * time.Microsecond) // the centre's database is slow tonight
			}
			finished.Add(1)
			return nil
		}

		err := processAllWithin(t, centreRange(600, 100), process)

		if n := finished.Load(); err != nil || n != 100 {
			t.Fatalf("round %d: ProcessAll returned (%v) with %d of 100 centres finished (%d started); want all "+
				"100. Wait returns as soon as the counter is zero: every Add must happen before Wait, so call "+
				"wg.Add before the go statement, not inside the goroutine.", round, err, n, running.Load())
		}
	}
}
