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
			return 0, fmt.Errorf("line %d: %w", i, ErrNegative)
		}
		// a product can only overflow when both factors are large
		if o.Units > math.MaxInt32 && o.MicrogramsPerUnit > math.MaxInt32 {
			return 0, fmt.Errorf("line %d: product: %w", i, ErrOutOfRange)
		}
		p := o.Units * o.MicrogramsPerUnit
		if p < 0 {
			return 0, fmt.Errorf("line %d: product: %w", i, ErrOutOfRange)
		}
		if total > math.MaxInt64-p {
			return 0, fmt.Errorf("line %d: sum: %w", i, ErrOutOfRange)
		}
		total += p
	}
	return total, nil
}

// PumpRegister converts a total to the pump's signed 32-bit dose register.
func PumpRegister(total int64) (int32, error) {
	if total < 0 {
		return 0, fmt.Errorf("%d: %w", total, ErrNegative)
	}
	if total > math.MaxInt32 {
		return 0, fmt.Errorf("%d: %w", total, ErrOutOfRange)
	}
	return int32(total), nil
}
