package nightly_test

import (
	"errors"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
)

func TestProcessAllWaitsForEveryCentre(t *testing.T) {
	var processed atomic.Int32
	process := func(centre int) error {
		runtime.Gosched() // cleaning a centre's forms takes a while
		processed.Add(1)
		return nil
	}

	err := processAllWithin(t, centreRange(101, 50), process)

	if err != nil {
		t.Fatalf("ProcessAll returned %v; want nil", err)
	}
	if n := processed.Load(); n != 50 {
		t.Fatalf("ProcessAll returned when %d of 50 centres were processed; want all 50. If the goroutine itself "+
			"calls wg.Add(1), Wait can run before any Add and sees a zero counter. Call Add before the go statement.", n)
	}
}

func TestProcessAllReportsEachFailedCentre(t *testing.T) {
	errLocked := errors.New("database locked")
	errSchema := errors.New("unknown CRF version 7")
	process := func(centre int) error {
		switch centre {
		case 103:
			return errLocked
		case 107:
			return errSchema
		}
		return nil
	}

	err := processAllWithin(t, centreRange(101, 10), process)

	if !errors.Is(err, errLocked) || !errors.Is(err, errSchema) {
		t.Fatalf("ProcessAll returned %v; want an error that wraps both failures (centre 103 and centre 107)", err)
	}
	ces := centreErrors(t, err)
	if len(ces) != 2 || ces[0].Centre != 103 || ces[1].Centre != 107 {
		t.Fatalf("ProcessAll returned %d centre errors (%v); want centre 103 then centre 107", len(ces), err)
	}
	if !strings.Contains(err.Error(), "centre 103") {
		t.Fatalf("error message %q does not name centre 103", err)
	}
}
