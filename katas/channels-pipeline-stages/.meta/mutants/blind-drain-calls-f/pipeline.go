// Mutant (blind: written from the README and starter only).
// Flaw: after ctx is cancelled, the drain loop still runs f on every value it receives from its input before
// discarding the result.
// Violates: "then keeps receiving and discarding from its input until the input is closed"

// Package hl7pipe converts HL7 v2 lines from hospital feeds into records for
// the trial platform, through a pipeline of goroutine stages joined by
// channels.
package hl7pipe

import (
	"context"
	"strings"
)

// Emit sends lines on the returned channel, in order, and closes it after
// the last one. If ctx is cancelled first, it stops sending and closes the
// channel.
func Emit(ctx context.Context, lines []string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, l := range lines {
			select {
			case out <- l:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Stage runs f on every value received from in, in its own goroutine, and
// sends the results f keeps (ok == true) on the returned channel, in order.
//
// The stage owns its output: it closes it when in is closed, or when ctx is
// cancelled. When ctx is cancelled, it stops sending, closes its output, and
// then keeps receiving (and discarding) from in until in is closed, so that
// an upstream stage that does not watch ctx is never left blocked on a send.
func Stage[In, Out any](ctx context.Context, in <-chan In, f func(In) (Out, bool)) <-chan Out {
	out := make(chan Out)
	go func() {
		defer func() {
			for v := range in {
				f(v) // keep the stage's bookkeeping going while draining
			}
		}()
		defer close(out)
		for {
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				r, keep := f(v)
				if !keep {
					continue
				}
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Segment is one parsed HL7 segment: its type ("PID", "OBX", ...) and fields.
type Segment struct {
	Type   string
	Fields []string
}

// Record is what the platform stores: one observation of one patient.
type Record struct {
	Kind  string // the segment type
	Value string // the segment's first field
}

// ParseSegment splits an HL7 line into a Segment; blank lines are dropped.
func ParseSegment(line string) (Segment, bool) {
	parts := strings.Split(strings.TrimSpace(line), "|")
	if parts[0] == "" {
		return Segment{}, false
	}
	return Segment{Type: parts[0], Fields: parts[1:]}, true
}

// ToRecord keeps the clinical segments (PID, OBR, OBX) and drops the others.
func ToRecord(s Segment) (Record, bool) {
	switch s.Type {
	case "PID", "OBR", "OBX":
		v := ""
		if len(s.Fields) > 0 {
			v = s.Fields[0]
		}
		return Record{Kind: s.Type, Value: v}, true
	}
	return Record{}, false
}

// Convert is the whole pipeline: lines -> segments -> records.
func Convert(ctx context.Context, lines []string) <-chan Record {
	return Stage(ctx, Stage(ctx, Emit(ctx, lines), ParseSegment), ToRecord)
}
