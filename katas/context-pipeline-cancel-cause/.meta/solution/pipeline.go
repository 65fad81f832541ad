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
// returns the results in the order of msgs. workers < 1 counts as 1.
//
//   - If a conversion fails, ConvertAll stops the whole pipeline: the
//     conversions in flight are told to stop through their ctx, and
//     context.Cause of that ctx is the conversion's error, so each converter
//     can log why it was stopped. ConvertAll returns that error (wrapped).
//   - If the caller's ctx ends first, ConvertAll stops the same way and
//     returns context.Cause(ctx) (wrapped): the caller's reason, such as "site
//     closed", not just "context canceled".
//   - When ConvertAll returns, every goroutine it started has exited and no
//     conversion is still running.
func ConvertAll(ctx context.Context, msgs []string, workers int, convert Convert) ([]string, error) {
	workers = max(workers, 1)
	// One context for the whole pipeline. Cancelling it with a cause tells every
	// stage to stop and lets each converter ask context.Cause why. The first
	// cancellation wins: later calls (and a cancelled parent) do not overwrite it.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	jobs := make(chan int)
	out := make([]string, len(msgs))
	var wg sync.WaitGroup

	wg.Go(func() {
		defer close(jobs)
		for i := range msgs {
			// Without this select the producer would block forever on a send
			// that no stopped worker will ever receive.
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	})

	for range workers {
		wg.Go(func() {
			for i := range jobs {
				if ctx.Err() != nil {
					return
				}
				s, err := convert(ctx, msgs[i])
				if err != nil {
					cancel(fmt.Errorf("convert message %d: %w", i, err))
					return
				}
				out[i] = s // each index has one writer; read only after wg.Wait
			}
		})
	}

	// Waiting for every stage is what guarantees that nothing runs after we return.
	wg.Wait()
	if cause := context.Cause(ctx); cause != nil {
		return nil, fmt.Errorf("convert batch: %w", cause)
	}
	return out, nil
}
