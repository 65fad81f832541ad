// Processes at most 64 centres at once, not all of them concurrently.
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
	sem := make(chan struct{}, 64) // protect the analysis database: at most 64 centres at once
	errs := make([]error, len(centres))
	for i, c := range centres {
		wg.Add(1)
		go func() {
			sem <- struct{}{}
			defer func() { <-sem }()
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
	return errors.Join(errs...)
}
