package hl7pipe_test

import (
	"context"
	"slices"
	"testing"
	"testing/synctest"

	hl7pipe "gokata.dev/katas/channels-pipeline-stages"
)

func TestConvertDeliversEveryRecordAndCloses(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		got := collect(t, hl7pipe.Convert(t.Context(), feed), "Convert's output channel")

		if !slices.Equal(got, feedRecords) {
			t.Fatalf("Convert(feed) gave %v; want %v", got, feedRecords)
		}
	})
}

func TestPipelineStopsWhenTheConsumerCancels(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())

		records := hl7pipe.Convert(ctx, manyLines(500))
		for range 3 {
			<-records
		}
		// The upload was aborted: the consumer stops reading, and cancels.
		synctest.Wait()
		cancel()

		expectAllExited(t, "after the consumer cancelled and stopped reading")
	})
}
