// Mutant (blind: written from the README and starter only).
// Flaw: the producer checks ctx and then does a plain blocking send, and workers do not check ctx before
// converting: after a failure, jobs already handed over are still started on a cancelled ctx.
// Violates: "If a conversion fails, stop the whole pipeline: ... no further work is started"

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
	cctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	var (
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		if firstErr == nil && cctx.Err() == nil {
			firstErr = err
			cancel(err)
		}
	}

	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := range msgs {
			if cctx.Err() != nil {
				return
			}
			jobs <- i
		}
	}()

	out := make([]string, len(msgs))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r, err := convert(cctx, msgs[i])
				if err != nil {
					fail(fmt.Errorf("convert message %d: %w", i, err))
					continue
				}
				out[i] = r
			}
		}()
	}
	wg.Wait()

	mu.Lock()
	defer mu.Unlock()
	if firstErr != nil {
		return nil, firstErr
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("convert messages: %w", context.Cause(ctx))
	}
	return out, nil
}
