// Mutant: waits on its own timer (the earlier of the timeout and the caller's deadline) rather
// than on ctx.Done(), so a caller's cancellation ends the call only if svc notices it.
// Violates: "If the caller's ctx ends first (cancelled, ...), return right then with ctx's error"

// Package progress computes the enrolment progress of trial projects.
package progress

import (
	"context"
	"fmt"
	"time"
)

// PatientService asks the patient-data service how many patients a project
// has enrolled. The gRPC client returns as soon as ctx is done; the legacy
// client behind the HL7 bridge does not look at ctx at all and sometimes
// answers only minutes later.
type PatientService func(ctx context.Context, projectID string) (int, error)

// EnrolledCount asks svc for projectID's enrolment count, giving it at most
// timeout (less if ctx ends sooner).
//
//   - If svc answers in time, EnrolledCount returns its answer (its error
//     wrapped, so errors.Is still finds it).
//   - If the time runs out first, EnrolledCount returns right then with an
//     error for which errors.Is(err, context.DeadlineExceeded) holds, even if
//     svc ignores ctx and answers much later; that late answer is dropped.
//   - If the caller cancels ctx first, EnrolledCount returns right then with
//     an error for which errors.Is(err, context.Canceled) holds.
//   - It leaks nothing: the context handed to svc is cancelled by the time
//     EnrolledCount returns, and no goroutine it started stays blocked once
//     svc has returned.
func EnrolledCount(ctx context.Context, svc PatientService, projectID string, timeout time.Duration) (int, error) {
	// Derived from the caller's ctx, so the caller's cancellation and deadline still apply.
	ctx, cancel := context.WithTimeout(ctx, timeout)
	// Cancelling on every return releases the timer and tells svc to stop (vet: lostcancel).
	defer cancel()

	type answer struct {
		n   int
		err error
	}
	// Buffered: when nobody is listening any more, the goroutine can still deliver a
	// late answer and exit instead of blocking forever.
	answers := make(chan answer, 1)
	go func() {
		n, err := svc(ctx, projectID)
		answers <- answer{n, err}
	}()

	// Its own timer, set to the earlier of the timeout and the caller's deadline:
	// a caller that cancels (rather than timing out) is noticed only if svc notices.
	wait := timeout
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
		wait = time.Until(dl)
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()

	select {
	case <-timer.C:
		return 0, fmt.Errorf("enrolled count of %s: %w", projectID, context.DeadlineExceeded)
	case a := <-answers:
		if a.err != nil {
			return 0, fmt.Errorf("enrolled count of %s: %w", projectID, a.err)
		}
		return a.n, nil
	}
}
