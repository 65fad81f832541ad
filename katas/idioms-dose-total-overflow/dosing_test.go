package dosing_test

import (
	"errors"
	"math"
	"testing"

	dosing "gokata.dev/katas/idioms-dose-total-overflow"
)

func TestTotalOfAnOrdinaryOrder(t *testing.T) {
	got, err := dosing.TotalMicrograms([]dosing.Order{{Units: 10, MicrogramsPerUnit: 500}, {Units: 2, MicrogramsPerUnit: 250}})
	if err != nil || got != 5500 {
		t.Fatalf("TotalMicrograms(10 x 500 µg, 2 x 250 µg) = %d, %v; want 5500, nil", got, err)
	}
}

func TestTotalRejectsALineThatOverflows(t *testing.T) {
	order := []dosing.Order{{Units: 1 << 32, MicrogramsPerUnit: 1 << 32}}
	got, err := dosing.TotalMicrograms(order)
	if !errors.Is(err, dosing.ErrOutOfRange) {
		t.Fatalf("TotalMicrograms(2^32 x 2^32 µg) = %d, %v; want an error wrapping ErrOutOfRange. "+
			"The product is 2^64, which int64 cannot hold: at run time Go wraps it (here to 0) without a panic.", got, err)
	}
	if got != 0 {
		t.Fatalf("TotalMicrograms returned %d with its error; want 0", got)
	}
}

func TestTotalRejectsNegativeQuantities(t *testing.T) {
	_, err := dosing.TotalMicrograms([]dosing.Order{{Units: 3, MicrogramsPerUnit: 100}, {Units: -1, MicrogramsPerUnit: 100}})
	if !errors.Is(err, dosing.ErrNegative) {
		t.Fatalf("TotalMicrograms with Units -1 returned error %v; want one wrapping ErrNegative", err)
	}
}

func TestPumpRegisterRejectsTotalsAbove32Bits(t *testing.T) {
	total := int64(math.MaxInt32) + 1
	got, err := dosing.PumpRegister(total)
	if !errors.Is(err, dosing.ErrOutOfRange) {
		t.Fatalf("PumpRegister(%d) = %d, %v; want an error wrapping ErrOutOfRange. "+
			"int32(x) keeps the low 32 bits without complaint, so this total became %d.", total, got, err, int32(total))
	}
}

func TestPumpRegisterKeepsSmallTotals(t *testing.T) {
	got, err := dosing.PumpRegister(5500)
	if err != nil || got != 5500 {
		t.Fatalf("PumpRegister(5500) = %d, %v; want 5500, nil", got, err)
	}
}
