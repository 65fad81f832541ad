package hl7pipe_test

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	hl7pipe "gokata.dev/katas/context-pipeline-cancel-cause"
)

// One worker converts a good message (1s), then a bad one that fails at once.
// At the moment of the failure the next message is ready to be handed out, so
// a pipeline that only stops handing out work when it happens to see the stop
// first starts it about half of the time. 64 rounds on one P make that certain.
func TestHiddenNothingStartsAfterAnInstantFailure(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var lateRounds, late atomic.Int32
	for range 64 {
		inBubble(t, func(t *testing.T) {
			var sawStop bool
			conv := func(ctx context.Context, msg string) (string, error) {
				if ctx.Err() != nil {
					if !sawStop {
						sawStop = true
						lateRounds.Add(1)
					}
					late.Add(1)
					return "", ctx.Err()
				}
				if strings.HasPrefix(msg, "BAD") {
					return "", errBadSegment
				}
				select {
				case <-time.After(time.Second):
					return "SPONSOR|" + msg, nil
				case <-ctx.Done():
					return "", ctx.Err()
				}
			}
			_, err := hl7pipe.ConvertAll(t.Context(), messages(6, 1), 1, conv)
			if !errors.Is(err, errBadSegment) {
				t.Fatalf("ConvertAll returned %v; want an error wrapping %q", err, errBadSegment)
			}
			synctest.Wait()
		})
	}
	if n := lateRounds.Load(); n > 0 {
		t.Fatalf("with 1 worker, message 1 failing at once after message 0 converted: in %d of 64 runs a "+
			"conversion (%d in all) was still started on the already-cancelled ctx; want none. README: once a "+
			"conversion fails, no further work is started. A select that may hand out the next message or "+
			"see the stop picks at random when both are ready: check the ctx before starting a conversion.",
			n, late.Load())
	}
}
