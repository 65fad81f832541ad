// Mutant (blind: written from the README and starter only).
// Flaw: workers < 1 is taken to mean "no limit" (one worker per message) instead of 1, so a zero or negative
// worker count runs every conversion at once.
// Violates: "with at most workers conversions running at once (workers < 1 counts as 1)"

// Package hl7pipe converts a site's HL7 messages for the sponsor, in parallel.
package hl7pipe

import (
	"context"
	"fmt"
	"sync"
)

// Convert converts one HL7 message. It stops early, with an error, once ctx is
// done; it may need a moment to roll back before it returns.
type Convert func(ctx context.Context, msg string) (string, error)

// ConvertAll converts msgs with up to workers conversions running at once and
// returns the results in the order of msgs.
func ConvertAll(ctx context.Context, msgs []string, workers int, convert Convert) ([]string, error) {
	if workers < 1 {
		workers = len(msgs) // no limit given: one worker per message
	}
	pctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	jobs := make(chan int)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(jobs)
		for i := range msgs {
			select {
			case jobs <- i:
			case <-pctx.Done():
				return
			}
		}
	})

	out := make([]string, len(msgs))
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				if pctx.Err() != nil {
					return
				}
				r, err := convert(pctx, msgs[i])
				if err != nil {
					cancel(err)
					return
				}
				out[i] = r
			}
		})
	}
	wg.Wait()

	if err := context.Cause(pctx); err != nil {
		return nil, fmt.Errorf("convert batch: %w", err)
	}
	return out, nil
}
