package progress_test

import (
	"context"
	"errors"
	"time"

	progress "gokata.dev/katas/context-downstream-timeout"
)

var errSiteOffline = errors.New("site database offline")

// answersAfter is a well-behaved service: it answers n after d, or gives up
// as soon as ctx is done.
func answersAfter(d time.Duration, n int) progress.PatientService {
	return func(ctx context.Context, projectID string) (int, error) {
		select {
		case <-time.After(d):
			return n, nil
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

// ignoresContext is the legacy client: it answers n after d, whatever ctx says.
func ignoresContext(d time.Duration, n int) progress.PatientService {
	return func(ctx context.Context, projectID string) (int, error) {
		time.Sleep(d)
		return n, nil
	}
}

// failsAfter answers err after d (or gives up when ctx is done).
func failsAfter(d time.Duration, err error) progress.PatientService {
	return func(ctx context.Context, projectID string) (int, error) {
		select {
		case <-time.After(d):
			return 0, err
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

type call struct {
	n       int
	err     error
	elapsed time.Duration
}

// enrolledCount calls EnrolledCount and measures how long it took in fake time.
func enrolledCount(ctx context.Context, svc progress.PatientService, timeout time.Duration) call {
	start := time.Now()
	n, err := progress.EnrolledCount(ctx, svc, "TRIAL-042", timeout)
	return call{n, err, time.Since(start)}
}
