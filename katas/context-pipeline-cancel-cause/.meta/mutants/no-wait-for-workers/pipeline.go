// Package hl7pipe converts a site's HL7 messages for the sponsor, in parallel.
package hl7pipe

import (
	"context"
	"fmt"
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
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	type result struct {
		i   int
		out string
		err error
	}
	jobs := make(chan int)
	// Buffered for every message, so no worker ever blocks on a send.
	results := make(chan result, len(msgs))

	go func() {
		defer close(jobs)
		for i := range msgs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			for i := range jobs {
				s, err := convert(ctx, msgs[i])
				results <- result{i, s, err}
			}
		}()
	}

	out := make([]string, len(msgs))
	for range msgs {
		select {
		case r := <-results:
			if r.err != nil {
				cancel(fmt.Errorf("convert message %d: %w", r.i, r.err))
				// Returns at once: the other conversions are told to stop, but are still running.
				return nil, context.Cause(ctx)
			}
			out[r.i] = r.out
		case <-ctx.Done():
			return nil, fmt.Errorf("convert batch: %w", context.Cause(ctx))
		}
	}
	return out, nil
}
