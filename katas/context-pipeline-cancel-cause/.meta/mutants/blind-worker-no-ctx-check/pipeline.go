// Package hl7pipe converts a site's HL7 messages for the sponsor, in parallel.
package hl7pipe

import (
	"context"
	"fmt"
	"sync"
)

// Convert converts one HL7 message.
type Convert func(ctx context.Context, msg string) (string, error)

// ConvertAll converts msgs with up to workers conversions running at once.
func ConvertAll(ctx context.Context, msgs []string, workers int, convert Convert) ([]string, error) {
	workers = max(workers, 1) //CLAMP
	callerCtx := ctx
	ctx, cancel := context.WithCancelCause(ctx) //CTX
	defer cancel(nil)
	_ = callerCtx

	jobs := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		for i := range msgs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()

	out := make([]string, len(msgs))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				// BUG: relies on the producer to stop handing out work; a job
				// already taken when the stop comes is still started.
				r, err := convert(ctx, msgs[i])
				if err != nil {
					cancel(fmt.Errorf("convert message %d: %w", i, err)) //CANCELCALL
					continue
				}
				out[i] = r
			}
		}()
	}
	wg.Wait() //WAIT

	if ctx.Err() != nil {
		return nil, fmt.Errorf("convert all: %w", context.Cause(ctx)) //RET
	}
	return out, nil
}
