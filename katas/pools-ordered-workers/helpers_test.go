package edcbatch_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	edcbatch "gokata.dev/katas/pools-ordered-workers"
)

// guard is how long a call may take before the test calls it stuck. Correct
// code returns in microseconds; the guard only turns a hang into a message.
const guard = 3 * time.Second

type outcome struct {
	reports []edcbatch.Report
	err     error
}

// validateAllWithin runs ValidateAll and fails the test if it does not return
// within guard.
func validateAllWithin(t *testing.T, ctx context.Context, forms []edcbatch.Form, workers int,
	validate func(context.Context, edcbatch.Form) (edcbatch.Report, error), why string) ([]edcbatch.Report, error) {
	t.Helper()
	done := make(chan outcome, 1)
	go func() {
		r, err := edcbatch.ValidateAll(ctx, forms, workers, validate)
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

func makeForms(n int) []edcbatch.Form {
	forms := make([]edcbatch.Form, n)
	for i := range forms {
		forms[i] = edcbatch.Form{ID: fmt.Sprintf("CRF-%04d", i), CentreID: 100 + i%7, Page: "vital-signs"}
	}
	return forms
}

func reportFor(f edcbatch.Form) edcbatch.Report {
	return edcbatch.Report{FormID: f.ID, Issues: []string{"checked " + f.Page}}
}

func checkReports(t *testing.T, forms []edcbatch.Form, reports []edcbatch.Report) {
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

// reported holds the goroutines already listed by an earlier failure: a leaked
// goroutine stays for the rest of the run, and listing it again under every
// later test would only confuse.
var reported sync.Map

// ourStacks describes the goroutines started by ValidateAll that no earlier
// failure has listed: their state and the line of validate.go they are at.
func ourStacks() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var keep []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if !strings.Contains(g, ".ValidateAll") || strings.Contains(g, "validateAllWithin") {
			continue
		}
		lines := strings.Split(g, "\n")
		where := ""
		for _, l := range lines {
			if strings.Contains(l, "/validate.go:") {
				where = strings.TrimSpace(strings.Split(l, " +")[0])
				where = where[strings.LastIndex(where, "/")+1:]
				break
			}
		}
		id, _, _ := strings.Cut(lines[0], " [")
		if _, seen := reported.LoadOrStore(id, true); !seen && where != "" {
			keep = append(keep, strings.TrimSuffix(lines[0], ":")+" at "+where)
		}
	}
	if len(keep) > 6 {
		keep = append(keep[:6], fmt.Sprintf("... and %d more", len(keep)-6))
	}
	if len(keep) == 0 {
		return ""
	}
	return "Left behind:\n  " + strings.Join(keep, "\n  ")
}
