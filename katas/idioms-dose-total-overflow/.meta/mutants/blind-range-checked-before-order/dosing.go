// Mutant (blind: written by the kata-content helper from the README, the starter and the solution,
// without reading the hidden tests).
// Flaw: it checks every line's product range in a first pass and the signs in a second, so a negative line followed by an overflowing one is reported as out of range.
// Violates: "Lines are checked in order and the first problem found is reported."

// Package dosing turns pharmacy orders into totals for the infusion pumps.
package dosing

import (
	"errors"
	"fmt"
	"math"
)

// Order is one line of a pharmacy order: Units vials of MicrogramsPerUnit micrograms each.
type Order struct {
	Units             int64
	MicrogramsPerUnit int64
}

// ErrNegative reports a negative quantity.
var ErrNegative = errors.New("dosing: negative quantity")

// ErrOutOfRange reports a value that does not fit the type it must be stored in.
var ErrOutOfRange = errors.New("dosing: value out of range")

// TotalMicrograms returns the sum of Units*MicrogramsPerUnit over all order lines.
func TotalMicrograms(orders []Order) (int64, error) {
	// Validate every line first, then add: the range checks run before the sign checks.
	for i, o := range orders {
		if o.Units > 0 && o.MicrogramsPerUnit > 0 && o.MicrogramsPerUnit > math.MaxInt64/o.Units {
			return 0, fmt.Errorf("order line %d: %w", i+1, ErrOutOfRange)
		}
	}
	var total int64
	for i, o := range orders {
		if o.Units < 0 || o.MicrogramsPerUnit < 0 {
			return 0, fmt.Errorf("order line %d: %w", i+1, ErrNegative)
		}
		// Check before multiplying: once the product has wrapped, no test on it can tell.
		if o.Units != 0 && o.MicrogramsPerUnit > math.MaxInt64/o.Units {
			return 0, fmt.Errorf("order line %d: %w", i+1, ErrOutOfRange)
		}
		line := o.Units * o.MicrogramsPerUnit
		if total > math.MaxInt64-line {
			return 0, fmt.Errorf("order line %d: %w", i+1, ErrOutOfRange)
		}
		total += line
	}
	return total, nil
}

// PumpRegister converts a total to the pump's signed 32-bit dose register.
func PumpRegister(total int64) (int32, error) {
	if total < 0 {
		return 0, ErrNegative
	}
	if total > math.MaxInt32 {
		return 0, ErrOutOfRange
	}
	return int32(total), nil
}
