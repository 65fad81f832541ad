// Package armlookup asks the randomisation service which treatment arm a
// subject was assigned to, before the site dispenses a kit.
package armlookup

import (
	"context"
	"errors"
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
	type result struct {
		a   Assignment
		err error
	}
	results := make(chan result)
	for _, r := range replicas {
		go func() {
			a, err := r(ctx, subjectID)
			results <- result{a, err}
		}()
	}

	var lastErr error
	for range replicas {
		res := <-results
		if res.err == nil {
			return res.a, nil
		}
		lastErr = res.err
	}
	return Assignment{}, lastErr
}
