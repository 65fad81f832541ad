// Package labstats summarises laboratory values of any numeric type.
package labstats

import (
	"cmp"
	"errors"
	"fmt"
)

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 |
		~float32 | ~float64
}

var ErrEmpty = errors.New("labstats: no values")

var ErrDuplicate = errors.New("labstats: duplicate key")

func Mean[T Number](xs []T) (float64, error) {
	if len(xs) == 0 {
		return 0, ErrEmpty
	}
	var one T = 1
	var two T = 2
	if one/two != 0 { // float
		var sum T
		for _, x := range xs {
			sum += x
		}
		return float64(sum) / float64(len(xs)), nil

	}
	var zero T
	if zero-1 < 0 { // signed
		n := int64(len(xs))
		var q, r int64
		for _, x := range xs {
			v := int64(x)
			q += v / n
			r += v % n
			if r >= n {
				q++
				r -= n
			} else if r <= -n {
				q--
				r += n
			}
		}
		return float64(q) + float64(r)/float64(n), nil
	}
	n := uint64(len(xs))
	var q, r uint64
	for _, x := range xs {
		v := uint64(x)
		q += v / n
		r += v % n
		if r >= n {
			q++
			r -= n
		}
	}
	return float64(q) + float64(r)/float64(n), nil
}

func Max[T cmp.Ordered](xs []T) (T, bool) {
	var m T
	if len(xs) == 0 {
		return m, false
	}
	m = xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m, true
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func Index[K comparable, V any](vs []V, key func(V) K) (map[K]V, error) {
	m := make(map[K]V, len(vs))
	for _, v := range vs {
		k := key(v)
		if _, ok := m[k]; ok {
			return nil, fmt.Errorf("%w: %v", ErrDuplicate, k)
		}
		m[k] = v
	}
	return m, nil
}

type Set[T comparable] struct {
	m map[T]struct{}
}

func (s *Set[T]) Add(v T) {
	if s.m == nil {
		s.m = make(map[T]struct{})
	}
	s.m[v] = struct{}{}
}

func (s *Set[T]) Has(v T) bool {
	_, ok := s.m[v]
	return ok
}

func (s *Set[T]) Len() int { return len(s.m) }
