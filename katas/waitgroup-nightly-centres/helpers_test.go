package nightly_test

import (
	"errors"
	"testing"
	"time"

	nightly "gokata.dev/katas/waitgroup-nightly-centres"
)

const guard = 3 * time.Second

// processAllWithin runs ProcessAll and fails the test if it does not return
// within guard.
func processAllWithin(t *testing.T, centres []int, process func(int) error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- nightly.ProcessAll(centres, process) }()
	select {
	case err := <-done:
		return err
	case <-time.After(guard):
		t.Fatalf("ProcessAll did not return within %v. Wait waits until the counter is back to zero: some "+
			"goroutine never called Done. Is Done deferred, so that it runs even when process panics?", guard)
		return nil
	}
}

func centreRange(first, n int) []int {
	cs := make([]int, n)
	for i := range cs {
		cs[i] = first + i
	}
	return cs
}

// centreErrors returns the *CentreErrors inside err, in order.
func centreErrors(t *testing.T, err error) []*nightly.CentreError {
	t.Helper()
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else if err != nil {
		list = []error{err}
	}
	var out []*nightly.CentreError
	for _, e := range list {
		var ce *nightly.CentreError
		if !errors.As(e, &ce) {
			t.Fatalf("ProcessAll's error contains %q, which is not a *CentreError; want one *CentreError per "+
				"failed centre, joined with errors.Join", e)
		}
		out = append(out, ce)
	}
	return out
}
