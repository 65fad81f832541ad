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

// ProcessAll: Add before go and a recover in each goroutine, but Done is a
// plain call at the end of the goroutine, which a panic skips.
func ProcessAll(centres []int, process func(centre int) error) error {
	var wg sync.WaitGroup
	errs := make([]error, len(centres))

	for i, c := range centres {
		wg.Add(1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					errs[i] = &CentreError{Centre: c, Err: fmt.Errorf("%w: %v", ErrPanicked, r)}
				}
			}()
			if err := process(c); err != nil {
				errs[i] = &CentreError{Centre: c, Err: err}
			}
			wg.Done()
		}()
	}

	wg.Wait()
	return errors.Join(errs...)
}
