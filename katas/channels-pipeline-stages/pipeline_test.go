package hl7pipe

import (
	"context"
	"slices"
	"testing"
	"testing/synctest"
)

func TestConvertDeliversEveryRecordAndCloses(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		got := collect(t, Convert(t.Context(), feed), "Convert's output channel")

		if !slices.Equal(got, feedRecords) {
			t.Fatalf("Convert(feed) gave %v; want %v", got, feedRecords)
		}
	})
}

func TestPipelineStopsWhenTheConsumerCancels(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())

		records := Convert(ctx, manyLines(500))
		for range 3 {
			<-records
		}
		// The upload was aborted: the consumer stops reading, and cancels.
		synctest.Wait()
		cancel()

		expectAllExited(t, "after the consumer cancelled and stopped reading")
	})
}
