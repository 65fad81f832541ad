package hl7pipe

import (
	"context"
	"strings"
)


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


func Stage[In, Out any](ctx context.Context, in <-chan In, f func(In) (Out, bool)) <-chan Out {
	out := make(chan Out)
	go func() {
		defer func() {
			for range in {
			}
		}()
		defer close(out)
		for {
			select {
			case <-ctx.Done():
				return
			case v, ok := <-in:
				if !ok {
					return
				}
				if r, keep := f(v); keep {
					select {
					case out <- r:
						continue
					default:
					}
					select {
					case out <- r:
					case <-ctx.Done():
						return
					}
				}
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
