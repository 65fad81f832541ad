package hl7pipe_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	hl7pipe "gokata.dev/katas/context-pipeline-cancel-cause"
)

var (
	errBadSegment = errors.New("malformed OBX segment")
	errSiteClosed = errors.New("site closed by the sponsor")
)

// fakeConverter takes one (fake) second per message. A message containing
// "BAD" fails validation after 100ms. When ctx is done first, the converter
// notes context.Cause(ctx), rolls back for 100ms and returns ctx's error.
// A non-zero unit replaces the second (and scales the 100ms with it).
type fakeConverter struct {
	unit        time.Duration
	mu          sync.Mutex
	started     int
	inFlight    int
	maxInFlight int
	causes      []error // context.Cause as seen by each stopped conversion
}

func (f *fakeConverter) convert(ctx context.Context, msg string) (string, error) {
	f.mu.Lock()
	f.started++
	f.inFlight++
	f.maxInFlight = max(f.maxInFlight, f.inFlight)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inFlight--
		f.mu.Unlock()
	}()

	unit := time.Second
	if f.unit > 0 {
		unit = f.unit
	}
	d := unit
	if strings.Contains(msg, "BAD") {
		d = unit / 10
	}
	select {
	case <-time.After(d):
		if strings.Contains(msg, "BAD") {
			return "", errBadSegment
		}
		return "SPONSOR|" + msg, nil
	case <-ctx.Done():
		f.mu.Lock()
		f.causes = append(f.causes, context.Cause(ctx))
		f.mu.Unlock()
		time.Sleep(unit / 10) // roll back the partial output
		return "", ctx.Err()
	}
}

func (f *fakeConverter) snapshot() (started, inFlight, maxInFlight int, causes []error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.started, f.inFlight, f.maxInFlight, append([]error(nil), f.causes...)
}

// messages returns n HL7 messages; the ones at the indexes in bad fail.
func messages(n int, bad ...int) []string {
	msgs := make([]string, n)
	for i := range msgs {
		msgs[i] = fmt.Sprintf("MSG-%03d", i)
	}
	for _, i := range bad {
		msgs[i] = fmt.Sprintf("BAD-%03d", i)
	}
	return msgs
}

type outcome struct {
	out      []string
	err      error
	elapsed  time.Duration
	inFlight int // conversions still running when ConvertAll returned
}

// convertAll runs ConvertAll and measures it in fake time.
func convertAll(ctx context.Context, conv *fakeConverter, msgs []string, workers int) outcome {
	start := time.Now()
	out, err := hl7pipe.ConvertAll(ctx, msgs, workers, conv.convert)
	elapsed := time.Since(start)
	_, inFlight, _, _ := conv.snapshot()
	return outcome{out, err, elapsed, inFlight}
}
