// Mutant (blind: written from the README and starter only).
// Flaw: it uses its own timer for the budget and treats any end of the caller's ctx as a cancellation, so when
// the caller's shorter deadline expires it returns context.Canceled instead of context.DeadlineExceeded.
// Violates: "If the caller's ctx ends first (cancelled, or an earlier deadline of its own), return right then with ctx's error"

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

type answer struct {
	n   int
	err error
}

// EnrolledCount asks svc for projectID's enrolment count, giving it at most
// timeout (less if ctx ends sooner).
func EnrolledCount(ctx context.Context, svc PatientService, projectID string, timeout time.Duration) (int, error) {
	svcCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	ch := make(chan answer, 1)
	go func() {
		n, err := svc(svcCtx, projectID)
		ch <- answer{n, err}
	}()

	timer := time.NewTimer(timeout)
	defer timer.Stop()

	select {
	case a := <-ch:
		if a.err != nil {
			return 0, fmt.Errorf("enrolled count of %s: %w", projectID, a.err)
		}
		return a.n, nil
	case <-timer.C:
		return 0, fmt.Errorf("enrolled count of %s: %w", projectID, context.DeadlineExceeded)
	case <-ctx.Done():
		return 0, fmt.Errorf("enrolled count of %s: request cancelled: %w", projectID, context.Canceled)
	}
}
