package labstats_test

import (
	"errors"
	"slices"
	"testing"

	"gokata.dev/katas/generics-lab-summary"
)

type Microgram int64

type Celsius float64

type Readings []Celsius

func TestMeanOfDefinedIntegerType(t *testing.T) {
	got, err := labstats.Mean([]Microgram{250, 500})
	if err != nil || got != 375 {
		t.Fatalf("Mean([]Microgram{250, 500}) = %v, %v; want 375, nil", got, err)
	}
	got, err = labstats.Mean([]Microgram{1, 2})
	if err != nil || got != 1.5 {
		t.Fatalf("Mean([]Microgram{1, 2}) = %v, %v; want 1.5, nil: the mean of integers is not an integer", got, err)
	}
}

func TestMaxOfColdReadings(t *testing.T) {
	got, ok := labstats.Max([]Celsius{-3.5, -1.25, -7})
	if !ok || got != -1.25 {
		t.Fatalf("Max([-3.5 -1.25 -7]) = %v, %v; want -1.25, true", got, ok)
	}
}

func TestFilterKeepsTheCallersTypeAndInput(t *testing.T) {
	fridge := Readings{4.1, 9.0, 5.2, 12.5}
	warm := labstats.Filter(fridge, func(c Celsius) bool { return c > 8 })
	if !slices.Equal(warm, Readings{9.0, 12.5}) {
		t.Fatalf("Filter(> 8) = %v; want [9 12.5]", warm)
	}
	if !slices.Equal(fridge, Readings{4.1, 9.0, 5.2, 12.5}) {
		t.Fatalf("Filter modified its input: it is now %v", fridge)
	}
}

func TestIndexRejectsDuplicateKeys(t *testing.T) {
	type site struct{ ID, Name string }
	_, err := labstats.Index([]site{{"014", "Lyon"}, {"022", "Basel"}, {"014", "Lille"}}, func(s site) string { return s.ID })
	if !errors.Is(err, labstats.ErrDuplicate) {
		t.Fatalf("Index with two sites 014 returned error %v; want one wrapping ErrDuplicate", err)
	}
}

func TestZeroSetIsReady(t *testing.T) {
	var seen labstats.Set[string]
	seen.Add("S-001")
	seen.Add("S-001")
	if !seen.Has("S-001") || seen.Len() != 1 {
		t.Fatalf("after adding S-001 twice: Has = %v, Len = %d; want true, 1", seen.Has("S-001"), seen.Len())
	}
}
