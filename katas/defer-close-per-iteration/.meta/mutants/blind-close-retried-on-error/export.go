// Mutant (blind: written from the README and starter only).
// Flaw: retries Close up to 3 times when it returns an error, so a report whose Close fails is closed again.
// Violates: "Every report that was opened is closed exactly once" / "Errors from Close are ignored"

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

func exportOne(name string, open Opener, process func(name string, r io.Reader) error) error {
	r, err := open(name)
	if err != nil {
		return fmt.Errorf("open report %s: %w", name, err)
	}
	defer func() {
		// a flaky share sometimes fails the first Close: try again
		for i := 0; i < 3; i++ {
			if r.Close() == nil {
				return
			}
		}
	}()

	if err := process(name, r); err != nil {
		return fmt.Errorf("export report %s: %w", name, err)
	}
	return nil
}
