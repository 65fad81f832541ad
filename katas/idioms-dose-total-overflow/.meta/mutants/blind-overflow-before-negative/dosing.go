// Package dosing turns pharmacy orders into totals for the infusion pumps.
package dosing

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
)

type Order struct {
	Units             int64
	MicrogramsPerUnit int64
}

var ErrNegative = errors.New("dosing: negative quantity")

var ErrOutOfRange = errors.New("dosing: value out of range")

func TotalMicrograms(orders []Order) (int64, error) {
	var total int64
	for i, o := range orders {
		if o.Units != 0 {
			q := o.Units * o.MicrogramsPerUnit
			if q/o.Units != o.MicrogramsPerUnit || (o.Units == -1 && o.MicrogramsPerUnit == math.MinInt64) {
				return 0, fmt.Errorf("line %d: product: %w", i, ErrOutOfRange)
			}
		}
		if o.Units < 0 || o.MicrogramsPerUnit < 0 {
			return 0, fmt.Errorf("line %d: %w", i, ErrNegative)
		}
		hi, lo := bits.Mul64(uint64(o.Units), uint64(o.MicrogramsPerUnit))
		if hi != 0 || lo > math.MaxInt64 {
			return 0, fmt.Errorf("line %d: product: %w", i, ErrOutOfRange)
		}
		p := int64(lo)
		if total > math.MaxInt64-p {
			return 0, fmt.Errorf("line %d: total: %w", i, ErrOutOfRange)
		}
		total += p
	}
	return total, nil
}

func PumpRegister(total int64) (int32, error) {
	if total < 0 {
		return 0, fmt.Errorf("total %d: %w", total, ErrNegative)
	}
	if total > math.MaxInt32 {
		return 0, fmt.Errorf("total %d: %w", total, ErrOutOfRange)
	}
	return int32(total), nil
}
