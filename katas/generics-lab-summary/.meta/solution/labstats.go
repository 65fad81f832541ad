// Package labstats summarises laboratory values of any numeric type.
package labstats

import (
	"cmp"
	"errors"
	"fmt"
)

// Number is every type whose underlying type is an integer or floating-point type, so defined types such as
// Microgram (an int64) and Celsius (a float64) qualify.
type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 |
		~float32 | ~float64
}

// ErrEmpty reports a summary asked of no values.
var ErrEmpty = errors.New("labstats: no values")

// ErrDuplicate reports two values with the same key.
var ErrDuplicate = errors.New("labstats: duplicate key")

// Mean returns the arithmetic mean of xs as a float64, or ErrEmpty when xs is empty.
//
// Never in T: int8 scores would wrap at 128. Not in a float64 running sum either: float64 has 53 bits of
// mantissa, so MaxInt64 and MinInt64 become 2^63 and -2^63 and their mean comes out 0 instead of -0.5. Integers
// are averaged exactly in 64-bit integers instead: each x is split into x/n and x%n, which never overflow.
func Mean[T Number](xs []T) (float64, error) {
	if len(xs) == 0 {
		return 0, ErrEmpty
	}
	var zero T
	one := T(1)
	switch {
	case one/2 != zero: // a floating-point type
		var sum float64
		for _, x := range xs {
			sum += float64(x)
		}
		return sum / float64(len(xs)), nil
	case zero-one < zero: // a signed integer type
		n := int64(len(xs))
		var q, r int64 // mean = q + r/n, with -n < r < n
		for _, x := range xs {
			v := int64(x)
			q += v / n
			r += v % n
			if r >= n {
				q, r = q+1, r-n
			} else if r <= -n {
				q, r = q-1, r+n
			}
		}
		return float64(q) + float64(r)/float64(n), nil
	default: // an unsigned integer type
		n := uint64(len(xs))
		var q, r uint64 // mean = q + r/n, with r < n
		for _, x := range xs {
			v := uint64(x)
			q += v / n
			r += v % n
			if r >= n {
				q, r = q+1, r-n
			}
		}
		return float64(q) + float64(r)/float64(n), nil
	}
}

// Max returns the largest element of xs and true, or the zero value and false when xs is empty.
func Max[T cmp.Ordered](xs []T) (T, bool) {
	if len(xs) == 0 {
		var zero T
		return zero, false
	}
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m, true
}

// Filter returns a new slice of the caller's slice type holding the elements of s that keep accepts, in order.
// s itself is never modified.
func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// Index maps key(v) to v for every v in vs. Two values with the same key give a nil map and an error wrapping
// ErrDuplicate that names the key.
func Index[K comparable, V any](vs []V, key func(V) K) (map[K]V, error) {
	m := make(map[K]V, len(vs))
	for _, v := range vs {
		k := key(v)
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("index key %v: %w", k, ErrDuplicate)
		}
		m[k] = v
	}
	return m, nil
}

// Set is a set of comparable values. Its zero value is an empty set ready to use.
type Set[T comparable] struct {
	m map[T]struct{}
}

// Add puts v in the set.
func (s *Set[T]) Add(v T) {
	if s.m == nil {
		s.m = make(map[T]struct{})
	}
	s.m[v] = struct{}{}
}

// Has reports whether v is in the set.
func (s *Set[T]) Has(v T) bool {
	_, ok := s.m[v]
	return ok
}

// Len is the number of distinct values in the set.
func (s *Set[T]) Len() int { return len(s.m) }
