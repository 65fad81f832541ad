// Mutant (blind: written from the README and starter only).
// Flaw: puts the buffer back in the pool before copying its bytes, so on a real shared pool another goroutine can get the buffer and overwrite it while the copy is being taken.
// Violates: "The caller owns the returned bytes: later `Encode` calls, on any goroutine, never change them"

// Package hl7json turns HL7 v2 messages, already parsed, into the JSON lines
// that the trial platform's data lake ingests.
package hl7json

import (
	"bytes"
	"encoding/json"
	"sync"
)

// MaxPooledBufferCap is the largest buffer capacity, in bytes, that may go back
// to the pool.
const MaxPooledBufferCap = 64 << 10

// Record is one HL7 message in the platform's internal form.
type Record struct {
	MessageID string `json:"message_id"`
	Type      string `json:"type"` // e.g. "ADT^A04", "ORU^R01"
	PatientID string `json:"patient_id"`
	Payload   string `json:"payload"` // the OBX segments; a radiology report can be hundreds of KiB
}

// bufferPool is the part of *sync.Pool the encoder uses.
type bufferPool interface {
	Get() any
	Put(x any)
}

// Encoder encodes Records, reusing its buffers between calls. It is safe for
// concurrent use. An Encoder must work when built as &Encoder{pool: p}.
type Encoder struct {
	pool bufferPool
}

// NewEncoder returns an Encoder backed by a sync.Pool of *bytes.Buffer.
func NewEncoder() *Encoder {
	return &Encoder{pool: &sync.Pool{New: func() any { return new(bytes.Buffer) }}}
}

// Encode returns r as one line of JSON (compact, ending in "\n", exactly what
// json.Marshal gives plus the newline). The caller owns the returned bytes.
func (e *Encoder) Encode(r Record) ([]byte, error) {
	buf := e.pool.Get().(*bytes.Buffer)
	buf.Reset()

	if err := json.NewEncoder(buf).Encode(r); err != nil {
		e.pool.Put(buf)
		return nil, err
	}
	if buf.Cap() <= MaxPooledBufferCap {
		e.pool.Put(buf) // done writing: the buffer can go back
	}
	return bytes.Clone(buf.Bytes()), nil
}
