package labstats_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"gokata.dev/katas/generics-lab-summary"
)

type PainScore int8

type SiteID string

func TestHiddenMeanDoesNotOverflowSmallTypes(t *testing.T) {
	got, err := labstats.Mean([]PainScore{100, 90, 80})
	if err != nil || got != 90 {
		t.Fatalf("Mean([]PainScore{100, 90, 80}) = %v, %v; want 90: adding in int8 wraps 270 to 14", got, err)
	}
	got, err = labstats.Mean([]uint8{255, 255, 255})
	if err != nil || got != 255 {
		t.Fatalf("Mean([]uint8{255, 255, 255}) = %v, %v; want 255", got, err)
	}
	got, err = labstats.Mean([]int64{math.MaxInt64, math.MaxInt64})
	if err != nil || math.Abs(got-math.MaxInt64) > 1e4 {
		t.Fatalf("Mean([MaxInt64 MaxInt64]) = %v, %v; want about 9.223372e18", got, err)
	}
	got, err = labstats.Mean([]int64{math.MaxInt64, math.MinInt64})
	if err != nil || got != -0.5 {
		t.Fatalf("Mean([MaxInt64 MinInt64]) = %v, %v; want exactly -0.5: float64(MaxInt64) rounds up to 2^63, "+
			"so a float64 sum loses the -1", got, err)
	}
	got, err = labstats.Mean([]uint64{math.MaxUint64, math.MaxUint64 - 1, 1})
	if err != nil || got != float64(uint64(math.MaxUint64/3*2)) {
		t.Fatalf("Mean([MaxUint64 MaxUint64-1 1]) = %v, %v; want %v", got, err, float64(uint64(math.MaxUint64/3*2)))
	}
}

func TestHiddenMeanIsNotTruncated(t *testing.T) {
	cases := []struct {
		name string
		got  func() (float64, error)
		want float64
	}{
		{"int 1,2,2", func() (float64, error) { return labstats.Mean([]int{1, 2, 2}) }, 5.0 / 3},
		{"Microgram 3,4", func() (float64, error) { return labstats.Mean([]Microgram{3, 4}) }, 3.5},
		{"float32 0.5,0.25", func() (float64, error) { return labstats.Mean([]float32{0.5, 0.25}) }, 0.375},
		{"Celsius -1.5,-2", func() (float64, error) { return labstats.Mean([]Celsius{-1.5, -2}) }, -1.75},
		{"negative ints -3,-4", func() (float64, error) { return labstats.Mean([]int32{-3, -4}) }, -3.5},
	}
	for _, c := range cases {
		got, err := c.got()
		if err != nil || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("Mean(%s) = %v, %v; want %v, nil", c.name, got, err, c.want)
		}
	}
}

// Dose is a defined float32 type: Mean of it must not be computed in float32 either.
type Dose float32

func TestHiddenMeanOfFloat32IsComputedInFloat64(t *testing.T) {
	// Two float32 values add exactly in float64, so the exact mean is available; summing in float32
	// overflows to +Inf near MaxFloat32 and rounds 2^24+1 down to 2^24.
	big := float32(3e38)
	got, err := labstats.Mean([]float32{big, big})
	if err != nil || got != float64(big) {
		t.Fatalf("Mean([]float32{3e38, 3e38}) = %v, %v; want %v: the mean is exact, so it cannot overflow "+
			"when the sum does not fit in a float32", got, err, float64(big))
	}
	got, err = labstats.Mean([]Dose{Dose(big), Dose(big), Dose(big)})
	if err != nil || got != float64(big) {
		t.Fatalf("Mean([]Dose{3e38, 3e38, 3e38}) = %v, %v; want %v (Dose is a float32)", got, err, float64(big))
	}
	got, err = labstats.Mean([]float32{16777216, 1})
	if err != nil || got != 8388608.5 {
		t.Fatalf("Mean([]float32{16777216, 1}) = %v, %v; want exactly 8388608.5: 16777217 does not fit in a "+
			"float32, so a float32 sum loses the 1", got, err)
	}
	got, err = labstats.Mean([]Dose{-16777216, -1, 0, 0})
	if err != nil || got != -4194304.25 {
		t.Fatalf("Mean([]Dose{-16777216, -1, 0, 0}) = %v, %v; want exactly -4194304.25", got, err)
	}
}

func TestHiddenMeanOfNothing(t *testing.T) {
	if _, err := labstats.Mean([]int{}); !errors.Is(err, labstats.ErrEmpty) {
		t.Fatalf("Mean([]int{}) error = %v; want ErrEmpty", err)
	}
	if got, err := labstats.Mean[float64](nil); !errors.Is(err, labstats.ErrEmpty) || got != 0 {
		t.Fatalf("Mean[float64](nil) = %v, %v; want 0, ErrEmpty (not NaN)", got, err)
	}
}

