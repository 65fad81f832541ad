// Returns the bare *CentreError when exactly one centre failed instead of errors.Join of it.
// Package nightly runs the EDC system's nightly clean-up of the case report
// forms (CRFs) submitted by each research centre.
package nightly

import (
	"errors"
	"fmt"
	"sync"
)

var ErrPanicked = errors.New("centre processing panicked")

type CentreError struct {
	Centre int
	Err    error
}

func (e *CentreError) Error() string { return fmt.Sprintf("centre %d: %v", e.Centre, e.Err) }
func (e *CentreError) Unwrap() error { return e.Err }

func ProcessAll(centres []int, process func(centre int) error) error {
	var wg sync.WaitGroup
	errs := make([]error, len(centres))
	for i, c := range centres {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if v := recover(); v != nil {
					errs[i] = &CentreError{Centre: c, Err: fmt.Errorf("%w: %v", ErrPanicked, v)}
				}
			}()
			if err := process(c); err != nil {
				errs[i] = &CentreError{Centre: c, Err: err}
			}
		}()
	}
	wg.Wait()
	var failed []error
	for _, e := range errs {
		if e != nil {
			failed = append(failed, e)
		}
	}
	if len(failed) == 1 {
		return failed[0] // a single failure needs no join
	}
	return errors.Join(failed...)
}
