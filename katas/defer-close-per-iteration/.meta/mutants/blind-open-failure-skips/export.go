// Mutant (blind: written from the README and starter only).
// Flaw: when a report cannot be opened it keeps going and opens the remaining reports, returning the open
// error only after the whole list has been tried.
// Violates: "if opening a report fails, return that error (wrapped, so errors.Is still finds it)"

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
	var openErrs []error
	for _, name := range names {
		r, err := open(name)
		if err != nil {
			// A missing file at one site should not stop the nightly run.
			openErrs = append(openErrs, fmt.Errorf("open report %s: %w", name, err))
			continue
		}
		if err := exportOne(name, r, process); err != nil {
			return err
		}
	}
	return errors.Join(openErrs...)
}

func exportOne(name string, r io.ReadCloser, process func(name string, r io.Reader) error) error {
	defer r.Close()
	if err := process(name, r); err != nil {
		return fmt.Errorf("export report %s: %w", name, err)
	}
	return nil
}
