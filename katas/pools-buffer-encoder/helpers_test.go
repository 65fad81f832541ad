package hl7json_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"gokata.dev/katas/pools-buffer-encoder"
)

// recordingPool stands in for the sync.Pool in tests. Unlike sync.Pool it never
// drops anything: Get always returns the buffer Put most recently (or a fresh
// one from newBuf), so reuse happens on every call and bugs show every time.
type recordingPool struct {
	mu     sync.Mutex
	newBuf func() *bytes.Buffer
	free   []*bytes.Buffer
	gets   int
	news   int
	puts   []putRecord
	others []string // descriptions of Puts that were not *bytes.Buffer
}

type putRecord struct {
	buf *bytes.Buffer
	cap int
}

func newRecordingPool(newBuf func() *bytes.Buffer) *recordingPool {
	return &recordingPool{newBuf: newBuf}
}

func (p *recordingPool) Get() any {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gets++
	if n := len(p.free); n > 0 {
		b := p.free[n-1]
		p.free = p.free[:n-1]
		return b
	}
	p.news++
	return p.newBuf()
}

func (p *recordingPool) Put(x any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	b, ok := x.(*bytes.Buffer)
	if !ok {
		p.others = append(p.others, fmt.Sprintf("%T", x))
		return
	}
	p.puts = append(p.puts, putRecord{buf: b, cap: b.Cap()})
	p.free = append(p.free, b)
}

// putsSince returns the Puts recorded after the first n.
func (p *recordingPool) putsSince(n int) []putRecord {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]putRecord(nil), p.puts[n:]...)
}

func (p *recordingPool) putCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.puts)
}

func cleanBuffer() *bytes.Buffer { return new(bytes.Buffer) }

// dirtyBuffer is what a pooled buffer looks like: it still holds the last
// message someone encoded into it.
func dirtyBuffer() *bytes.Buffer {
	return bytes.NewBufferString(`{"message_id":"OLD-0001","type":"ADT^A08","patient_id":"P-OLD"}` + "\n")
}

func record(i int, payloadLen int) hl7json.Record {
	return hl7json.Record{
		MessageID: fmt.Sprintf("MSG-%06d", i),
		Type:      "ORU^R01",
		PatientID: fmt.Sprintf("P%05d", i%977),
		Payload:   strings.Repeat(string(rune('a'+i%26)), payloadLen),
	}
}

func wantJSON(t *testing.T, r hl7json.Record) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	return string(b) + "\n"
}

func mustEncode(t *testing.T, e *hl7json.Encoder, r hl7json.Record) []byte {
	t.Helper()
	out, err := e.Encode(r)
	if err != nil {
		t.Fatalf("Encode(%s) returned error %v", r.MessageID, err)
	}
	return out
}

// sharesMemory reports whether out lies (partly) in the array behind buf,
// including buf's spare capacity: if it does, whoever writes into buf next
// overwrites out.
func sharesMemory(out []byte, buf *bytes.Buffer) bool {
	b := buf.Bytes()
	b = b[:cap(b)]
	if cap(out) == 0 || len(b) == 0 {
		return false
	}
	outStart := uintptr(unsafe.Pointer(unsafe.SliceData(out)))
	outEnd := outStart + uintptr(cap(out))
	bufStart := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	bufEnd := bufStart + uintptr(len(b))
	return outStart < bufEnd && bufStart < outEnd
}

func short(s string) string {
	if len(s) > 120 {
		return s[:120] + fmt.Sprintf("... (%d bytes)", len(s))
	}
	return s
}
