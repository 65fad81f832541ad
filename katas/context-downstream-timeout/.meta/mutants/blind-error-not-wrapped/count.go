// Mutant (blind: written from the README and starter only).
// Flaw: the service's own error is formatted with %v instead of %w, so errors.Is no longer finds it.
// Violates: "return its answer (its error wrapped, so errors.Is still finds it)"

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
			return 0, fmt.Errorf("enrolled count of %s: %v", projectID, a.err)
		}
		return a.n, nil
	case <-ctx.Done():
		return 0, fmt.Errorf("enrolled count of %s: %w", projectID, ctx.Err())
	}
}
