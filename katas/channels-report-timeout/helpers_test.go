package eproreport_test

import (
	"runtime"
	"strings"
	"testing"
	"testing/synctest"
)

// inBubble runs f in a synctest bubble: time is fake, so a report that "takes
// a minute" takes no real time, and durations are exact.
func inBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("when the test ended, goroutines were still blocked with nothing left that could ever "+
				"unblock them (%v): a goroutine leak.", r)
		}
	}()
	synctest.Test(t, f)
}

// expectAllExited waits until every other goroutine in the test's bubble has
// exited or is blocked for good, and reports those still there.
func expectAllExited(t *testing.T, when string) {
	t.Helper()
	synctest.Wait()
	if left := bubbleGoroutines(); len(left) > 0 {
		t.Errorf("%s, %d goroutines were still blocked, with nothing left that could ever unblock them: "+
			"a leak.\n  %s", when, len(left), strings.Join(left, "\n  "))
	}
}

// bubbleGoroutines describes the goroutines of the caller's bubble other than
// the caller and synctest's own: header and the line of generate.go they are at.
func bubbleGoroutines() []string {
	self := make([]byte, 1<<10)
	self = self[:runtime.Stack(self, false)]
	header, _, _ := strings.Cut(string(self), "\n")
	_, bubble, _ := strings.Cut(header, ", ")
	bubble = strings.TrimSuffix(bubble, "]:") // "synctest bubble N"
	if bubble == "" {
		return nil
	}
	selfID, _, _ := strings.Cut(header, " [")
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		lines := strings.Split(g, "\n")
		if !strings.Contains(lines[0], bubble+"]") || strings.HasPrefix(lines[0], selfID+" [") ||
			strings.Contains(g, "synctest.testingSynctestTest") || strings.Contains(g, "synctest.Run(") {
			continue
		}
		where := "in test code"
		for _, l := range lines {
			if strings.Contains(l, "/generate.go:") {
				where = strings.TrimSpace(strings.Split(l, " +")[0])
				where = "at " + where[strings.LastIndex(where, "/")+1:]
				break
			}
		}
		left = append(left, strings.TrimSuffix(lines[0], ":")+" "+where)
	}
	return left
}
