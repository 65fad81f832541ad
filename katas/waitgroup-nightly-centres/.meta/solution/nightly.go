// Package nightly runs the EDC system's nightly clean-up of the case report
// forms (CRFs) submitted by each research centre.
package nightly

import (
	"errors"
	"fmt"
	"sync"
)

// ErrPanicked marks the error of a centre whose processing panicked.
var ErrPanicked = errors.New("centre processing panicked")

// CentreError is the failure of one research centre's processing.
type CentreError struct {
	Centre int
	Err    error
}

func (e *CentreError) Error() string { return fmt.Sprintf("centre %d: %v", e.Centre, e.Err) }
func (e *CentreError) Unwrap() error { return e.Err }

// ProcessAll runs process for every centre, all of them concurrently, and
// returns only when every one of them has finished.
//
// It returns nil if every centre succeeded. Otherwise it returns errors.Join
// of one *CentreError per failed centre, in the order of centres. A panic in
// process(c) is that centre's failure: its CentreError wraps ErrPanicked and
// its message includes the panic value. One centre's failure or panic never
// stops the others.
func ProcessAll(centres []int, process func(centre int) error) error {
	var wg sync.WaitGroup
	// One slot per centre: each goroutine writes only its own, so no lock is
	// needed and the errors come out in the order of centres.
	errs := make([]error, len(centres))

	for i, c := range centres {
		// Add before the go statement: if the goroutine called Add itself,
		// Wait could run first, see zero, and return before any work is done.
		wg.Add(1)
		go func() {
			// Deferred first, so it runs last: Done even when process panics.
			defer wg.Done()
			errs[i] = runCentre(c, process)
		}()
	}

	wg.Wait()
	return errors.Join(errs...) // nil when every slot is nil
}

// runCentre turns a panic of process into an error. recover works only in
// the goroutine that panicked, so this runs inside each worker goroutine; an
// unrecovered panic there would kill the whole service.
func runCentre(c int, process func(int) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &CentreError{Centre: c, Err: fmt.Errorf("%w: %v", ErrPanicked, r)}
		}
	}()
	if err := process(c); err != nil {
		return &CentreError{Centre: c, Err: err}
	}
	return nil
}
