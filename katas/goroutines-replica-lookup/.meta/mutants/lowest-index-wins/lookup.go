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
	// The replicas' own ctx: cancelling it tells every replica still working
	// that its answer is no longer needed, without touching the caller's ctx.
	rctx, cancel := context.WithCancel(ctx)
	defer cancel() // also on a panic; the explicit cancel below comes first

	type result struct {
		index int
		a     Assignment
		err   error
	}
	// Room for every replica: a replica finishing after the outcome is decided
	// sends into the buffer and its goroutine exits; nobody has to receive.
	results := make(chan result, len(replicas))
	var wg sync.WaitGroup
	for i, r := range replicas {
		wg.Go(func() {
			a, err := r(rctx, subjectID)
			results <- result{i, a, err}
		})
	}

	// Collect every answer, then take the first good one in slice order.
	all := make([]result, len(replicas))
	for range replicas {
		select {
		case res := <-results:
			all[res.index] = res
			if res.err == nil {
				cancel() // the others can stop
			}
		case <-ctx.Done():
			cancel()
			wg.Wait()
			return Assignment{}, ctx.Err()
		}
	}
	cancel()
	wg.Wait()
	errs := make([]error, len(replicas))
	for i, res := range all {
		if res.err == nil {
			return res.a, nil
		}
		errs[i] = res.err
	}
	return Assignment{}, errors.Join(errs...)
}
