// Package edcbatch runs the nightly validation of case report forms (CRFs).
package edcbatch

import (
	"context"
	"sync"
)

type Form struct {
	ID       string
	CentreID int
	Page     string
}

type Report struct {
	FormID string
	Issues []string
}

func ValidateAll(parent context.Context, forms []Form, workers int,
	validate func(context.Context, Form) (Report, error)) ([]Report, error) {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	reports := make([]Report, len(forms))
	var (
		once     sync.Once
		firstErr error
		wg       sync.WaitGroup
	)
	fail := func(err error) { once.Do(func() { firstErr = err; cancel() }) }
	jobs := make(chan int)
	for range min(workers, len(forms)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r, err := validate(ctx, forms[i])
				if err != nil {
					fail(err)
					continue
				}
				reports[i] = r
			}
		}()
	}
feed:
	for i := range forms {
		select {
		case <-ctx.Done():
			break feed
		case jobs <- i:
		}
	}
	close(jobs)
	wg.Wait()
	if err := parent.Err(); err != nil {
		if firstErr == nil {
			return nil, err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return reports, nil
}
