package hl7pipe_test

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestConvertAllConvertsInOrder(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		conv := &fakeConverter{}
		msgs := messages(10)

		o := convertAll(t.Context(), conv, msgs, 4)

		if o.err != nil {
			t.Fatalf("ConvertAll returned error %v; want nil", o.err)
		}
		want := make([]string, len(msgs))
		for i, m := range msgs {
			want[i] = "SPONSOR|" + m
		}
		if !slices.Equal(o.out, want) {
			t.Fatalf("ConvertAll = %q; want %q (the order of the input)", o.out, want)
		}
		if _, _, maxInFlight, _ := conv.snapshot(); maxInFlight > 4 {
			t.Fatalf("%d conversions ran at once; want at most 4 workers", maxInFlight)
		}
		if o.elapsed != 3*time.Second {
			t.Fatalf("10 one-second conversions on 4 workers took %v; want 3s", o.elapsed)
		}
	})
}

func TestConvertAllStopsEveryStageOnFailure(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		conv := &fakeConverter{}

		o := convertAll(t.Context(), conv, messages(100, 9), 4)

		if !errors.Is(o.err, errBadSegment) {
			t.Fatalf("message 9 failed with %q; ConvertAll returned %v, want an error wrapping it", errBadSegment, o.err)
		}
		if started, _, _, _ := conv.snapshot(); started > 20 {
			t.Fatalf("%d of 100 conversions were started although message 9 failed after about 2s; want the "+
				"pipeline to stop starting new work once a message has failed", started)
		}
		// inBubble also fails this test if a stage of the pipeline is left blocked:
		// a producer that nobody receives from, or a worker that nobody reads.
	})
}
