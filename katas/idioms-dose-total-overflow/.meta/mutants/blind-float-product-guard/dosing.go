// Mutant: breaks: exact overflow detection (float64 guards on the product and the sum let values just above MaxInt64, such as 2^63, wrap through)

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
	var total int64
	for i, o := range orders {
		if o.Units < 0 || o.MicrogramsPerUnit < 0 {
			return 0, fmt.Errorf("line %d: %w", i+1, ErrNegative)
		}
		if float64(o.Units)*float64(o.MicrogramsPerUnit) > math.MaxInt64 {
			return 0, fmt.Errorf("line %d: %d x %d: %w", i+1, o.Units, o.MicrogramsPerUnit, ErrOutOfRange)
		}
		p := o.Units * o.MicrogramsPerUnit
		if float64(total)+float64(p) > math.MaxInt64 {
			return 0, fmt.Errorf("line %d: running total: %w", i+1, ErrOutOfRange)
		}
		total += p
	}
	return total, nil
}

// PumpRegister converts a total to the pump's signed 32-bit dose register.
func PumpRegister(total int64) (int32, error) {
	if total < 0 {
		return 0, fmt.Errorf("pump register: %d: %w", total, ErrNegative)
	}
	if total > math.MaxInt32 {
		return 0, fmt.Errorf("pump register: %d: %w", total, ErrOutOfRange)
	}
	return int32(total), nil
}
