// Package dosing turns pharmacy orders into totals for the infusion pumps.
package dosing

import "errors"

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
//
// This is the code that sent a negative dose to a pump: fix it.
func TotalMicrograms(orders []Order) (int64, error) {
	var total int64
	for _, o := range orders {
		total += o.Units * o.MicrogramsPerUnit
	}
	return total, nil
}

// PumpRegister converts a total to the pump's signed 32-bit dose register.
func PumpRegister(total int64) (int32, error) {
	return int32(total), nil
}
