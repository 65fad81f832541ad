// Mutant (blind: written from the README and starter only).
// Flaw: turns a panic into a CentreError whose error carries the panic value but does not wrap ErrPanicked.
// Violates: "a panic while processing one centre becomes that centre's `*CentreError`, wrapping `ErrPanicked` and including the panic value"

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
// returns only when every one of them has finished. It returns nil if every
// centre succeeded, otherwise errors.Join of one *CentreError per failed
// centre, in the order of centres.
func ProcessAll(centres []int, process func(centre int) error) error {
	var wg sync.WaitGroup
	errs := make([]error, len(centres)) // one slot per centre: no lock needed

	for i, c := range centres {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					errs[i] = &CentreError{Centre: c, Err: fmt.Errorf("panic: %v", r)}
				}
			}()
			if err := process(c); err != nil {
				errs[i] = &CentreError{Centre: c, Err: err}
			}
		}()
	}

	wg.Wait()
	return errors.Join(errs...)
}
