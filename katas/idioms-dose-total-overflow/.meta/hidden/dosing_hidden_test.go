package dosing_test

import (
	"errors"
	"math"
	"testing"

	dosing "gokata.dev/katas/idioms-dose-total-overflow"
)

func total(t *testing.T, orders ...dosing.Order) (int64, error) {
	t.Helper()
	return dosing.TotalMicrograms(orders)
}

func TestHiddenAnEmptyOrderIsZero(t *testing.T) {
	for _, orders := range [][]dosing.Order{nil, {}} {
		if got, err := dosing.TotalMicrograms(orders); got != 0 || err != nil {
			t.Fatalf("TotalMicrograms(%#v) = %d, %v; want 0, nil", orders, got, err)
		}
	}
}

func TestHiddenALineOfExactlyMaxInt64Fits(t *testing.T) {
	// math.MaxInt64 is divisible by 7, so 7 * (MaxInt64/7) is exactly MaxInt64.
	got, err := total(t, dosing.Order{Units: 7, MicrogramsPerUnit: math.MaxInt64 / 7})
	if err != nil || got != math.MaxInt64 {
		t.Fatalf("TotalMicrograms(7 x MaxInt64/7 µg) = %d, %v; want %d, nil: a product equal to the maximum fits",
			got, err, int64(math.MaxInt64))
	}
	got, err = total(t, dosing.Order{Units: math.MaxInt64 / 7, MicrogramsPerUnit: 7})
	if err != nil || got != math.MaxInt64 {
		t.Fatalf("TotalMicrograms(MaxInt64/7 x 7 µg) = %d, %v; want %d, nil", got, err, int64(math.MaxInt64))
	}
}

func TestHiddenALineOneAboveTheMaximumIsRejected(t *testing.T) {
	_, err := total(t, dosing.Order{Units: 7, MicrogramsPerUnit: math.MaxInt64/7 + 1})
	if !errors.Is(err, dosing.ErrOutOfRange) {
		t.Fatalf("TotalMicrograms(7 x (MaxInt64/7+1) µg) returned error %v; want ErrOutOfRange", err)
	}
}

func TestHiddenAProductThatWrapsToAPositiveNumberIsRejected(t *testing.T) {
	// (2^32+1) * 2^32 = 2^64 + 2^32, which wraps to 2^32: positive, and wrong.
	got, err := total(t, dosing.Order{Units: 1<<32 + 1, MicrogramsPerUnit: 1 << 32})
	if !errors.Is(err, dosing.ErrOutOfRange) {
		t.Fatalf("TotalMicrograms((2^32+1) x 2^32 µg) = %d, %v; want ErrOutOfRange. A wrapped product is not "+
			"always negative, so checking the sign after multiplying misses it.", got, err)
	}
	got, err = total(t, dosing.Order{Units: 3, MicrogramsPerUnit: math.MaxInt64/2 + 1})
	if !errors.Is(err, dosing.ErrOutOfRange) {
		t.Fatalf("TotalMicrograms(3 x (MaxInt64/2+1) µg) = %d, %v; want ErrOutOfRange", got, err)
	}
}

func TestHiddenASumThatOverflowsIsRejected(t *testing.T) {
	got, err := total(t, dosing.Order{Units: 1, MicrogramsPerUnit: math.MaxInt64}, dosing.Order{Units: 1, MicrogramsPerUnit: 1})
	if !errors.Is(err, dosing.ErrOutOfRange) || got != 0 {
		t.Fatalf("TotalMicrograms(MaxInt64 µg + 1 µg) = %d, %v; want 0 and ErrOutOfRange: the running sum "+
			"overflows even though each line fits", got, err)
	}
	lines := make([]dosing.Order, 4)
	for i := range lines {
		lines[i] = dosing.Order{Units: 1 << 30, MicrogramsPerUnit: 1 << 31}
	}
	if got, err := total(t, lines...); !errors.Is(err, dosing.ErrOutOfRange) {
		t.Fatalf("TotalMicrograms(4 lines of 2^61 µg) = %d, %v; want ErrOutOfRange", got, err)
	}
}

