package gateway_test

import (
	"errors"
	"sync/atomic"
	"testing"
	"time"

	gateway "gokata.dev/katas/once-retry-init"
)

func TestHiddenOneConnectAtATimeWhileTheEngineRecovers(t *testing.T) {
	engine := &fakeEngine{failures: 5}
	gw := gateway.New(engine.connect)

	got := getConcurrently(t, gw, 100)

	if m := engine.maxInFlight.Load(); m != 1 {
		t.Fatalf("up to %d connects ran at the same time; want 1. Parallel logins get the service account "+
			"locked by the engine.", m)
	}
	var session *gateway.Conn
	for i, r := range got {
		switch {
		case r.err != nil && !errors.Is(r.err, errEngineDown):
			t.Fatalf("caller %d got error %v; want either a session or the engine's error %v", i, r.err, errEngineDown)
		case r.err == nil && r.conn == nil:
			t.Fatalf("caller %d got neither a session nor an error", i)
		case r.err == nil && session != nil && r.conn != session:
			t.Fatalf("callers got different sessions (%+v and %+v); want one shared session", session, r.conn)
		case r.err == nil:
			session = r.conn
		}
	}

	// Whatever happened above, the engine is up now: Get must reach it and then keep the session.
	var conn *gateway.Conn
	for range 10 {
		if c, err := gw.Get(); err == nil {
			conn = c
			break
		}
	}
	if conn == nil {
		t.Fatalf("10 more calls to Get after the engine came back all failed; want a session. A failure must " +
			"not be remembered.")
	}
	calls := engine.calls.Load()
	getConcurrently(t, gw, 50)
	if n := engine.calls.Load(); n != calls {
		t.Fatalf("connect ran %d more times after a session was established; want 0", n-calls)
	}
}

