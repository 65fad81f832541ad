// Mutant (blind: written from the README and starter only).
// Flaw: the pipeline context is detached from the caller's and cancelled with ctx.Err() when the caller's ctx
// ends, so stopped converters see "context canceled" instead of the caller's reason (ConvertAll itself still
// returns context.Cause(ctx)).
// Violates: "If the caller's ctx ends first, stop the same way" (converters must learn the cause through context.Cause of their ctx)

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
func ConvertAll(ctx context.Context, msgs []string, workers int, convert Convert) ([]string, error) {
	workers = max(workers, 1)
	// The pipeline has its own lifetime: a failed message cancels it with its
	// error; the caller ending cancels it too.
	pctx, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
	defer cancel(nil)
	stop := context.AfterFunc(ctx, func() { cancel(ctx.Err()) })
	defer stop()

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

	if ctx.Err() != nil {
		return nil, fmt.Errorf("convert batch: %w", context.Cause(ctx))
	}
	if err := context.Cause(pctx); err != nil {
		return nil, fmt.Errorf("convert batch: %w", err)
	}
	return out, nil
}
