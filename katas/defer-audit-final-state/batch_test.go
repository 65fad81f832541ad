package convert_test

import (
	"slices"
	"testing"
	"time"
)

func TestConvertBatchConvertsInOrder(t *testing.T) {
	r := convertBatch("B-0501", []string{"MSG-1", "MSG-2", "MSG-3"})

	if r.err != nil {
		t.Fatalf("ConvertBatch returned error %v; want nil", r.err)
	}
	if want := []string{"SPONSOR:MSG-1", "SPONSOR:MSG-2", "SPONSOR:MSG-3"}; !slices.Equal(r.out, want) {
		t.Fatalf("ConvertBatch = %q; want %q", r.out, want)
	}
}

func TestConvertBatchAuditsTheRunAsItEnded(t *testing.T) {
	r := convertBatch("B-0501", []string{"MSG-1", "MSG-2", "MSG-3"})

	e := r.onlyEntry(t)
	if e.Batch != "B-0501" || !e.Started.Equal(t0) {
		t.Errorf("entry says batch %q started at %v; want %q started at %v", e.Batch, e.Started, "B-0501", t0)
	}
	if e.Converted != 3 || e.Elapsed != 6*time.Second {
		t.Fatalf("entry says %d messages converted in %v; want 3 in 6s. The arguments of a deferred call are "+
			"evaluated when the defer statement runs, at the start of the batch, not when the call runs.",
			e.Converted, e.Elapsed)
	}
}
