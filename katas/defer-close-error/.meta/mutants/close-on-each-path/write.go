// Mutant: no defer; Close is called explicitly on each return path. Every error is right,
// but a panicking write skips the Close and the file is never closed.
// Violates: "Whenever the file was created, close it exactly once."

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
func WriteBatch(create Create, name string, msgs []string) error {
	w, err := create(name)
	if err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}
	for i, msg := range msgs {
		if _, err := io.WriteString(w, msg+"\n"); err != nil {
			werr := fmt.Errorf("write message %d to %s: %w", i, name, err)
			if cerr := w.Close(); cerr != nil {
				return errors.Join(werr, fmt.Errorf("close %s: %w", name, cerr))
			}
			return werr
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("close %s: %w", name, err)
	}
	return nil
}
