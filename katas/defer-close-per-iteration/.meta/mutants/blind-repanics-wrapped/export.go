// Mutant (blind: written from the README and starter only).
// Flaw: it recovers a panicking converter to close the report, then re-panics with a new value that adds the
// report name, so the caller no longer sees the original panic value.
// Violates: "if process panics, the panic must reach ExportAll's caller unchanged"

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
		r.Close()
		if p := recover(); p != nil {
			panic(fmt.Sprintf("export report %s: %v", name, p))
		}
	}()

	if err := process(name, r); err != nil {
		return fmt.Errorf("export report %s: %w", name, err)
	}
	return nil
}
