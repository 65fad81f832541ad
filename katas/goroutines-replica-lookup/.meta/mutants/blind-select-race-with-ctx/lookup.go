// Blind mutant select-race-with-ctx: breaks rule 4 (ctx ends): when the caller's ctx ends and the replicas return their ctx errors because of it, select picks at random between ctx.Done and those results, so it sometimes reports the joined replica errors (or a late good answer) instead of ctx.Err().

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

	errs := make([]error, len(replicas))
	var out Assignment
	var outErr error
	decided := false
	for n := 0; !decided; {
		select {
		case res := <-results:
			n++
			switch {
			case res.err == nil:
				out, decided = res.a, true
			default:
				errs[res.i] = res.err
				if n == len(replicas) {
					outErr, decided = errors.Join(errs...), true
				}
			}
		case <-ctx.Done():
			outErr, decided = ctx.Err(), true
		}
	}
	cancel()
	wg.Wait()
	return out, outErr
}
