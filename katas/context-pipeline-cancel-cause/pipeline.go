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
	type result struct {
		i   int
		out string
		err error
	}
	jobs := make(chan int)
	results := make(chan result)

	go func() {
		for i := range msgs {
			jobs <- i
		}
		close(jobs)
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out, err := convert(ctx, msgs[i])
				results <- result{i, out, err}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	out := make([]string, len(msgs))
	for r := range results {
		if r.err != nil {
			return nil, fmt.Errorf("convert message %d: %w", r.i, r.err)
		}
		out[r.i] = r.out
	}
	return out, nil
}
