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
	type answer struct {
		n   int
		err error
	}
	answers := make(chan answer, 1)
	go func() {
		n, err := svc(ctx, projectID)
		answers <- answer{n, err}
	}()

	// Its own timer and its own error: svc is never told to stop, the caller's
	// cancellation is ignored, and callers cannot recognise the timeout.
	select {
	case a := <-answers:
		if a.err != nil {
			return 0, fmt.Errorf("enrolled count of %s: %w", projectID, a.err)
		}
		return a.n, nil
	case <-time.After(timeout):
		return 0, fmt.Errorf("enrolled count of %s: timed out after %v", projectID, timeout)
	}
}
