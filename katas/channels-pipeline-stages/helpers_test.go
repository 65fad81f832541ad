package hl7pipe_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	hl7pipe "gokata.dev/katas/channels-pipeline-stages"
)

// inBubble runs f in a synctest bubble: time is fake (a guard of an hour
// passes instantly once every goroutine is blocked) and synctest.Wait tells
// when every goroutine has finished or is blocked for good.
func inBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("when the test ended, some of the pipeline's goroutines were still blocked with nothing "+
				"left that could ever unblock them (%v): a goroutine leak.", r)
		}
	}()
	synctest.Test(t, f)
}

// guard is how long (fake time, in a bubble) the tests wait for a channel.
const guard = time.Hour

// collect receives from ch until it is closed. It fails the test if ch is
// still open after guard with nothing to receive.
func collect[T any](t *testing.T, ch <-chan T, what string) []T {
	t.Helper()
	var got []T
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return got
			}
			got = append(got, v)
		case <-time.After(guard):
			t.Fatalf("%s was never closed (received %d values, then nothing). A receiver ranging over it waits "+
				"forever. The goroutine that sends on a channel closes it when it has nothing more to send.",
				what, len(got))
			return nil
		}
	}
}

// expectClosed fails the test unless ch is closed (after draining what is
// buffered) within guard.
func expectClosed[T any](t *testing.T, ch <-chan T, what string) {
	t.Helper()
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-time.After(guard):
			t.Fatalf("%s was not closed after ctx was cancelled. The stage must close its output when it stops, "+
				"so that whoever ranges over it can finish.", what)
			return
		}
	}
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
// the caller and synctest's own: header and the line of pipeline.go they are at.
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
			if strings.Contains(l, "/pipeline.go:") {
				where = strings.TrimSpace(strings.Split(l, " +")[0])
				where = "at " + where[strings.LastIndex(where, "/")+1:]
				break
			}
		}
		left = append(left, strings.TrimSuffix(lines[0], ":")+" "+where)
	}
	return left
}

// feed is an HL7 message from a lab system: an ADT header, a patient, two results.
var feed = []string{
	"MSH|^~\\&|LAB|HOSP-SH|EDC|TRIAL|20240301||ORU^R01|MSG0001|P|2.5",
	"PID|P00042|||ZHANG^WEI",
	"",
	"OBR|CBC|complete blood count",
	"OBX|HGB|13.2|g/dL",
	"NTE|sample slightly haemolysed",
	"OBX|WBC|6.1|10^9/L",
}

var feedRecords = []hl7pipe.Record{{"PID", "P00042"}, {"OBR", "CBC"}, {"OBX", "HGB"}, {"OBX", "WBC"}}

// manyLines returns n OBX lines.
func manyLines(n int) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("OBX|R%04d|%d.0|mmol/L", i, i%9)
	}
	return lines
}