func TestHiddenCallersWaitForTheConnectInFlight(t *testing.T) {
	started := make(chan struct{}, 100)
	release := make(chan struct{})
	var calls atomic.Int32
	gw := gateway.New(func() (*gateway.Conn, error) {
		calls.Add(1)
		started <- struct{}{}
		<-release
		return &gateway.Conn{Endpoint: "mllp://hl7.hospital.example:2575", SessionID: 1}, nil
	})

	first := make(chan result, 1)
	go func() { c, err := gw.Get(); first <- result{c, err} }()
	select {
	case <-started:
	case r := <-first:
		t.Fatalf("the first Get returned (%+v, %v) without calling connect", r.conn, r.err)
	}

	others := make(chan result, 20)
	for range 20 {
		go func() { c, err := gw.Get(); others <- result{c, err} }()
	}
	select {
	case <-started:
		close(release)
		t.Fatalf("a second connect started while the first was still in flight; want the other callers to wait")
	case r := <-others:
		close(release)
		t.Fatalf("a caller returned (%+v, %v) while a connect was in flight; want it to wait for that connect "+
			"and share its session", r.conn, r.err)
	case <-time.After(100 * time.Millisecond):
		// Everyone is waiting, as they should.
	}
	close(release)

	r := receive(t, first, "the first caller's Get")
	if r.err != nil || r.conn == nil {
		t.Fatalf("the first caller got (%+v, %v); want the session", r.conn, r.err)
	}
	for range 20 {
		if o := receive(t, others, "a waiting caller's Get"); o.err != nil || o.conn != r.conn {
			t.Fatalf("a waiting caller got (%+v, %v); want the session of the connect it waited for", o.conn, o.err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("connect ran %d times; want once: the waiting callers share the first session", n)
	}
}

func TestHiddenThousandCallersShareOneSession(t *testing.T) {
	engine := &fakeEngine{}
	gw := gateway.New(engine.connect)

	got := getConcurrently(t, gw, 1000)

	if n := engine.calls.Load(); n != 1 {
		t.Fatalf("connect ran %d times for 1,000 concurrent callers and a healthy engine; want once", n)
	}
	for i, r := range got {
		if r.err != nil || r.conn == nil || r.conn != got[0].conn {
			t.Fatalf("caller %d got (%+v, %v); want the one shared session", i, r.conn, r.err)
		}
	}
}

func TestHiddenRecoversAfterAnOutage(t *testing.T) {
	engine := &fakeEngine{failures: 3}
	gw := gateway.New(engine.connect)

	for i := range 3 {
		if c, err := gw.Get(); err == nil || c != nil {
			t.Fatalf("call %d during the outage: Get() = %+v, %v; want no session and the engine's error", i+1, c, err)
		}
	}
	c, err := gw.Get()
	if err != nil {
		t.Fatalf("call 4, after the outage: Get returned %v; want a session", err)
	}
	// The gateway lives as long as the service: every lab result calls Get.
	const later = 20000
	for i := range later {
		if again, err := gw.Get(); again != c || err != nil {
			t.Fatalf("call %d after connecting: Get() = %+v, %v; want the kept session %+v. Once a session is "+
				"established, Get returns it and never calls connect again (no re-login, no \"refresh\").",
				i+5, again, err, c)
		}
	}
	if n := engine.calls.Load(); n != 4 {
		t.Fatalf("connect ran %d times over %d calls; want 4 (three failures, one success, then none)", n, later+4)
	}
}

func TestHiddenRetriesAfterAFailureAreOneAtATime(t *testing.T) {
	// The engine is down: the first connect has already failed and its error
	// has been returned. Then a burst of lab results arrives while the engine
	// is still down; the retry it causes must be the only connect in flight.
	started := make(chan int32, 200)
	release := make(chan struct{})
	var calls, inFlight, maxInFlight atomic.Int32
	gw := gateway.New(func() (*gateway.Conn, error) {
		n := calls.Add(1)
		cur := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if cur <= m || maxInFlight.CompareAndSwap(m, cur) {
				break
			}
		}
		started <- n
		if n == 2 {
			<-release // the retry hangs on the TLS handshake for a while
		}
		if n <= 2 {
			return nil, errEngineDown
		}
		return &gateway.Conn{Endpoint: "mllp://hl7.hospital.example:2575", SessionID: int(n)}, nil
	})

	if c, err := gw.Get(); !errors.Is(err, errEngineDown) || c != nil {
		t.Fatalf("the first Get while the engine is down returned (%+v, %v); want no session and %v", c, err, errEngineDown)
	}
	<-started

	retry := make(chan result, 1)
	go func() { c, err := gw.Get(); retry <- result{c, err} }()
	select {
	case <-started:
	case r := <-retry:
		t.Fatalf("a Get after a failed connect returned (%+v, %v) without calling connect; want it to try again",
			r.conn, r.err)
	}

	others := make(chan result, 20)
	for range 20 {
		go func() { c, err := gw.Get(); others <- result{c, err} }()
	}
	const parallel = "a second connect started while a retry after a failure was still in flight; want at most " +
		"one connect at any moment, also after a failed one (a burst of parallel logins gets the service " +
		"account locked by the engine)"
	select {
	case <-started:
		close(release)
		t.Fatal(parallel)
	case r := <-others:
		close(release)
		if len(started) > 0 {
			t.Fatal(parallel)
		}
		t.Fatalf("a caller returned (%+v, %v) while a connect was in flight; want it to wait for that connect "+
			"and use its outcome, or try again itself after it failed", r.conn, r.err)
	case <-time.After(100 * time.Millisecond):
		// Everyone is waiting, as they should.
	}
	close(release)

	if r := receive(t, retry, "the retrying caller's Get"); !errors.Is(r.err, errEngineDown) || r.conn != nil {
		t.Fatalf("the retrying caller got (%+v, %v); want its connect's error %v", r.conn, r.err, errEngineDown)
	}
	var session *gateway.Conn
	for range 20 {
		o := receive(t, others, "a waiting caller's Get")
		switch {
		case o.err != nil && !errors.Is(o.err, errEngineDown):
			t.Fatalf("a waiting caller got error %v; want either a session or the engine's error %v", o.err, errEngineDown)
		case o.err == nil && o.conn == nil:
			t.Fatalf("a waiting caller got neither a session nor an error")
		case o.err == nil && session != nil && o.conn != session:
			t.Fatalf("waiting callers got different sessions (%+v and %+v); want one shared session", session, o.conn)
		case o.err == nil:
			session = o.conn
		}
	}
	if m := maxInFlight.Load(); m != 1 {
		t.Fatalf("up to %d connects ran at the same time after a failure; want 1", m)
	}
}
