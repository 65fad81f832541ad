// Mutant (blind: written from the README and starter only).
// Flaw: when process fails for one report it records the error and goes on exporting the remaining reports,
// returning the first error only at the end.
// Violates: "if process returns an error, return it (wrapped) and open no further reports"

// Package export forwards the sites' ePRO report files to the sponsor.
package export

import (
	"errors"
	"fmt"
	"io"
)

// Opener opens one site's ePRO report file for reading.
type Opener func(name string) (io.ReadCloser, error)

// ExportAll opens the reports named in names, one after another, and hands each
// one to process.
func ExportAll(names []string, open Opener, process func(name string, r io.Reader) error) error {
	var errs []error
	for _, name := range names {
		r, err := open(name)
		if err != nil {
			return fmt.Errorf("open report %s: %w", name, err)
		}
		func() {
			defer r.Close()
			if err := process(name, r); err != nil {
				// One bad report must not hold back the other sites.
				errs = append(errs, fmt.Errorf("export report %s: %w", name, err))
			}
		}()
	}
	return errors.Join(errs...)
}