func TestHiddenMax(t *testing.T) {
	if got, ok := labstats.Max([]int{}); ok || got != 0 {
		t.Fatalf("Max([]int{}) = %v, %v; want 0, false", got, ok)
	}
	if got, ok := labstats.Max([]Microgram{-40, -2, -900}); !ok || got != -2 {
		t.Fatalf("Max([-40 -2 -900]) = %v, %v; want -2, true", got, ok)
	}
	if got, ok := labstats.Max([]SiteID{"022", "114", "031"}); !ok || got != "114" {
		t.Fatalf("Max(site IDs) = %q, %v; want \"114\", true", got, ok)
	}
	if got, ok := labstats.Max([]string{""}); !ok || got != "" {
		t.Fatalf("Max([\"\"]) = %q, %v; want \"\", true", got, ok)
	}
	if got, ok := labstats.Max([]uint16{7}); !ok || got != 7 {
		t.Fatalf("Max([7]) = %v, %v; want 7, true", got, ok)
	}
}

func TestHiddenFilterReturnsAFreshSliceOfTheSameType(t *testing.T) {
	base := make(Readings, 3, 10)
	copy(base, Readings{2, 3, 4})
	all := labstats.Filter(base, func(Celsius) bool { return true })
	var asAny any = all
	if _, ok := asAny.(Readings); !ok {
		t.Fatalf("Filter returned a %T; want Readings", asAny)
	}
	all[0] = 99
	all = append(all, 5)
	if !slices.Equal(base, Readings{2, 3, 4}) || base[:4][3] != 0 {
		t.Fatalf("changing Filter's result changed its input: %v (spare capacity %v)", base, base[:4])
	}
	src := Readings{1, 2}
	none := labstats.Filter(src, func(Celsius) bool { return false })
	if len(none) != 0 {
		t.Fatalf("Filter(keep nothing) = %v; want no elements", none)
	}
	_ = append(none, 9)
	if !slices.Equal(src, Readings{1, 2}) {
		t.Fatalf("appending to Filter(keep nothing)'s result changed its input to %v; want [1 2]: "+
			"an empty result must not share the input's array", src)
	}
	odd := labstats.Filter([]int{1, 2, 3, 4, 5}, func(n int) bool { return n%2 == 1 })
	if !slices.Equal(odd, []int{1, 3, 5}) {
		t.Fatalf("Filter(odd) = %v; want [1 3 5]", odd)
	}
}

func TestHiddenIndex(t *testing.T) {
	type visit struct {
		Subject string
		Day     int
	}
	visits := []visit{{"S-1", 1}, {"S-2", 8}, {"S-3", 15}}
	m, err := labstats.Index(visits, func(v visit) string { return v.Subject })
	if err != nil || len(m) != 3 || m["S-2"].Day != 8 {
		t.Fatalf("Index(3 distinct subjects) = %v, %v; want 3 entries, nil", m, err)
	}
	byDay, err := labstats.Index([]visit{{"S-1", 1}, {"S-2", 8}, {"S-9", 8}}, func(v visit) int { return v.Day })
	if !errors.Is(err, labstats.ErrDuplicate) || byDay != nil {
		t.Fatalf("Index(two visits on day 8) = %v, %v; want nil and an error wrapping ErrDuplicate", byDay, err)
	}
	if !strings.Contains(err.Error(), "8") {
		t.Fatalf("duplicate error %q does not name the key 8", err)
	}
	empty, err := labstats.Index([]visit{}, func(v visit) string { return v.Subject })
	if err != nil || empty == nil || len(empty) != 0 {
		t.Fatalf("Index(no values) = %#v, %v; want an empty, non-nil map", empty, err)
	}
	empty["S-4"] = visit{}
}

func TestHiddenSet(t *testing.T) {
	var sites labstats.Set[SiteID]
	if sites.Has("014") || sites.Len() != 0 {
		t.Fatal("a zero Set is not empty")
	}
	for _, id := range []SiteID{"014", "022", "014", "031", "022"} {
		sites.Add(id)
	}
	if sites.Len() != 3 || !sites.Has("031") || sites.Has("099") {
		t.Fatalf("Set after adding 014 022 014 031 022: Len = %d, Has(031) = %v, Has(099) = %v; want 3, true, false",
			sites.Len(), sites.Has("031"), sites.Has("099"))
	}
	type key struct {
		Site SiteID
		Day  int
	}
	var days labstats.Set[key]
	days.Add(key{"014", 1})
	days.Add(key{"014", 1})
	if days.Len() != 1 || !days.Has(key{"014", 1}) {
		t.Fatalf("Set of struct keys: Len = %d; want 1", days.Len())
	}
}
