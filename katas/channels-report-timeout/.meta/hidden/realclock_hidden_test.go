package eproreport_test

// The behaviours of the bubble tests, checked once more outside any synctest
// bubble, with the real clock and short real durations, so that code cannot
// behave well only under fake time. Lower bounds are exact (a timer never
// fires early); upper bounds are generous (a second or more for work that
// takes milliseconds), so a loaded machine does not make them flaky.

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	eproreport "gokata.dev/katas/channels-report-timeout"
)

// slack is how late, in real time, Generate may return on a loaded machine.
const slack = 1500 * time.Millisecond

// generateGoroutines lists the goroutines, outside every synctest bubble,
// that are running code of generate.go.
func generateGoroutines() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if !strings.Contains(header, "synctest bubble") && strings.Contains(g, "/generate.go:") {
			left = append(left, g)
		}
	}
	return left
}

// expectNoGenerateGoroutines polls until no more goroutines run generate.go
// code than before the test started (baseline: left over by a failed test).
func expectNoGenerateGoroutines(t *testing.T, baseline int, when string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for len(generateGoroutines()) > baseline {
		if time.Now().After(deadline) {
			left := generateGoroutines()
			t.Fatalf("%s (real clock), %d goroutine(s) of generate.go were still there 2s later: a leak.\n\n%s",
				when, len(left), strings.Join(left, "\n\n"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestHiddenRealClockTimeoutCancelsGenAndLeaksNothing(t *testing.T) {
	baseline := len(generateGoroutines())
	type seen struct {
		at  time.Duration
		err error
	}
	saw := make(chan seen, 1)
	start := time.Now()
	gen := func(ctx context.Context) (eproreport.Report, error) {
		select {
		case <-ctx.Done(): // a renderer that stops when told to
			saw <- seen{time.Since(start), ctx.Err()}
			return eproreport.Report{}, ctx.Err()
		case <-time.After(3 * time.Second): // never told: it finishes the report after all
			return eproreport.Report{Pages: 8}, nil
		}
	}

	_, err := eproreport.Generate(context.Background(), 60*time.Millisecond, gen)
	d := time.Since(start)

	if !errors.Is(err, eproreport.ErrTimeout) || d < 60*time.Millisecond || d > 60*time.Millisecond+slack {
		t.Fatalf("with a 60ms budget (real clock) and a renderer that stops only when told, Generate returned %v "+
			"after %v; want ErrTimeout after 60ms", err, d)
	}
	select {
	case s := <-saw:
		if !errors.Is(s.err, context.DeadlineExceeded) || s.at < 60*time.Millisecond {
			t.Fatalf("gen's ctx ended after %v with %v; want at 60ms with context.DeadlineExceeded", s.at, s.err)
		}
	case <-time.After(slack):
		t.Fatalf("gen's ctx was still alive well after the 60ms budget (real clock)")
	}
	expectNoGenerateGoroutines(t, baseline, "after a timed-out report whose renderer stopped")
}

func TestHiddenRealClockGenIgnoringCtx(t *testing.T) {
	baseline := len(generateGoroutines())
	release := make(chan struct{})
	var once sync.Once
	finish := func() { once.Do(func() { close(release) }) }
	defer finish()
	gen := func(ctx context.Context) (eproreport.Report, error) {
		select { // an old renderer that never looks at ctx
		case <-release:
		case <-time.After(3 * time.Second):
		}
		return eproreport.Report{Pages: 3}, nil
	}

	start := time.Now()
	_, err := eproreport.Generate(context.Background(), 40*time.Millisecond, gen)
	if d := time.Since(start); !errors.Is(err, eproreport.ErrTimeout) || d < 40*time.Millisecond || d > 40*time.Millisecond+slack {
		t.Fatalf("with a 40ms budget (real clock) and a renderer that ignores ctx, Generate returned %v after %v; "+
			"want ErrTimeout after 40ms", err, d)
	}

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(30*time.Millisecond, cancel)
	start = time.Now()
	_, err = eproreport.Generate(ctx, 3*time.Second, gen)
	if d := time.Since(start); !errors.Is(err, context.Canceled) || errors.Is(err, eproreport.ErrTimeout) ||
		d > 30*time.Millisecond+slack {
		t.Fatalf("the caller cancelled after 30ms (real clock, budget 3s, a renderer that ignores ctx); "+
			"Generate returned %v after %v; want context.Canceled at once", err, d)
	}

	dctx, dcancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer dcancel()
	_, err = eproreport.Generate(dctx, 3*time.Second, gen)
	if errors.Is(err, eproreport.ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("the caller's own 30ms deadline ended its ctx (real clock, budget 3s); Generate returned "+
			"%v; want ctx.Err() (context.DeadlineExceeded), not ErrTimeout", err)
	}

	finish() // the renderers finish now; their goroutines must exit
	expectNoGenerateGoroutines(t, baseline, "after the renderers that ignored ctx finished")
}

func TestHiddenRealClockFastReportAndGenError(t *testing.T) {
	baseline := len(generateGoroutines())
	start := time.Now()
	r, err := eproreport.Generate(context.Background(), time.Minute,
		func(ctx context.Context) (eproreport.Report, error) {
			return eproreport.Report{PatientID: "P00731", Pages: 2}, nil
		})
	if err != nil || r.PatientID != "P00731" || r.Pages != 2 || time.Since(start) > slack {
		t.Fatalf("an instant report with a 1-minute budget (real clock): Generate = %+v, %v after %v; want the "+
			"report at once", r, err, time.Since(start))
	}

	errRender := errors.New("renderer out of fonts")
	_, err = eproreport.Generate(context.Background(), time.Minute,
		func(ctx context.Context) (eproreport.Report, error) {
			time.Sleep(10 * time.Millisecond)
			return eproreport.Report{}, errRender
		})
	if !errors.Is(err, errRender) {
		t.Fatalf("gen failed after 10ms with a 1-minute budget (real clock); Generate returned %v; want gen's "+
			"error", err)
	}
	expectNoGenerateGoroutines(t, baseline, "after a fast report and a failed one")
}
