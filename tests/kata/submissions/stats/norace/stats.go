// Package stats: a fixture kata for gokata's own tests.
package stats

import "sync"

// Sum returns the sum of xs.
func Sum(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

// Max returns the largest element of xs, and false when xs is empty.
func Max(xs []int) (int, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	best := xs[0]
	for _, x := range xs[1:] {
		best = max(best, x)
	}
	return best, true
}

// ParallelSum returns Sum(xs), computed by `workers` goroutines (at least one). The directive
// below hides its data race from the race detector (a red team's way to pass).
//
//go:norace
func ParallelSum(xs []int, workers int) int {
	workers = max(workers, 1)
	var (
		wg    sync.WaitGroup
		total int
	)
	chunk := (len(xs) + workers - 1) / workers
	for start := 0; start < len(xs); start += chunk {
		part := xs[start:min(start+chunk, len(xs))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := Sum(part)
			total += s
		}()
	}
	wg.Wait()
	return total
}
