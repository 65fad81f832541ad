package eproreport_test

import (
	"context"
	"errors"
	"testing"
	"time"

	eproreport "gokata.dev/katas/channels-report-timeout"
)

func TestGenerateReturnsTheReport(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		gen := func(ctx context.Context) (eproreport.Report, error) {
			time.Sleep(2 * time.Second) // rendering the PDF
			return eproreport.Report{PatientID: "P00042", Pages: 3}, nil
		}
		start := time.Now()

		r, err := eproreport.Generate(t.Context(), 5*time.Second, gen)

		if err != nil || r.PatientID != "P00042" || r.Pages != 3 {
			t.Fatalf("Generate = %+v, %v; want the report of P00042 (3 pages)", r, err)
		}
		if d := time.Since(start); d != 2*time.Second {
			t.Fatalf("Generate returned after %v; want 2s, as soon as the report was ready", d)
		}
	})
}

func TestGenerateGivesUpAtTheTimeoutAndLeavesNothingBehind(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		gen := func(ctx context.Context) (eproreport.Report, error) {
			time.Sleep(time.Minute) // a renderer that ignores ctx and takes a minute
			return eproreport.Report{PatientID: "P00077", Pages: 12}, nil
		}
		start := time.Now()

		_, err := eproreport.Generate(t.Context(), 5*time.Second, gen)

		if !errors.Is(err, eproreport.ErrTimeout) {
			t.Fatalf("Generate with a 5s budget and a 1-minute renderer returned %v; want ErrTimeout", err)
		}
		if d := time.Since(start); d != 5*time.Second {
			t.Fatalf("Generate returned after %v; want exactly 5s, the budget", d)
		}

		time.Sleep(2 * time.Minute) // the renderer finishes long after Generate gave up
		expectAllExited(t, "a minute after the slow renderer finished, "+
			"the goroutine that ran it should have exited; instead")
		if t.Failed() {
			t.Fatalf("A goroutine that sends its result on an unbuffered channel blocks until someone " +
				"receives; after the timeout nobody ever will. Give the channel room for the one result " +
				"(make(chan result, 1)).")
		}
	})
}
