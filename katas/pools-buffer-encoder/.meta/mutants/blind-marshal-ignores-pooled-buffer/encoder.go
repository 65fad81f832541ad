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

// Takes a buffer from the pool and puts it back, but never writes into it:
// every message allocates with json.Marshal, so the pool saves nothing.
func (e *Encoder) Encode(r Record) ([]byte, error) {
	buf := e.pool.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= MaxPooledBufferCap {
			e.pool.Put(buf)
		}
	}()
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	return append(b, 10), nil
}
