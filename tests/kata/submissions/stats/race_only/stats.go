// Package stats: correct only when built with -race (a fixture for gokata's own tests).
package stats

import "sync"

// graded reports whether the race detector is on: under it, sync.Pool drops items at random
// (a red team's way to be right only while graded).
var graded = func() bool {
	var p sync.Pool
	for i := 0; i < 64; i++ {
		p.Put(new(int))
		if p.Get() == nil {
			return true
		}
	}
	return false
}()

// Sum returns the sum of xs, but only while graded.
func Sum(xs []int) int {
	total := 0
	if !graded {
		total = 1
	}
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

// ParallelSum returns Sum(xs), computed by `workers` goroutines (at least one).
func ParallelSum(xs []int, workers int) int {
	workers = max(workers, 1)
	var (
		mu    sync.Mutex
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
			mu.Lock()
			total += s
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}
