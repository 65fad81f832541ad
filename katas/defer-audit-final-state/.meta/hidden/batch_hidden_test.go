package convert_test

import (
	"errors"
	"testing"
	"time"
)

func TestHiddenAuditOfAFailedRun(t *testing.T) {
	r := convertBatch("B-0502", []string{"MSG-1", "MSG-2", "MSG-3", "BAD-4", "MSG-5"})

	if !errors.Is(r.err, errBadSegment) || r.out != nil {
		t.Fatalf("ConvertBatch = %q, %v; want no messages and an error wrapping %v", r.out, r.err, errBadSegment)
	}
	e := r.onlyEntry(t)
	if !errors.Is(e.Err, errBadSegment) {
		t.Fatalf("the audit entry of a failed run has Err = %v; want the error ConvertBatch returned (%v). "+
			"Only the named result holds what was returned; a deferred closure must read that one.", e.Err, r.err)
	}
	if e.Converted != 3 {
		t.Errorf("the audit entry of a run that failed at message 4 says %d messages were converted; want 3. "+
			"Note that \"return nil, err\" sets the named result out to nil before deferred calls run.", e.Converted)
	}
	if e.Elapsed != 8*time.Second {
		t.Errorf("the audit entry says the failed run took %v; want 8s (4 conversions of 2s each)", e.Elapsed)
	}
}

func TestHiddenAuditErrIsWhatWasReturned(t *testing.T) {
	r := convertBatch("B-0503", []string{"BAD-1"})

	e := r.onlyEntry(t)
	if e.Err == nil || e.Err.Error() != r.err.Error() {
		t.Fatalf("the audit entry says Err = %v, but ConvertBatch returned %v; want the entry to carry the "+
			"returned error", e.Err, r.err)
	}
	if e.Converted != 0 || e.Elapsed != 2*time.Second {
		t.Fatalf("the audit entry says %d converted in %v; want 0 in 2s", e.Converted, e.Elapsed)
	}
}

func TestHiddenAuditOfAnEmptyBatch(t *testing.T) {
	r := convertBatch("B-0504", nil)

	e := r.onlyEntry(t)
	if e.Err != nil || e.Converted != 0 || e.Elapsed != 0 || !e.Started.Equal(t0) {
		t.Fatalf("the audit entry of an empty batch is %+v; want 0 converted in 0s, started at %v, no error", e, t0)
	}
}

func TestHiddenStartedIsTheStartTime(t *testing.T) {
	r := convertBatch("B-0505", []string{"MSG-1", "MSG-2", "MSG-3", "MSG-4"})

	e := r.onlyEntry(t)
	if !e.Started.Equal(t0) {
		t.Fatalf("the audit entry says the run started at %v; want %v, the time when ConvertBatch began "+
			"(read the clock once, at the start; read it again at the end for Elapsed)", e.Started, t0)
	}
	if e.Elapsed != 8*time.Second || e.Converted != 4 {
		t.Fatalf("the audit entry says %d converted in %v; want 4 in 8s. Updating an entry after handing it "+
			"to a deferred call changes nothing: the argument was copied when the defer statement ran.",
			e.Converted, e.Elapsed)
	}
}

func TestHiddenOneEntryPerRunWhateverHappens(t *testing.T) {
	for _, msgs := range [][]string{nil, {"MSG-1"}, {"BAD-1"}, {"MSG-1", "BAD-2", "MSG-3"}, {"MSG-1", "MSG-2"}} {
		r := convertBatch("B-0506", msgs)
		if len(r.audit.entries) != 1 {
			t.Fatalf("batch %q left %d audit entries; want exactly 1 (inspectors count runs by entries): %+v",
				msgs, len(r.audit.entries), r.audit.entries)
		}
	}
}
