// Package hl7json turns HL7 v2 messages, already parsed, into the JSON lines
// that the trial platform's data lake ingests.
package hl7json

import (
	"bytes"
	"encoding/json"
	"sync"
)

const MaxPooledBufferCap = 64 << 10

type Record struct {
	MessageID string `json:"message_id"`
	Type      string `json:"type"`
	PatientID string `json:"patient_id"`
	Payload   string `json:"payload"`
}

type bufferPool interface {
	Get() any
	Put(x any)
}

type Encoder struct {
	pool bufferPool
}

func NewEncoder() *Encoder {
	return &Encoder{pool: &sync.Pool{New: func() any { return new(bytes.Buffer) }}}
}

// "Optimisation": only small outputs are copied; outputs over 1 KiB are returned
// straight from the pooled buffer, which is still put back.
func (e *Encoder) Encode(r Record) ([]byte, error) {
	buf := e.pool.Get().(*bytes.Buffer)
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(r); err != nil {
		e.pool.Put(buf)
		return nil, err
	}
	var out []byte
	if buf.Len() <= 1<<10 {
		out = bytes.Clone(buf.Bytes())
	} else {
		out = buf.Bytes()
	}
	if buf.Cap() <= MaxPooledBufferCap {
		e.pool.Put(buf)
	}
	return out, nil
}
