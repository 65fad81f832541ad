// Mutant (blind: written from the README and starter only).
// Flaw: returns errors.Join of the failing conversion's error and the context.Canceled errors of the
// conversions it stopped, so the error of a failed batch matches context.Canceled.
// Violates: "If a conversion fails, ... Return that error (wrapped, so errors.Is finds it)"

// Package hl7pipe converts a site's HL7 messages for the sponsor, in parallel.
package hl7pipe

import (
	"context"
	"errors"
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
			cancel(err)
		}
		firstErr = errors.Join(firstErr, err) // report every failed message
	}

	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := range msgs {
			select {
			case jobs <- i:
			case <-cctx.Done():
				return
			}
		}
	}()

	out := make([]string, len(msgs))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if cctx.Err() != nil {
					continue
				}
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
	if ctx.Err() != nil {
		return nil, fmt.Errorf("convert messages: %w", context.Cause(ctx))
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}
