// Mutant (blind: written from the README and starter only).
// Flaw: whenever the derived context ends, it reports a timeout (context.DeadlineExceeded), even when the caller
// cancelled, so a cancelled request is not reported as context.Canceled.
// Violates: "If the caller's ctx ends first (cancelled, ...), return right then with ctx's error: context.Canceled when the caller cancelled"

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
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	ch := make(chan answer, 1)
	go func() {
		n, err := svc(ctx, projectID)
		ch <- answer{n, err}
	}()

	select {
	case a := <-ch:
		if a.err != nil {
			return 0, fmt.Errorf("enrolled count of %s: %w", projectID, a.err)
		}
		return a.n, nil
	case <-ctx.Done():
		// Count unavailable: the dashboard shows it as a timeout.
		return 0, fmt.Errorf("enrolled count of %s: no answer within %v: %w",
			projectID, timeout, context.DeadlineExceeded)
	}
}
