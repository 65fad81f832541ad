package edcbatch

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// guard is how long a call may take before the test calls it stuck. Correct
// code returns in microseconds; the guard only turns a hang into a message.
const guard = 3 * time.Second

type outcome struct {
	reports []Report
	err     error
}

// validateAllWithin runs ValidateAll and fails the test if it does not return
// within guard.
func validateAllWithin(t *testing.T, ctx context.Context, forms []Form, workers int,
	validate func(context.Context, Form) (Report, error), why string) ([]Report, error) {
	t.Helper()
	done := make(chan outcome, 1)
	go func() {
		r, err := ValidateAll(ctx, forms, workers, validate)
		done <- outcome{r, err}
	}()
	select {
	case o := <-done:
		return o.reports, o.err
	case <-time.After(guard):
		t.Fatalf("ValidateAll did not return within %v. %s", guard, why)
		return nil, nil
	}
}

func makeForms(n int) []Form {
	forms := make([]Form, n)
	for i := range forms {
		forms[i] = Form{ID: fmt.Sprintf("CRF-%04d", i), CentreID: 100 + i%7, Page: "vital-signs"}
	}
	return forms
}

func reportFor(f Form) Report {
	return Report{FormID: f.ID, Issues: []string{"checked " + f.Page}}
}

func checkReports(t *testing.T, forms []Form, reports []Report) {
	t.Helper()
	if len(reports) != len(forms) {
		t.Fatalf("got %d reports for %d forms; want one per form", len(reports), len(forms))
	}
	for i, f := range forms {
		if reports[i].FormID != f.ID {
			t.Fatalf("reports[%d] is for %q, want %q: reports[i] must be the report for forms[i], whatever "+
				"order the validations finish in", i, reports[i].FormID, f.ID)
		}
	}
}

// expectNoLeak waits (briefly) for the number of goroutines to drop back to
// baseline and reports the ones left over.
func expectNoLeak(t *testing.T, baseline int, when string) {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= baseline {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("%s, %d goroutines were still alive (%d before the call); want none left behind. "+
				"A goroutine blocked forever (on a channel send nobody receives, or on a ctx nobody cancels) "+
				"is a leak that grows with every batch.\n%s", when, n, baseline, ourStacks())
			return
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
}

// ourStacks returns the stacks of goroutines running this package's code.
func ourStacks() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var keep []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "edcbatch.ValidateAll") && !strings.Contains(g, "validateAllWithin") {
			keep = append(keep, g)
		}
	}
	if len(keep) > 4 {
		keep = append(keep[:4], fmt.Sprintf("... and %d more", len(keep)-4))
	}
	return strings.Join(keep, "\n\n")
}
