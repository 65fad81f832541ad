package hl7out_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	hl7out "gokata.dev/katas/defer-close-error"
)

var (
	errDiskFull   = errors.New("no space left on device")
	errShareGone  = errors.New("network share unreachable")
	errPermission = errors.New("permission denied")
)

// fakeOutput is a buffered output file: writes can be made to fail from the
// n-th one on, and Close (the final flush) can be made to fail.
type fakeOutput struct {
	buf                bytes.Buffer
	writes             int
	failWritesAt       int   // 1-based index of the first failing write; 0 means writes never fail
	writeErr           error // returned by failing writes
	closeErr           error // returned by Close
	closes             int
	writesAfterFailure int
	failed             bool
}

func (f *fakeOutput) Write(p []byte) (int, error) {
	if f.closes > 0 {
		return 0, errors.New("write to a closed file")
	}
	f.writes++
	if f.failed {
		f.writesAfterFailure++
	}
	if f.failWritesAt > 0 && f.writes >= f.failWritesAt {
		f.failed = true
		return 0, f.writeErr
	}
	return f.buf.Write(p)
}

func (f *fakeOutput) Close() error {
	f.closes++
	return f.closeErr
}

// creator returns a Create that hands out out, and records the names asked for.
func creator(out *fakeOutput, names *[]string) hl7out.Create {
	return func(name string) (io.WriteCloser, error) {
		*names = append(*names, name)
		return out, nil
	}
}

// runWriteBatch calls WriteBatch and turns a panic into a readable failure.
func runWriteBatch(t *testing.T, create hl7out.Create, name string, msgs []string) (err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("WriteBatch panicked: %v", p)
		}
	}()
	return hl7out.WriteBatch(create, name, msgs)
}

func checkClosedOnce(t *testing.T, out *fakeOutput) {
	t.Helper()
	if out.closes != 1 {
		t.Errorf("the output file was closed %d times; want exactly once (an unclosed file leaks its "+
			"descriptor and may never be flushed)", out.closes)
	}
}

var messages = []string{
	"MSH|^~\\&|EDC|SITE-01|SPONSOR|TRIAL-7|20240501||ORU^R01|0001|P|2.5",
	"MSH|^~\\&|EDC|SITE-01|SPONSOR|TRIAL-7|20240501||ORU^R01|0002|P|2.5",
	"MSH|^~\\&|EDC|SITE-02|SPONSOR|TRIAL-7|20240501||ORU^R01|0003|P|2.5",
}
