package patientdb_test

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	patientdb "gokata.dev/katas/once-lazy-client"
)

func TestHiddenEveryCallerSeesAFullyBuiltClient(t *testing.T) {
	for round := range 20 {
		var builds atomic.Int32
		reg := patientdb.NewRegistry(countingBuilder(&builds, "postgres://patients-us"))

		got := getConcurrently(t, reg, 200)

		if n := builds.Load(); n != 1 {
			t.Fatalf("round %d: build ran %d times for 200 concurrent callers; want once", round, n)
		}
		for i, c := range got {
			if c == nil || c != got[0] || c.PoolSize != 20 {
				t.Fatalf("round %d: caller %d got %+v; want the one fully built client (PoolSize 20). A caller "+
					"that reads the pointer without synchronisation may see it before the fields are written.",
					round, i, c)
			}
		}
	}
}

func TestHiddenCallersWaitForTheBuildInProgress(t *testing.T) {
	var builds atomic.Int32
	building := make(chan struct{})
	release := make(chan struct{})
	reg := patientdb.NewRegistry(func() *patientdb.Client {
		if builds.Add(1) == 1 {
			close(building)
		}
		<-release
		return &patientdb.Client{DSN: "postgres://patients-eu", PoolSize: 20}
	})

	first := make(chan *patientdb.Client, 1)
	go func() { first <- reg.Get() }()
	select {
	case <-building:
	case c := <-first:
		t.Fatalf("the first Get on a new registry returned %+v without calling its build function", c)
	}

	second := make(chan *patientdb.Client, 1)
	go func() { second <- reg.Get() }()
	select {
	case c := <-second:
		close(release)
		<-first
		t.Fatalf("Get returned %+v while another caller was still building the client; want it to wait until "+
			"the client is ready (a handler that gets nil crashes, one that builds its own opens a second pool)", c)
	case <-time.After(50 * time.Millisecond):
		// Still waiting, as it should.
	}

	close(release)
	a, b := <-first, <-second
	if a == nil || a != b {
		t.Fatalf("the two callers got %p and %p; want the same client", a, b)
	}
	if n := builds.Load(); n != 1 {
		t.Fatalf("build ran %d times; want once", n)
	}
}

func TestHiddenRegistriesAreIndependent(t *testing.T) {
	var buildsEU, buildsUS atomic.Int32
	eu := patientdb.NewRegistry(countingBuilder(&buildsEU, "postgres://patients-eu"))
	us := patientdb.NewRegistry(countingBuilder(&buildsUS, "postgres://patients-us"))

	gotEU := getConcurrently(t, eu, 100)
	gotUS := getConcurrently(t, us, 100)

	if gotEU[0] == nil || gotEU[0].DSN != "postgres://patients-eu" {
		t.Fatalf("the EU registry returned %+v; want its own client for postgres://patients-eu", gotEU[0])
	}
	if gotUS[0] == nil || gotUS[0].DSN != "postgres://patients-us" {
		t.Fatalf("the US registry returned %+v; want its own client for postgres://patients-us. The "+
			"\"only once\" must belong to each Registry, not to the whole package.", gotUS[0])
	}
	if buildsEU.Load() != 1 || buildsUS.Load() != 1 {
		t.Fatalf("builds: EU %d, US %d; want 1 each", buildsEU.Load(), buildsUS.Load())
	}
}

func TestHiddenLaterCallsDoNotBuildAgain(t *testing.T) {
	var builds atomic.Int32
	reg := patientdb.NewRegistry(countingBuilder(&builds, "postgres://patients-eu"))

	// A registry lives as long as the service: tens of thousands of requests
	// call Get, and every one of them must get the first client.
	const later = 20000
	first := reg.Get()
	for i := range later {
		if c := reg.Get(); c != first {
			t.Fatalf("call %d to Get returned %p; want the first client %p. build runs at most once per "+
				"Registry, for its whole life: a later Get must never build (or \"recycle\") the client again.",
				i+2, c, first)
		}
	}
	for _, c := range getConcurrently(t, reg, 100) {
		if c != first {
			t.Fatalf("a later concurrent Get returned %p; want the first client %p", c, first)
		}
	}
	if n := builds.Load(); n != 1 {
		t.Fatalf("build ran %d times over %d calls; want once per Registry, however many calls it serves", n, later+101)
	}
}

func TestHiddenUnusedRegistriesNeverBuild(t *testing.T) {
	// A service creates a registry per region at start-up; most regions are
	// never queried by this instance (and the database may be in maintenance).
	built := make(chan string, 20)
	for i := range 20 {
		dsn := fmt.Sprintf("postgres://patients-region-%02d", i)
		patientdb.NewRegistry(func() *patientdb.Client {
			built <- dsn
			return &patientdb.Client{DSN: dsn, PoolSize: 20}
		})
	}

	select {
	case dsn := <-built:
		t.Fatalf("the client for %s was built although nobody called Get on its registry. NewRegistry must not "+
			"build the client, not even in the background (a warm-up goroutine dials a database that may be "+
			"down, and holds a pool nobody uses); the first Get does.", dsn)
	case <-time.After(200 * time.Millisecond):
	}
}
