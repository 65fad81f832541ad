// Package hl7out writes converted HL7 messages to the sponsor's drop folder.
package hl7out

import (
	"fmt"
	"io"
)

// Create creates a new output file for writing.
type Create func(name string) (io.WriteCloser, error)

// WriteBatch creates the output file name, writes every message to it (one
// per line) and closes it.
//
// It returns nil only if every step succeeded, Close included: the output is
// buffered, and a full disk or a lost network share is often reported only
// when Close flushes the last block. The sponsor's system imports whatever
// file it finds, so a truncated file reported as success is a data-integrity
// incident.
//
//   - If create fails, return its error (wrapped).
//   - If a write fails, stop writing and return that error (wrapped), even
//     if Close fails as well. Reporting the Close error too is welcome, but
//     it must not replace the write error.
//   - If only Close fails, return its error (wrapped).
//
// Whenever the file was created, it is closed exactly once.
func WriteBatch(create Create, name string, msgs []string) error {
	w, err := create(name)
	if err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}
	// Assigns to a local variable: the value was already returned when this runs.
	defer func() {
		if cerr := w.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close %s: %w", name, cerr)
		}
	}()

	for i, msg := range msgs {
		if _, err := io.WriteString(w, msg+"\n"); err != nil {
			return fmt.Errorf("write message %d to %s: %w", i, name, err)
		}
	}
	return nil
}
