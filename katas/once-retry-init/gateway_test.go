package gateway_test

import (
	"errors"
	"testing"

	gateway "gokata.dev/katas/once-retry-init"
)

func TestGetTriesAgainAfterAFailedConnect(t *testing.T) {
	engine := &fakeEngine{failures: 2}
	gw := gateway.New(engine.connect)

	for attempt := 1; attempt <= 2; attempt++ {
		if _, err := gw.Get(); !errors.Is(err, errEngineDown) {
			t.Fatalf("attempt %d while the engine is down: Get returned error %v; want %v", attempt, err, errEngineDown)
		}
	}
	conn, err := gw.Get()
	if err != nil || conn == nil {
		t.Fatalf("attempt 3, engine back up: Get() = %v, %v; want a session. sync.Once runs its function "+
			"once, whether it failed or not, so the first error is remembered forever.", conn, err)
	}
	if n := engine.calls.Load(); n != 3 {
		t.Fatalf("connect ran %d times; want 3 (two failures, one success)", n)
	}
}

func TestGetKeepsTheSession(t *testing.T) {
	engine := &fakeEngine{}
	gw := gateway.New(engine.connect)

	first, err := gw.Get()
	if err != nil {
		t.Fatalf("Get returned error %v; want a session", err)
	}
	for range 100 {
		if c, _ := gw.Get(); c != first {
			t.Fatalf("a later Get returned session %+v; want the first one %+v", c, first)
		}
	}
	if n := engine.calls.Load(); n != 1 {
		t.Fatalf("connect ran %d times; want once: a successful session is kept", n)
	}
}
