// Mutant (blind: written from the README and starter only).
// Flaw: the audit entry records the converter's raw error, not the wrapped error ConvertBatch actually returned.
// Violates: "Err: the error ConvertBatch returned (nil on success)"

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
func ConvertBatch(batch string, msgs []string, conv Converter, audit Auditor, clock Clock) (out []string, err error) {
	start := clock.Now()
	converted := 0
	var convErr error
	defer func() {
		audit.Record(AuditEntry{
			Batch:     batch,
			Started:   start,
			Elapsed:   clock.Now().Sub(start),
			Converted: converted,
			Err:       convErr,
		})
	}()

	for i, msg := range msgs {
		c, cerr := conv.Convert(msg)
		if cerr != nil {
			convErr = cerr
			return nil, fmt.Errorf("batch %s, message %d: %w", batch, i, cerr)
		}
		out = append(out, c)
		converted++
	}
	return out, nil
}
