package bgtasks_test

import (
	"testing"
	"testing/synctest"
)

// inBubble runs f in a synctest bubble: time is fake, so a task that "takes
// an hour" takes no real time, and every duration is exact.
func inBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("when the test ended, goroutines were still blocked with nothing left that could ever "+
				"unblock them (%v).", r)
		}
	}()
	synctest.Test(t, f)
}
