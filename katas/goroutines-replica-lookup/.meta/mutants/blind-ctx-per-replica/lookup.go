// Package armlookup asks the randomisation service which treatment arm a
// subject was assigned to, before the site dispenses a kit.
package armlookup

import (
	"context"
	"errors"
	"sync"
)

var ErrNoReplicas = errors.New("armlookup: no replicas to ask")

type Assignment struct {
	SubjectID string
	Arm       string
	Kit       string
}

type Replica func(ctx context.Context, subjectID string) (Assignment, error)

func Lookup(ctx context.Context, subjectID string, replicas []Replica) (Assignment, error) {
	if len(replicas) == 0 {
		return Assignment{}, ErrNoReplicas
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		a   Assignment
		err error
	}
	results := make(chan result, len(replicas))
	var wg sync.WaitGroup
	for i, r := range replicas {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, cc := context.WithCancel(rctx)
			defer cc()
			a, err := r(c, subjectID)

			results <- result{i, a, err}
		}()
	}
	errs := make([]error, len(replicas))
	var outA Assignment
	var outErr error
	failed := 0
loop:
	for {
		select {
		case res := <-results:
			if res.err == nil {
				outA = res.a
				break loop
			}
			errs[res.i] = res.err
			failed++
			if failed == len(replicas) {
				if err := ctx.Err(); err != nil {
					outErr = err
				} else {
					outErr = errors.Join(errs...)
				}
				break loop
			}
		case <-ctx.Done():
			outErr = ctx.Err()
			break loop
		}
	}
	cancel()
	wg.Wait()
	return outA, outErr
}
