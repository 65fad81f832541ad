// Mutant (blind: written from the README and starter only).
// Flaw: after a write fails it remembers the first error but keeps writing the remaining messages instead of
// stopping.
// Violates: "If a write fails, stop writing and return that error (wrapped)"

// Package hl7out writes converted HL7 messages to the sponsor's drop folder.
package hl7out

import (
	"errors"
	"fmt"
	"io"
)

// Create creates a new output file for writing.
type Create func(name string) (io.WriteCloser, error)

// WriteBatch creates the output file name, writes every message to it (one
// per line) and closes it.
func WriteBatch(create Create, name string, msgs []string) (err error) {
	w, err := create(name)
	if err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}
	defer func() {
		if cerr := w.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("close %s: %w", name, cerr))
		}
	}()

	// Write as much of the batch as we can; report the first failure.
	for i, msg := range msgs {
		if _, werr := io.WriteString(w, msg+"\n"); werr != nil && err == nil {
			err = fmt.Errorf("write message %d to %s: %w", i, name, werr)
		}
	}
	return err
}
