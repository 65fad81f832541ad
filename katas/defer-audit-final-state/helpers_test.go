package convert_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	convert "gokata.dev/katas/defer-audit-final-state"
)

var t0 = time.Date(2024, 5, 1, 2, 0, 0, 0, time.UTC)

// fakeClock only moves when the fake converter tells it to.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time { return c.now }

var errBadSegment = errors.New("malformed PID segment")

// fakeConverter takes two (fake) seconds per message and fails on any message
// containing "BAD".
type fakeConverter struct {
	clock *fakeClock
	calls int
}

func (f *fakeConverter) Convert(msg string) (string, error) {
	f.calls++
	f.clock.now = f.clock.now.Add(2 * time.Second)
	if strings.Contains(msg, "BAD") {
		return "", errBadSegment
	}
	return "SPONSOR:" + msg, nil
}

type fakeAudit struct{ entries []convert.AuditEntry }

func (a *fakeAudit) Record(e convert.AuditEntry) { a.entries = append(a.entries, e) }

type run struct {
	clock *fakeClock
	conv  *fakeConverter
	audit *fakeAudit
	out   []string
	err   error
}

func convertBatch(batch string, msgs []string) run {
	clock := &fakeClock{now: t0}
	r := run{clock: clock, conv: &fakeConverter{clock: clock}, audit: &fakeAudit{}}
	r.out, r.err = convert.ConvertBatch(batch, msgs, r.conv, r.audit, clock)
	return r
}

// onlyEntry returns the run's single audit entry, failing if there is not exactly one.
func (r run) onlyEntry(t *testing.T) convert.AuditEntry {
	t.Helper()
	if len(r.audit.entries) != 1 {
		t.Fatalf("the run left %d audit entries; want exactly 1 per run: %+v", len(r.audit.entries), r.audit.entries)
	}
	return r.audit.entries[0]
}