func TestHiddenASumOfExactlyMaxInt64Fits(t *testing.T) {
	got, err := total(t, dosing.Order{Units: 1, MicrogramsPerUnit: math.MaxInt64 - 5}, dosing.Order{Units: 5, MicrogramsPerUnit: 1})
	if err != nil || got != math.MaxInt64 {
		t.Fatalf("TotalMicrograms((MaxInt64-5) µg + 5 x 1 µg) = %d, %v; want %d, nil", got, err, int64(math.MaxInt64))
	}
}

func TestHiddenTotalsAreExactBeyondFloatPrecision(t *testing.T) {
	// 2^53 + 1 is the first integer float64 cannot represent.
	want := int64(1<<53 + 1)
	got, err := total(t, dosing.Order{Units: 1, MicrogramsPerUnit: 1 << 53}, dosing.Order{Units: 1, MicrogramsPerUnit: 1})
	if err != nil || got != want {
		t.Fatalf("TotalMicrograms(2^53 µg + 1 µg) = %d, %v; want %d, nil: every microgram counts", got, err, want)
	}
	got, err = total(t, dosing.Order{Units: 3, MicrogramsPerUnit: 3002399751580331})
	if want := int64(9007199254740993); err != nil || got != want {
		t.Fatalf("TotalMicrograms(3 x 3002399751580331 µg) = %d, %v; want %d, nil", got, err, want)
	}
}

func TestHiddenZeroQuantitiesAreFine(t *testing.T) {
	got, err := total(t,
		dosing.Order{Units: 0, MicrogramsPerUnit: math.MaxInt64},
		dosing.Order{Units: math.MaxInt64, MicrogramsPerUnit: 0},
		dosing.Order{Units: 0, MicrogramsPerUnit: 0},
		dosing.Order{Units: 4, MicrogramsPerUnit: 25},
	)
	if err != nil || got != 100 {
		t.Fatalf("TotalMicrograms with zero-unit and zero-dose lines plus 4 x 25 µg = %d, %v; want 100, nil", got, err)
	}
}

func TestHiddenNegativeQuantitiesAreRejected(t *testing.T) {
	cases := []dosing.Order{
		{Units: -2, MicrogramsPerUnit: -3}, // the product is positive: check the quantities, not the product
		{Units: 2, MicrogramsPerUnit: -3},
		{Units: math.MinInt64, MicrogramsPerUnit: 1},
		{Units: -1, MicrogramsPerUnit: 0},
	}
	for _, o := range cases {
		got, err := total(t, dosing.Order{Units: 1, MicrogramsPerUnit: 10}, o)
		if !errors.Is(err, dosing.ErrNegative) || got != 0 {
			t.Fatalf("TotalMicrograms(1 x 10 µg, %d x %d µg) = %d, %v; want 0 and ErrNegative", o.Units, o.MicrogramsPerUnit, got, err)
		}
	}
}

func TestHiddenPumpRegisterBoundaries(t *testing.T) {
	cases := []struct {
		total   int64
		want    int32
		wantErr error
	}{
		{0, 0, nil},
		{1, 1, nil},
		{math.MaxInt32, math.MaxInt32, nil},
		{math.MaxInt32 + 1, 0, dosing.ErrOutOfRange},
		{1<<32 + 5, 0, dosing.ErrOutOfRange}, // int32() would give 5
		{math.MaxInt64, 0, dosing.ErrOutOfRange},
		{-1, 0, dosing.ErrNegative},
		{math.MinInt64, 0, dosing.ErrNegative},
	}
	for _, c := range cases {
		got, err := dosing.PumpRegister(c.total)
		if c.wantErr == nil && (err != nil || got != c.want) {
			t.Fatalf("PumpRegister(%d) = %d, %v; want %d, nil", c.total, got, err, c.want)
		}
		if c.wantErr != nil && (!errors.Is(err, c.wantErr) || got != 0) {
			t.Fatalf("PumpRegister(%d) = %d, %v; want 0 and an error wrapping %v", c.total, got, err, c.wantErr)
		}
	}
}

