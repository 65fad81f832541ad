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
	// Plain WithCancel: everything stops, but converters only learn "context canceled",
	// and the caller's reason is lost.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan int)
	out := make([]string, len(msgs))
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error

	wg.Go(func() {
		defer close(jobs)
		for i := range msgs {
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
					once.Do(func() { firstErr = fmt.Errorf("convert message %d: %w", i, err) })
					cancel()
					return
				}
				out[i] = s
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
