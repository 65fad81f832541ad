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
//
// A nightly run exports tens of thousands of reports and the process may only
// hold a few hundred files open, so at most one report may be open at a time:
// each report is closed before the next one is opened. Every report that was
// opened is closed exactly once, also when ExportAll stops early:
//
//   - if opening a report fails, ExportAll returns that error, wrapped;
//   - if process returns an error, ExportAll returns that error, wrapped, and
//     opens no further reports;
//   - if process panics, the panic goes on to ExportAll's caller unchanged
//     (the reports must be closed on the way out all the same).
//
// Errors from Close are ignored: these files are only read.
func ExportAll(names []string, open Opener, process func(name string, r io.Reader) error) error {
	for _, name := range names {
		r, err := open(name)
		if err != nil {
			return fmt.Errorf("open report %s: %w", name, err)
		}
		defer r.Close()

		if err := process(name, r); err != nil {
			return fmt.Errorf("export report %s: %w", name, err)
		}
	}
	return nil
}
