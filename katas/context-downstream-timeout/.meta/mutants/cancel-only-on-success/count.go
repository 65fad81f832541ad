// Mutant: cancels the service's context only when the call succeeds (on a timeout or a caller's
// cancellation it is done anyway), forgetting the path where the service returned an error: that
// context lives on until its deadline.
// Violates: "the context handed to the service is cancelled by the time EnrolledCount returns"

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
func EnrolledCount(ctx context.Context, svc PatientService, projectID string, timeout time.Duration) (n int, err error) {
	// Derived from the caller's ctx, so the caller's cancellation and deadline still apply.
	ctx, cancel := context.WithTimeout(ctx, timeout)
	// On a timeout or a caller's cancellation ctx is already done; only a good
	// answer leaves it alive, so that is when it needs cancelling.
	defer func() {
		if err == nil {
			cancel()
		}
	}()

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

	select {
	case a := <-answers:
		if a.err != nil {
			return 0, fmt.Errorf("enrolled count of %s: %w", projectID, a.err)
		}
		return a.n, nil
	case <-ctx.Done():
		// Not waiting for svc here is what makes the deadline hold for a client that ignores ctx.
		return 0, fmt.Errorf("enrolled count of %s: %w", projectID, ctx.Err())
	}
}
