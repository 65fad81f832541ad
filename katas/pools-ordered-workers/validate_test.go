package edcbatch_test

import (
	"context"
	"errors"
	"runtime"
	"testing"

	edcbatch "gokata.dev/katas/pools-ordered-workers"
)

func TestValidateAllKeepsInputOrder(t *testing.T) {
	forms := makeForms(6)
	// Form i finishes only after form i+1 has finished: the validations finish
	// in reverse order.
	finished := make([]chan struct{}, len(forms)+1)
	for i := range finished {
		finished[i] = make(chan struct{})
	}
	close(finished[len(forms)])
	index := map[string]int{}
	for i, f := range forms {
		index[f.ID] = i
	}
	validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
		i := index[f.ID]
		<-finished[i+1]
		defer close(finished[i])
		return reportFor(f), nil
	}

	reports, err := validateAllWithin(t, context.Background(), forms, len(forms), validate,
		"Here form i finishes only after form i+1, so all 6 validations must run at once with workers=6.")

	if err != nil {
		t.Fatalf("ValidateAll returned error %v; want nil", err)
	}
	checkReports(t, forms, reports)
}

var errBadForm = errors.New("CRF-0003: systolic pressure 400 mmHg out of range")

func TestValidateAllStopsAtTheFirstError(t *testing.T) {
	baseline := runtime.NumGoroutine()
	forms := makeForms(20)
	validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
		if f.ID == "CRF-0003" {
			return edcbatch.Report{}, errBadForm
		}
		<-ctx.Done() // a slow validation that stops when told to
		return edcbatch.Report{}, ctx.Err()
	}

	reports, err := validateAllWithin(t, context.Background(), forms, 4, validate,
		"After CRF-0003 failed, the other validations wait for their ctx to be cancelled.")

	if !errors.Is(err, errBadForm) {
		t.Errorf("ValidateAll returned error %v; want the validation error of CRF-0003", err)
	}
	if reports != nil {
		t.Errorf("ValidateAll returned %d reports with an error; want nil", len(reports))
	}
	expectNoLeak(t, baseline, "after ValidateAll returned the first error")
}
