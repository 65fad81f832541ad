package hl7pipe_test

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// inBubble runs f inside a synctest bubble, where time is fake: it advances
// only when every goroutine of the bubble is blocked, so "1s" takes no real
// time and is exact. When f is done, fake time runs on for a simulated day so
// that every goroutine the code under test started can finish; any goroutine
// still blocked after that has leaked, and the test fails listing it. If the
// whole bubble deadlocks, the test fails listing the blocked goroutines.
func inBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	var tag atomic.Value
	var reported atomic.Bool
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		msg := fmt.Sprint(r)
		if !strings.HasPrefix(msg, "deadlock:") {
			panic(r)
		}
		if reported.Load() {
			return
		}
		tagged, _ := tag.Load().(string)
		stacks := summarize(goroutinesIn(tagged, ""))
		if strings.Contains(msg, "all goroutines") {
			t.Errorf("deadlock: the test and every goroutine the code under test started are blocked for good, "+
				"with no timer left to wake any of them:\n\n%s", stacks)
		} else {
			t.Errorf("goroutines started by the code under test were still blocked when the test ended; they "+
				"leak:\n\n%s", stacks)
		}
	}()
	synctest.Test(t, func(t *testing.T) {
		self := stackOf(false)
		tag.Store(bubbleTag(self))
		t.Cleanup(func() {
			time.Sleep(24 * time.Hour)
			synctest.Wait()
			self := stackOf(false)
			if gs := goroutinesIn(bubbleTag(self), goroutineHeader(self)); len(gs) > 0 {
				reported.Store(true)
				t.Errorf("%d goroutine(s) were still blocked a (simulated) day after the test's calls "+
					"returned; each one leaks, with everything it references:\n\n%s",
					len(gs), summarize(gs))
			}
		})
		f(t)
	})
}

var bubbleRE = regexp.MustCompile(`synctest bubble \d+\]`)

func stackOf(all bool) string {
	buf := make([]byte, 1<<20)
	return string(buf[:runtime.Stack(buf, all)])
}

func bubbleTag(stack string) string { return bubbleRE.FindString(stack) }

func goroutineHeader(stack string) string {
	h, _, _ := strings.Cut(stack, "[")
	return h + "["
}

// goroutinesIn returns the stacks of the goroutines of the bubble with the
// given tag, except the one whose stack starts with skip and the test
// framework's own goroutines.
func goroutinesIn(tag, skip string) []string {
	if tag == "" {
		return nil
	}
	var out []string
	for _, g := range strings.Split(stackOf(true), "\n\n") {
		header, rest, _ := strings.Cut(g, "\n")
		if !strings.Contains(header, tag) || (skip != "" && strings.HasPrefix(g, skip)) ||
			strings.HasPrefix(rest, "internal/synctest.") || strings.HasPrefix(rest, "testing/synctest.") {
			continue
		}
		out = append(out, g)
	}
	return out
}

var (
	argsRE    = regexp.MustCompile(`\([^()]*\)$`)
	offsetRE  = regexp.MustCompile(` \+0x[0-9a-f]+$`)
	creatorRE = regexp.MustCompile(` in goroutine \d+$`)
	stateRE   = regexp.MustCompile(`^goroutine \d+ \[([^,\]]*)`)
)

// summarize groups goroutines with the same stack, so that a leak of a
// hundred identical workers reads as one stack with a count.
func summarize(stacks []string) string {
	var order []string
	count := map[string]int{}
	for _, g := range stacks {
		lines := strings.Split(g, "\n")
		state := "blocked"
		if m := stateRE.FindStringSubmatch(lines[0]); m != nil {
			state = m[1]
		}
		key := []string{state + ":"}
		for _, l := range lines[1:] {
			l = creatorRE.ReplaceAllString(offsetRE.ReplaceAllString(argsRE.ReplaceAllString(l, "()"), ""), "")
			key = append(key, "  "+strings.TrimSpace(l))
		}
		k := strings.Join(key, "\n")
		if count[k] == 0 {
			order = append(order, k)
		}
		count[k]++
	}
	var b strings.Builder
	for _, k := range order {
		fmt.Fprintf(&b, "%d goroutine(s) in %s\n\n", count[k], k)
	}
	return b.String()
}
