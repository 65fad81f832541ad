// Mutant (blind: written from the README and starter only).
// Flaw: an empty batch returns nil without creating (or closing) the file at all, so no file reaches the drop
// folder and a failing create or Close is never reported for it.
// Violates: "Create the file, write every message followed by a newline, close the file."

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
	if len(msgs) == 0 {
		return nil // nothing to export today
	}
	w, err := create(name)
	if err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}
	defer func() {
		if cerr := w.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("close %s: %w", name, cerr))
		}
	}()

	for i, msg := range msgs {
		if _, err := io.WriteString(w, msg+"\n"); err != nil {
			return fmt.Errorf("write message %d to %s: %w", i, name, err)
		}
	}
	return nil
}