func TestHiddenTheFirstProblemInOrderIsReported(t *testing.T) {
	negativeThenHuge := []dosing.Order{{Units: 2, MicrogramsPerUnit: 500}, {Units: -1, MicrogramsPerUnit: 250},
		{Units: math.MaxInt64, MicrogramsPerUnit: 2}}
	if got, err := dosing.TotalMicrograms(negativeThenHuge); got != 0 || !errors.Is(err, dosing.ErrNegative) ||
		errors.Is(err, dosing.ErrOutOfRange) {
		t.Fatalf("TotalMicrograms(%v) = %d, %v; want 0 and an error wrapping ErrNegative only: line 2 (negative) "+
			"comes before line 3 (out of range), and lines are checked in order", negativeThenHuge, got, err)
	}
	hugeThenNegative := []dosing.Order{{Units: math.MaxInt64, MicrogramsPerUnit: 2}, {Units: -1, MicrogramsPerUnit: 250}}
	if got, err := dosing.TotalMicrograms(hugeThenNegative); got != 0 || !errors.Is(err, dosing.ErrOutOfRange) ||
		errors.Is(err, dosing.ErrNegative) {
		t.Fatalf("TotalMicrograms(%v) = %d, %v; want 0 and an error wrapping ErrOutOfRange only: line 1 is the "+
			"first problem", hugeThenNegative, got, err)
	}
}

func TestHiddenAProductWithOneSmallFactorThatWrapsIsRejected(t *testing.T) {
	// One factor small, the other huge: the product still does not fit, and wraps to a small
	// positive number that looks like an ordinary dose.
	cases := []struct {
		o       dosing.Order
		wrapsTo int64
	}{
		{dosing.Order{Units: 4, MicrogramsPerUnit: 1<<62 + 1}, 4},
		{dosing.Order{Units: 1<<62 + 1, MicrogramsPerUnit: 4}, 4},
		{dosing.Order{Units: math.MaxInt32, MicrogramsPerUnit: 8_589_934_597}, 2_147_483_643},
		{dosing.Order{Units: 8_589_934_597, MicrogramsPerUnit: math.MaxInt32}, 2_147_483_643},
	}
	for _, c := range cases {
		got, err := total(t, dosing.Order{Units: 2, MicrogramsPerUnit: 50}, c.o)
		if !errors.Is(err, dosing.ErrOutOfRange) || got != 0 {
			t.Fatalf("TotalMicrograms(2 x 50 µg, %d x %d µg) = %d, %v; want 0 and ErrOutOfRange: the second "+
				"line's product does not fit in an int64 (it wraps to %d). A product overflows whenever it exceeds "+
				"math.MaxInt64, also when one factor is small; check before multiplying.",
				c.o.Units, c.o.MicrogramsPerUnit, got, err, c.wrapsTo)
		}
	}
}

func TestHiddenANegativeFactorIsReportedEvenWhenTheProductOverflows(t *testing.T) {
	// One line, one (or two) negative factors, and a product that does not fit in an int64 either:
	// the line is negative, so the error wraps ErrNegative, whatever the product does.
	cases := []dosing.Order{
		{Units: 1 << 40, MicrogramsPerUnit: -(1 << 40)},
		{Units: -(1 << 40), MicrogramsPerUnit: 1 << 40},
		{Units: -(1 << 40), MicrogramsPerUnit: -(1 << 40)}, // the product would be positive
		{Units: -2, MicrogramsPerUnit: math.MaxInt64},      // wraps to +2
		{Units: math.MaxInt64, MicrogramsPerUnit: -2},
		{Units: math.MinInt64, MicrogramsPerUnit: 2}, // wraps to 0
		{Units: 2, MicrogramsPerUnit: math.MinInt64},
		{Units: -1, MicrogramsPerUnit: math.MinInt64}, // -MinInt64 does not fit
		{Units: math.MinInt64, MicrogramsPerUnit: -1},
		{Units: math.MinInt64, MicrogramsPerUnit: math.MinInt64},
	}
	for _, o := range cases {
		for _, orders := range [][]dosing.Order{{o}, {{Units: 3, MicrogramsPerUnit: 40}, o}} {
			got, err := dosing.TotalMicrograms(orders)
			if !errors.Is(err, dosing.ErrNegative) || got != 0 {
				t.Fatalf("TotalMicrograms(%v) = %d, %v; want 0 and an error wrapping ErrNegative: the line %d x %d µg "+
					"has a negative quantity, and a negative line is rejected with ErrNegative whatever its product, "+
					"also when the product would not fit in an int64; check the signs first",
					orders, got, err, o.Units, o.MicrogramsPerUnit)
			}
		}
	}
}
