// Package armlookup asks the randomisation service which treatment arm a
// subject was assigned to, before the site dispenses a kit.
package armlookup

import (
	"context"
	"errors"
	"sync"
)

// ErrNoReplicas is returned by Lookup when it is given no replicas.
var ErrNoReplicas = errors.New("armlookup: no replicas to ask")

// Assignment is a subject's randomisation: the arm and the kit to dispense.
type Assignment struct {
	SubjectID string
	Arm       string
	Kit       string
}

// Replica looks a subject's assignment up in one replica of the
// randomisation database. A nil error means the answer is good.
type Replica func(ctx context.Context, subjectID string) (Assignment, error)

// Lookup asks every replica for subjectID at once and returns the first good
// answer. See README.md for the exact rules.
func Lookup(ctx context.Context, subjectID string, replicas []Replica) (Assignment, error) {
	if len(replicas) == 0 {
		return Assignment{}, ErrNoReplicas
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if len(replicas) == 1 { // nothing to race against: ask it directly
		a, err := replicas[0](rctx, subjectID)
		if err != nil {
			if ctx.Err() != nil {
				return Assignment{}, ctx.Err()
			}
			return Assignment{}, errors.Join(err)
		}
		return a, nil
	}

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
			a, err := r(rctx, subjectID)
			results <- result{i, a, err}
		}()
	}

	var (
		out     Assignment
		outErr  error
		decided bool
		errs    = make([]error, len(replicas))
		failed  int
	)
	done := ctx.Done()
	for !decided {
		select {
		case res := <-results:
			if err := ctx.Err(); err != nil {
				outErr, decided = err, true // ctx ended first: it wins over anything the replicas say
				break
			}
			if res.err == nil {
				out, decided = res.a, true
				break
			}
			errs[res.i] = res.err
			failed++
			if failed == len(replicas) {
				outErr, decided = errors.Join(errs...), true
			}
		case <-done:
			outErr, decided = ctx.Err(), true
		}
	}
	cancel()
	wg.Wait()
	return out, outErr
}
