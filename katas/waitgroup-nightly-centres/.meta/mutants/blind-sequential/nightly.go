// Mutant (blind: written from the README and starter only).
// Flaw: processes the centres one after another in the calling goroutine (recovering each panic), so nothing runs concurrently.
// Violates: "centres are processed concurrently."

// Package nightly runs the EDC system's nightly clean-up of the case report
// forms (CRFs) submitted by each research centre.
package nightly

import (
	"errors"
	"fmt"
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

// ProcessAll runs process for every centre and returns only when every one of
// them has finished. It returns nil if every centre succeeded, otherwise
// errors.Join of one *CentreError per failed centre, in the order of centres.
func ProcessAll(centres []int, process func(centre int) error) error {
	var errs []error
	for _, c := range centres {
		if err := processOne(c, process); err != nil {
			errs = append(errs, &CentreError{Centre: c, Err: err})
		}
	}
	return errors.Join(errs...)
}

// processOne runs process(c), turning a panic into an error wrapping ErrPanicked.
func processOne(c int, process func(centre int) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrPanicked, r)
		}
	}()
	return process(c)
}
