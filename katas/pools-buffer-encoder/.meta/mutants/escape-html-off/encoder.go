// Mutant: turns off json.Encoder's HTML escaping, so a payload with <, > or & is not
// what json.Marshal gives.
// Violates: "Every result is exactly json.Marshal(r) plus "\n""

// Package hl7json turns HL7 v2 messages, already parsed, into the JSON lines
// that the trial platform's data lake ingests.
package hl7json

import (
	"bytes"
	"encoding/json"
	"sync"
)

// MaxPooledBufferCap is the largest buffer capacity, in bytes, that may go back
// to the pool. A radiology report can grow a buffer to megabytes; pooling such
// a buffer would keep that memory alive for every later small message.
const MaxPooledBufferCap = 64 << 10

// Record is one HL7 message in the platform's internal form.
type Record struct {
	MessageID string `json:"message_id"`
	Type      string `json:"type"` // e.g. "ADT^A04", "ORU^R01"
	PatientID string `json:"patient_id"`
	Payload   string `json:"payload"` // the OBX segments; a radiology report can be hundreds of KiB
}

// bufferPool is the part of *sync.Pool the encoder uses. The tests substitute
// a pool of their own that records every Get and Put, so keep using e.pool,
// and keep putting *bytes.Buffer values in it.
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
// json.Marshal gives plus the newline).
//
// The caller owns the returned bytes: it may keep them, hand them to another
// goroutine, or modify them, however many Encode calls follow.
func (e *Encoder) Encode(r Record) ([]byte, error) {
	buf := e.pool.Get().(*bytes.Buffer)
	// A pooled buffer still holds whatever its last user wrote.
	buf.Reset()
	defer e.release(buf)

	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false) // HL7 payloads are not HTML: keep <, > and & readable
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	// buf goes back to the pool and its next user overwrites it: the caller
	// needs bytes of its own.
	return bytes.Clone(buf.Bytes()), nil
}

func (e *Encoder) release(buf *bytes.Buffer) {
	// One huge message must not pin megabytes for all the small ones that
	// follow (golang/go#23199): let the garbage collector have it.
	if buf.Cap() > MaxPooledBufferCap {
		return
	}
	e.pool.Put(buf)
}
