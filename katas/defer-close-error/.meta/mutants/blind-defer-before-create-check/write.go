// Mutant (blind: written from the README and starter only).
// Flaw: the deferred Close is registered before create's error is checked, so when create fails the deferred
// call invokes Close on a nil WriteCloser and panics instead of returning the create error.
// Violates: "If create fails, return its error (wrapped)."

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
	defer func() {
		if cerr := w.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("close %s: %w", name, cerr))
		}
	}()
	if err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}

	for i, msg := range msgs {
		if _, err := io.WriteString(w, msg+"\n"); err != nil {
			return fmt.Errorf("write message %d to %s: %w", i, name, err)
		}
	}
	return nil
}
