package patientdb_test

import (
	"sync/atomic"
	"testing"

	patientdb "gokata.dev/katas/once-lazy-client"
)

func TestGetBuildsOneClientForAThousandCallers(t *testing.T) {
	var builds atomic.Int32
	reg := patientdb.NewRegistry(countingBuilder(&builds, "postgres://patients-eu"))

	got := getConcurrently(t, reg, 1000)

	if n := builds.Load(); n != 1 {
		t.Fatalf("1,000 concurrent callers made build run %d times; want exactly once. Between one caller "+
			"seeing no client and storing the one it built, other callers see no client either.", n)
	}
	for i, c := range got {
		if c == nil || c != got[0] {
			t.Fatalf("caller %d got client %p, caller 0 got %p; want the same client for everyone", i, c, got[0])
		}
	}
}

func TestGetIsLazy(t *testing.T) {
	var builds atomic.Int32
	reg := patientdb.NewRegistry(countingBuilder(&builds, "postgres://patients-eu"))

	if n := builds.Load(); n != 0 {
		t.Fatalf("NewRegistry ran build %d times; want 0: the client is built on first use", n)
	}
	if c := reg.Get(); c == nil || c.DSN != "postgres://patients-eu" {
		t.Fatalf("Get() = %+v; want the client built by build", c)
	}
}
