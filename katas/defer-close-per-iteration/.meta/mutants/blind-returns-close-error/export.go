// Mutant (blind: written from the README and starter only).
// Flaw: when a report's Close fails after process succeeded, returns the Close error and stops the export.
// Violates: "Errors from Close are ignored: the reports are only read."

// Package export forwards the sites' ePRO report files to the sponsor.
package export

import (
	"fmt"
	"io"
)

// Opener opens one site's ePRO report file for reading.
type Opener func(name string) (io.ReadCloser, error)

// ExportAll opens the reports named in names, one after another, and hands each
// one to process.
func ExportAll(names []string, open Opener, process func(name string, r io.Reader) error) error {
	for _, name := range names {
		if err := exportOne(name, open, process); err != nil {
			return err
		}
	}
	return nil
}

func exportOne(name string, open Opener, process func(name string, r io.Reader) error) (err error) {
	r, err := open(name)
	if err != nil {
		return fmt.Errorf("open report %s: %w", name, err)
	}
	defer func() {
		if cerr := r.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close report %s: %w", name, cerr)
		}
	}()

	if err := process(name, r); err != nil {
		return fmt.Errorf("export report %s: %w", name, err)
	}
	return nil
}
